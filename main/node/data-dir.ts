import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the site's database, backups and scans live: MOTCUA_DATA_DIR, or the usual per-user
 * application data folder of the OS. The Electron shell and headless mode use the same folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.MOTCUA_DATA_DIR) return env.MOTCUA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'MotCua');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'MotCua');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'motcua');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One hub per data folder: two processes writing one database would each believe they own the
 * queue numbers and the outbox. A lock left by a crashed hub (its process is gone) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'hub.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(`Một hub Một Cửa khác (PID ${pid}) đang dùng thư mục dữ liệu ${dir}. Hãy tắt hub đó trước.`);
      }
      unlinkSync(file);
    }
  }
  throw new Error(`Không khóa được thư mục dữ liệu ${dir}.`);
}
