import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRelease } from '../../support/update-channel';

/** The province's tool, run as the technician runs it: `npm run sign-update -- …`. */
const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'motcua-sign-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function signUpdate(args: string[], passphrase: string | null = 'mật khẩu của tỉnh 2025') {
  const env = { ...process.env };
  delete env.MOTCUA_UPDATE_KEY_PASSPHRASE;
  if (passphrase !== null) env.MOTCUA_UPDATE_KEY_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sign-update.mjs', ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('scripts/sign-update.mjs', () => {
  const keys = join(tmp, 'keys');
  const release = join(tmp, 'release');
  mkdirSync(keys);

  it('makes a key pair only with a passphrase, the private half readable by its owner alone', () => {
    expect(signUpdate(['keygen', keys], null)).toMatchObject({ status: 1, out: expect.stringContaining('MOTCUA_UPDATE_KEY_PASSPHRASE') });
    expect(signUpdate(['keygen', keys])).toMatchObject({ status: 0, out: expect.stringContaining('resources/update-keys/') });
    const privateKey = readdirSync(keys).find((n) => n.endsWith('.key'))!;
    expect(statSync(join(keys, privateKey)).mode & 0o777).toBe(0o600);
  });

  it('signs a release folder and checks it as a PC would', () => {
    writeRelease(release, '0.2.0');
    const privateKey = join(keys, readdirSync(keys).find((n) => n.endsWith('.key'))!);
    expect(signUpdate(['sign', release, privateKey], 'sai mật khẩu rồi')).toMatchObject({ status: 1 });
    expect(signUpdate(['sign', release, privateKey])).toMatchObject({ status: 0, out: expect.stringContaining('latest.yml.sig') });
    expect(signUpdate(['verify', release, keys])).toMatchObject({ status: 0, out: expect.stringMatching(/latest\.yml: phiên bản 0\.2\.0, chữ ký đúng/) });
  });

  it('refuses to sign a channel file whose installer does not match it', () => {
    const { installerName } = writeRelease(release, '0.3.0');
    writeFileSync(join(release, installerName), 'không phải bộ cài đặt');
    rmSync(join(release, 'latest.yml.sig'));
    const privateKey = join(keys, readdirSync(keys).find((n) => n.endsWith('.key'))!);
    expect(signUpdate(['sign', release, privateKey])).toMatchObject({ status: 1, out: expect.stringContaining('không khớp sha512') });
    expect(existsSync(join(release, 'latest.yml.sig'))).toBe(false);
  });
});
