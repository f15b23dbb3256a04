import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../../../common/node/atomic-file';
import { basename, join } from 'node:path';
import { parseRelease } from './release';
import { UpdateError } from './update-errors';
import { keyIdOf, SignatureFile, signChannelFile, verifyChannelFile } from './update-signature';

/**
 * The province's side of signed updates, used by scripts/sign-update.mjs: make a key pair, sign a
 * release folder (what electron-builder wrote to release/: installers, latest*.yml, blockmaps),
 * check a folder as the PCs will. Signing refuses a channel file whose installers are missing or
 * differ from their sha512: the signature vouches for the installers, so they are checked first.
 */
export function channelFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((n) => /^latest(-[a-z0-9-]+)?\.yml$/.test(n)).sort();
}

/** An Ed25519 key pair; the private key encrypted with the passphrase (PKCS#8, AES-256). */
export function generateSigningKey(passphrase: string): { keyId: string; privatePem: string; publicPem: string } {
  if (passphrase.length < 12) throw new Error('Mật khẩu bảo vệ khóa ký phải dài ít nhất 12 ký tự.');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function readSigningKey(file: string, passphrase: string): KeyObject {
  const key = createPrivateKey({ key: readFileSync(file, 'utf8'), passphrase });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} không phải khóa riêng Ed25519.`);
  return key;
}

/**
 * Signs every channel file of the folder with this key. `add`: keep the signatures already there
 * (a second key signing the same release while PCs move from an old key to a new one); otherwise
 * they are replaced — an old release's signatures never cover the new files.
 */
export async function signReleaseFolder(dir: string, privateKey: KeyObject, add = false): Promise<string[]> {
  const signed: string[] = [];
  for (const channelFile of channelFilesIn(dir)) {
    const bytes = readFileSync(join(dir, channelFile));
    await checkInstallers(dir, channelFile, bytes);
    const sigFile = join(dir, `${channelFile}.sig`);
    const existing = add ? readExisting(sigFile) : null;
    const signature = signChannelFile(channelFile, bytes, privateKey, existing);
    writeFileAtomic(sigFile, `${JSON.stringify(signature, null, 2)}\n`);
    signed.push(channelFile);
  }
  if (signed.length === 0) throw new Error(`Thư mục ${dir} không có tệp latest*.yml nào để ký.`);
  return signed;
}

/** What a PC would check, file by file: the signature, then every installer against its sha512. */
export async function verifyReleaseFolder(dir: string, trustedKeys: readonly KeyObject[]): Promise<{ channelFile: string; version: string; keyId: string }[]> {
  const results = [];
  for (const channelFile of channelFilesIn(dir)) {
    const bytes = readFileSync(join(dir, channelFile));
    let signature: string;
    try {
      signature = readFileSync(join(dir, `${channelFile}.sig`), 'utf8');
    } catch (e) {
      throw new UpdateError('UPDATE_SIGNATURE_MISSING', `${channelFile} chưa có chữ ký (${channelFile}.sig).`, { cause: e });
    }
    const keyId = verifyChannelFile(channelFile, bytes, signature, trustedKeys);
    const release = await checkInstallers(dir, channelFile, bytes);
    results.push({ channelFile, version: release.version, keyId });
  }
  return results;
}

async function checkInstallers(dir: string, channelFile: string, bytes: Buffer) {
  const release = parseRelease(channelFile, bytes.toString('utf8'));
  for (const file of release.files) {
    const path = join(dir, basename(decodeURIComponent(file.url)));
    let size: number;
    try {
      size = statSync(path).size;
    } catch (e) {
      throw new Error(`${channelFile} nêu tệp ${file.url} nhưng thư mục không có tệp đó.`, { cause: e });
    }
    if ((file.size !== undefined && file.size !== size) || (await sha512Of(path)) !== file.sha512) {
      throw new Error(`Tệp ${file.url} không khớp sha512/kích thước ghi trong ${channelFile}: đừng ký, hãy đóng gói lại.`);
    }
  }
  return release;
}

function readExisting(sigFile: string): SignatureFile | null {
  let text: string;
  try {
    text = readFileSync(sigFile, 'utf8');
  } catch {
    return null;
  }
  return SignatureFile.parse(JSON.parse(text));
}

export function sha512Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64')));
  });
}
