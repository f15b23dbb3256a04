import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { UpdateError } from './update-errors';

/**
 * The province's signature on an update channel file (`latest.yml`, `latest-linux.yml`).
 *
 * electron-updater checks the installer against the sha512 written in `latest.yml`, but whoever
 * controls the file server writes both. So the province signs the channel file with an Ed25519
 * key kept off the server (scripts/sign-update.mjs), the app carries the public keys
 * (`resources/update-keys/*.pem`, inside the installed program, never the writable data folder),
 * and the app refuses a channel file whose signature does not verify before anything is
 * downloaded. The signed sha512 then makes electron-updater's own check of the installer mean
 * something.
 *
 * `<channel file>.sig` is JSON: `{ "format": "motcua-update-signature/1", "signatures":
 * [{ "keyId", "signature" }] }`. Each signature covers the format tag, the channel file's name
 * and its exact bytes (so a Linux channel file cannot be passed off as the Windows one, nor the
 * signature reused for anything else). Several signatures let a release carry the old and the new
 * key while installs in the field move from one to the other.
 */
export const SIGNATURE_FORMAT = 'motcua-update-signature/1';

export const SignatureFile = z.object({
  format: z.literal(SIGNATURE_FORMAT),
  signatures: z
    .array(z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/), signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/) }))
    .min(1)
    .max(8),
});
export type SignatureFile = z.infer<typeof SignatureFile>;

/** Which key signed: the first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function ed25519PublicKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (e) {
    throw new UpdateError('UPDATE_NO_TRUSTED_KEY', `Tệp khóa công khai ${source} không đọc được (cần PEM "BEGIN PUBLIC KEY").`, { cause: e });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UpdateError('UPDATE_NO_TRUSTED_KEY', `Tệp khóa công khai ${source} không phải khóa Ed25519.`);
  }
  return key;
}

function signedMessage(channelFile: string, bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${SIGNATURE_FORMAT}\n${channelFile}\n`, 'utf8'), bytes]);
}

/**
 * Adds (or replaces) this key's signature of the channel file; the other keys' signatures stay, so
 * a release can be signed in turn with the old and the new key.
 */
export function signChannelFile(channelFile: string, bytes: Uint8Array, privateKey: KeyObject, existing: SignatureFile | null = null): SignatureFile {
  const keyId = keyIdOf(privateKey);
  const signature = sign(null, signedMessage(channelFile, bytes), privateKey).toString('base64');
  const others = (existing?.signatures ?? []).filter((s) => s.keyId !== keyId);
  return { format: SIGNATURE_FORMAT, signatures: [...others, { keyId, signature }] };
}

/**
 * Throws unless one of the trusted keys signed exactly these bytes under this file name.
 * Returns the id of the key that did.
 */
export function verifyChannelFile(channelFile: string, bytes: Uint8Array, signatureText: string, trustedKeys: readonly KeyObject[]): string {
  let parsed: SignatureFile;
  try {
    parsed = SignatureFile.parse(JSON.parse(signatureText));
  } catch (e) {
    throw new UpdateError('UPDATE_SIGNATURE_INVALID', `Tệp chữ ký ${channelFile}.sig trên máy chủ cập nhật không đúng định dạng: không cài bản cập nhật.`, { cause: e });
  }
  const message = signedMessage(channelFile, bytes);
  for (const key of trustedKeys) {
    const keyId = keyIdOf(key);
    for (const s of parsed.signatures) {
      if (s.keyId === keyId && verify(null, message, key, Buffer.from(s.signature, 'base64'))) return keyId;
    }
  }
  throw new UpdateError(
    'UPDATE_SIGNATURE_INVALID',
    `Chữ ký của ${channelFile} không khớp khóa của tỉnh mà máy này tin cậy: tệp đã bị sửa sau khi ký hoặc không do tỉnh phát hành. Không cài. Báo kỹ thuật viên của tỉnh.`,
  );
}
