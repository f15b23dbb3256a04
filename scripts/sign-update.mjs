// The province's signing tool for hub updates (docs/OPERATIONS.md, "Cập nhật phần mềm"). Run with
// `npm run sign-update -- <command>` (Node with tsx, from a checkout of this repository):
//
//   keygen <folder>                 a new Ed25519 key pair: <folder>/motcua-update-<id>.key (private,
//                                   encrypted with MOTCUA_UPDATE_KEY_PASSPHRASE) and .pem (public: copy
//                                   it into resources/update-keys/ before building the app)
//   sign <release folder> <key>     checks every latest*.yml against its installers, then writes
//                                   latest*.yml.sig; --add keeps another key's signatures (key rotation)
//   verify <release folder> <.pem or folder of .pem>
//                                   what every hub PC will check, before copying to the file server
//
// The passphrase comes from the environment (MOTCUA_UPDATE_KEY_PASSPHRASE), never from the command
// line, which other users of the machine can read.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, readSigningKey, signReleaseFolder, verifyReleaseFolder } from '../main/node/update/release-folder.ts';
import { ed25519PublicKey } from '../main/node/update/update-signature.ts';

const [command, ...args] = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [first, second] = args.filter((a) => !a.startsWith('--'));

function passphrase() {
  const value = process.env.MOTCUA_UPDATE_KEY_PASSPHRASE;
  if (!value) fail('Đặt mật khẩu của khóa ký vào biến môi trường MOTCUA_UPDATE_KEY_PASSPHRASE.');
  return value;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function publicKeys(path) {
  const files = statSync(path).isDirectory() ? readdirSync(path).filter((n) => n.endsWith('.pem')).map((n) => join(path, n)) : [path];
  return files.map((f) => ed25519PublicKey(readFileSync(f, 'utf8'), f));
}

try {
  if (command === 'keygen' && first) {
    const key = generateSigningKey(passphrase());
    const privateFile = join(first, `motcua-update-${key.keyId}.key`);
    const publicFile = join(first, `motcua-update-${key.keyId}.pem`);
    // 'wx': never overwrite a key that may already sign releases.
    writeFileSync(privateFile, key.privatePem, { flag: 'wx', mode: 0o600 });
    writeFileSync(publicFile, key.publicPem, { flag: 'wx' });
    console.log(`Khóa ${key.keyId}:\n  riêng (giữ kín, sao lưu ngoại tuyến): ${privateFile}\n  công khai (chép vào resources/update-keys/): ${publicFile}`);
  } else if (command === 'sign' && first && second) {
    const signed = await signReleaseFolder(first, readSigningKey(second, passphrase()), flags.has('--add'));
    console.log(`Đã ký: ${signed.map((f) => `${f}.sig`).join(', ')}`);
  } else if (command === 'verify' && first && second) {
    for (const r of await verifyReleaseFolder(first, publicKeys(second))) {
      console.log(`${r.channelFile}: phiên bản ${r.version}, chữ ký đúng (khóa ${r.keyId}), tệp cài đặt khớp sha512`);
    }
  } else {
    fail('Dùng: sign-update keygen <thư mục> | sign <thư mục bản phát hành> <tệp .key> [--add] | verify <thư mục bản phát hành> <tệp .pem hoặc thư mục>');
  }
} catch (e) {
  fail(`Lỗi: ${e instanceof Error ? e.message : String(e)}`);
}
