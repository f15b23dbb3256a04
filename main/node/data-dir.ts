import { homedir } from 'node:os';
import { join } from 'node:path';
import { lockFolder } from '../../common/node/folder-lock';

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

/**
 * One hub per data folder: two processes writing one database would each believe they own the
 * queue numbers and the outbox. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  return lockFolder(dir, 'hub.lock', (pid) => `Một hub Một Cửa khác (PID ${pid}) đang dùng thư mục dữ liệu ${dir}. Hãy tắt hub đó trước.`);
}
