import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/** Overwrites four pages a third of the way into an SQLite file with noise, as a failing disk would. */
export function damageDatabase(file: string): void {
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  try {
    for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 4; p++) writeSync(fd, randomBytes(4096), 0, 4096, p * 4096);
  } finally {
    closeSync(fd);
  }
}
