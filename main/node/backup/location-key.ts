import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HubError } from '../../../contract/errors';
import { writeFileAtomic } from '../../../common/node/atomic-file';

/**
 * The key of an encrypted backup location, derived from the admin's passphrase with scrypt. The
 * location holds `key.json`: the salt and parameters (so the passphrase alone opens the copies on
 * another PC after the hub's disk died) and a check value that tells a wrong passphrase from a
 * damaged file. The hub keeps the derived key in its settings, never the passphrase.
 */
export const KEY_FILE = 'key.json';

/** N = 2^15: ~0.1 s and 32 MiB per guess, for a key typed once and derived once per restore. */
const PARAMS = { N: 32768, r: 8, p: 1 } as const;

const KeyFile = z.object({
  format: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.int(),
  r: z.int(),
  p: z.int(),
  salt: z.base64(),
  check: z.base64(),
});
type KeyFile = z.infer<typeof KeyFile>;

/** What the hub stores in its settings for an encrypted location. */
export interface StoredKey {
  readonly salt: string;
  /** The derived AES key (base64): named so that diagnostics never shows it (main/core/diagnostics). */
  readonly secretKey: string;
  readonly check: string;
}

const checkOf = (key: Buffer) => createHmac('sha256', key).update('motcua-backup-key-check').digest('base64');

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r }, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

/**
 * The location's key file; null only when there is none. One that is there but cannot be read
 * is not "no key": taking it for none would encrypt with a new salt beside the old copies.
 */
async function readKeyFile(root: string): Promise<KeyFile | null> {
  const file = join(root, KEY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HubError('BACKUP_LOCATION_UNAVAILABLE', `Không đọc được tệp ${file}: ${e instanceof Error ? e.message : String(e)}. Hãy kiểm tra ổ đĩa và quyền truy cập thư mục.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success) throw new HubError('BACKUP_INVALID', `Tệp ${file} bị hỏng: không đọc được tham số của mật khẩu sao lưu.`);
  return parsed.data;
}

/** Whether two check values are equal, in constant time (timingSafeEqual throws on different lengths). */
function sameCheck(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The key for `passphrase` at a location: with the location's own salt when it already holds
 * encrypted copies (a wrong passphrase is refused), a new salt otherwise.
 */
export async function keyForPassphrase(root: string | null, passphrase: string): Promise<StoredKey> {
  const existing = root ? await readKeyFile(root) : null;
  const salt = existing ? Buffer.from(existing.salt, 'base64') : randomBytes(16);
  const key = await derive(passphrase, salt, existing ?? PARAMS);
  const check = checkOf(key);
  if (existing && !sameCheck(check, existing.check)) {
    throw new HubError('BACKUP_WRONG_PASSPHRASE', `Mật khẩu không khớp với các bản sao lưu mã hóa đã có ở ${root}. Hãy nhập đúng mật khẩu đã dùng cho ổ này, hoặc chọn thư mục khác.`);
  }
  return { salt: salt.toString('base64'), secretKey: key.toString('base64'), check };
}

/**
 * Makes sure the location's key file matches the stored key before anything is encrypted there
 * (another stick, encrypted with another passphrase, is refused rather than mixed), writing it if
 * the location has none yet.
 */
export async function ensureLocationKey(root: string, stored: StoredKey): Promise<Buffer> {
  const existing = await readKeyFile(root);
  if (existing && !sameCheck(existing.check, stored.check)) {
    throw new HubError('BACKUP_WRONG_PASSPHRASE', `Ở ${root} đã có bản sao lưu mã hóa bằng một mật khẩu khác. Hãy dùng ổ khác, hoặc đặt lại mật khẩu sao lưu bằng mật khẩu của ổ này.`);
  }
  if (!existing) writeFileAtomic(join(root, KEY_FILE), JSON.stringify({ format: 1, kdf: 'scrypt', ...PARAMS, salt: stored.salt, check: stored.check } satisfies KeyFile, null, 2));
  return Buffer.from(stored.secretKey, 'base64');
}

/** The key of an encrypted location from a passphrase typed at a restore (the hub's own key may be gone). */
export async function keyFromLocation(root: string, passphrase: string): Promise<Buffer> {
  if (!(await readKeyFile(root))) throw new HubError('BACKUP_INVALID', `Không có tệp ${KEY_FILE} ở ${root}: không giải mã được các bản sao lưu ở đây.`);
  return Buffer.from((await keyForPassphrase(root, passphrase)).secretKey, 'base64');
}
