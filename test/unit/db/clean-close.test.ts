import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedCleanly, stampCleanClose } from '../../../main/node/db/clean-close';

describe('whether a start may skip reading every page of the database', () => {
  const dirs: string[] = [];
  const folder = () => {
    const d = mkdtempSync(join(tmpdir(), 'motcua-clean-close-'));
    dirs.push(d);
    const file = join(d, 'motcua.sqlite');
    writeFileSync(file, 'x'.repeat(4096));
    return { d, file };
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('only right after a clean close, once', () => {
    const { d, file } = folder();
    expect(closedCleanly(d, file), 'first start: no stamp').toBe(false);
    stampCleanClose(d, file);
    expect(closedCleanly(d, file)).toBe(true);
    expect(closedCleanly(d, file), 'the stamp is used up: a crash after this start leaves none').toBe(false);
  });

  it('not when the file changed after the close', () => {
    const { d, file } = folder();
    stampCleanClose(d, file);
    appendFileSync(file, 'y');
    expect(closedCleanly(d, file)).toBe(false);
  });

  it('not when the write-ahead log holds pages written after the close', () => {
    const { d, file } = folder();
    stampCleanClose(d, file);
    writeFileSync(`${file}-wal`, 'w'.repeat(4096));
    expect(closedCleanly(d, file)).toBe(false);
  });

  it('not when the stamp is unreadable', () => {
    const { d, file } = folder();
    writeFileSync(join(d, 'db-closed.json'), '{');
    expect(closedCleanly(d, file)).toBe(false);
  });
});
