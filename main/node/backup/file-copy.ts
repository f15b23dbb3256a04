import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { HubError } from '../../../contract/errors';

/**
 * Copies one file of a backup set, streaming (a 2 GB database never sits in memory), to a
 * temporary name that is synced and renamed only when complete: a copy cut short by a pulled USB
 * stick or a power cut is never taken for a whole one. Returns the SHA-256 of the plain content,
 * which the manifest records and a restore checks.
 *
 * Encrypted files (AES-256-GCM): `MCBKENC1`, a 12-byte nonce, the ciphertext, the 16-byte tag.
 * Decryption writes to the temporary name and renames only after the tag checked, so a wrong key
 * or a changed byte leaves nothing behind.
 */
const MAGIC = Buffer.from('MCBKENC1');
const NONCE = 12;
const TAG = 16;

export type Transform = { readonly kind: 'plain' } | { readonly kind: 'encrypt'; readonly key: Buffer } | { readonly kind: 'decrypt'; readonly key: Buffer };

export const plain: Transform = { kind: 'plain' };

export async function copyFileHashed(src: string, dst: string, how: Transform = plain): Promise<{ sha256: string; size: number }> {
  const temp = `${dst}.${process.pid}.part`;
  const hash = createHash('sha256');
  let size = 0;
  try {
    // `flush`: synced before it closes, so the rename below never names a file still in the OS cache.
    const sink = createWriteStream(temp, { flush: true });
    if (how.kind === 'decrypt') {
      const { size: total } = await stat(src);
      if (total < MAGIC.length + NONCE + TAG) throw notEncrypted(src);
      const head = await readRange(src, 0, MAGIC.length + NONCE);
      if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw notEncrypted(src);
      const decipher = createDecipheriv('aes-256-gcm', how.key, head.subarray(MAGIC.length));
      decipher.setAuthTag(await readRange(src, total - TAG, TAG));
      await pipeline(createReadStream(src, { start: MAGIC.length + NONCE, end: total - TAG - 1 }), async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          const clear = decipher.update(chunk);
          hash.update(clear);
          size += clear.length;
          yield clear;
        }
        try {
          const last = decipher.final();
          hash.update(last);
          size += last.length;
          yield last;
        } catch {
          throw new HubError('BACKUP_WRONG_PASSPHRASE', 'Mật khẩu sao lưu không đúng, hoặc tệp sao lưu đã bị thay đổi.');
        }
      }, sink);
    } else {
      const nonce = randomBytes(NONCE);
      const cipher = how.kind === 'encrypt' ? createCipheriv('aes-256-gcm', how.key, nonce) : null;
      await pipeline(createReadStream(src), async function* (source: AsyncIterable<Buffer>) {
        if (cipher) yield Buffer.concat([MAGIC, nonce]);
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          yield cipher ? cipher.update(chunk) : chunk;
        }
        if (cipher) yield Buffer.concat([cipher.final(), cipher.getAuthTag()]);
      }, sink);
    }
    await rename(temp, dst);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The SHA-256 of a plain file, streaming. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), async function (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) hash.update(chunk);
  });
  return hash.digest('hex');
}

async function readRange(file: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    await fh.read(buf, 0, length, position);
    return buf;
  } finally {
    await fh.close();
  }
}

const notEncrypted = (file: string) => new HubError('BACKUP_INVALID', `Tệp ${file} không phải là tệp sao lưu mã hóa của Một Cửa, hoặc đã bị cắt cụt.`);
