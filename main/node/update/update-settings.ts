import type { KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UpdateError } from './update-errors';
import { ed25519PublicKey } from './update-signature';

/**
 * Where this site updates from. Not built into the app: one build serves 150 communes and the
 * province may move its file server. The technician sets it per PC, read again at every check so
 * no restart is needed (docs/OPERATIONS.md, "Cập nhật phần mềm"):
 * - `MOTCUA_UPDATE_URL` in the environment, when set, wins (a test bench, a one-off);
 * - otherwise `<data>/update.json`: `{ "url": "http://10.1.2.3/motcua/" }`.
 * The `publish.url` in electron-builder.yml is only a placeholder that makes electron-builder
 * write latest.yml and app-update.yml; the app never uses it.
 */
export const UPDATE_SETTINGS_FILE = 'update.json';

const Settings = z.object({ url: z.string().max(2000) });

export function channelUrl(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.MOTCUA_UPDATE_URL?.trim();
  if (fromEnv) return normalize(fromEnv, 'MOTCUA_UPDATE_URL');
  const file = join(dataDir, UPDATE_SETTINGS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UpdateError('UPDATE_NOT_CONFIGURED', `Chưa đặt địa chỉ thư mục cập nhật của tỉnh: máy này không tự cập nhật. Kỹ thuật viên tạo tệp ${file} với nội dung {"url": "http://<máy chủ của tỉnh>/motcua/"}.`);
    }
    throw new UpdateError('UPDATE_CONFIG_INVALID', `Không đọc được ${file}: ${(e as Error).message}`, { cause: e });
  }
  let parsed: z.infer<typeof Settings>;
  try {
    parsed = Settings.parse(JSON.parse(text));
  } catch (e) {
    throw new UpdateError('UPDATE_CONFIG_INVALID', `Tệp ${file} sai định dạng: cần {"url": "http://<máy chủ của tỉnh>/motcua/"}.`, { cause: e });
  }
  return normalize(parsed.url, file);
}

/** An http(s) folder URL ending in `/` (a folder URL without it would drop its last segment when resolving file names). */
function normalize(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (e) {
    throw new UpdateError('UPDATE_CONFIG_INVALID', `Địa chỉ thư mục cập nhật trong ${source} không phải một URL: "${raw}".`, { cause: e });
  }
  // http is enough: integrity comes from the province's signature, not from the transport.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UpdateError('UPDATE_CONFIG_INVALID', `Địa chỉ thư mục cập nhật trong ${source} phải bắt đầu bằng http:// hoặc https://: "${raw}".`);
  }
  // fetch() refuses them, and the address is shown on the about page.
  if (url.username !== '' || url.password !== '') {
    throw new UpdateError('UPDATE_CONFIG_INVALID', `Địa chỉ thư mục cập nhật trong ${source} không được chứa tên đăng nhập hay mật khẩu: thư mục cập nhật phải đọc được không cần đăng nhập.`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * The province's public keys the app trusts: every `*.pem` in the folder shipped inside the
 * program (`resources/update-keys/`). Installed under Program Files or the AppImage, never in the
 * data folder that any process of the user can write.
 */
export function trustedKeys(dir: string): KeyObject[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.pem'));
  } catch {
    names = [];
  }
  if (names.length === 0) {
    throw new UpdateError('UPDATE_NO_TRUSTED_KEY', 'Bản cài đặt này không mang khóa công khai của tỉnh (resources/update-keys/*.pem) nên không thể kiểm tra chữ ký bản cập nhật: máy này không tự cập nhật.');
  }
  return names.map((n) => ed25519PublicKey(readFileSync(join(dir, n), 'utf8'), n));
}
