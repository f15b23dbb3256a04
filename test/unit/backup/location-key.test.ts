import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { ensureLocationKey, KEY_FILE, keyForPassphrase, keyFromLocation } from '../../../main/node/backup/location-key';

/** Rejects with a HubError of `code` whose message matches `message`. */
async function refused(work: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const e = await work.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(HubError);
  expect((e as HubError).code).toBe(code);
  expect((e as HubError).message).toMatch(message);
}

/** The key file of an encrypted backup location, on real folders. */
describe('the passphrase key of an encrypted backup location', () => {
  const base = mkdtempSync(join(tmpdir(), 'motcua-location-key-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let n = 0;
  /** A location whose key.json holds `content`, or is a folder. */
  const location = (content: string | 'folder'): string => {
    const root = join(base, String(++n));
    mkdirSync(root);
    if (content === 'folder') mkdirSync(join(root, KEY_FILE));
    else writeFileSync(join(root, KEY_FILE), content);
    return root;
  };
  const located = async (passphrase: string): Promise<string> => {
    const root = join(base, String(++n));
    mkdirSync(root);
    await ensureLocationKey(root, await keyForPassphrase(null, passphrase));
    return root;
  };

  it('opens with the right passphrase and refuses a wrong one in Vietnamese', async () => {
    const root = await located('Mật khẩu đúng');
    expect((await keyFromLocation(root, 'Mật khẩu đúng')).length).toBe(32);
    await refused(keyFromLocation(root, 'sai'), 'BACKUP_WRONG_PASSPHRASE', /^Mật khẩu không khớp/);
  });

  it('a check value of another length is a wrong passphrase, not a crash (RangeError)', async () => {
    const root = await located('Mật khẩu đúng');
    const file = JSON.parse(readFileSync(join(root, KEY_FILE), 'utf8')) as { check: string };
    writeFileSync(join(root, KEY_FILE), JSON.stringify({ ...file, check: Buffer.from('ngắn').toString('base64') }));
    await refused(keyFromLocation(root, 'Mật khẩu đúng'), 'BACKUP_WRONG_PASSPHRASE', /^Mật khẩu không khớp/);
    await refused(keyForPassphrase(root, 'Mật khẩu đúng'), 'BACKUP_WRONG_PASSPHRASE', /^Mật khẩu không khớp/);
  });

  it('a key file that is not JSON is a damaged file, named', async () => {
    const root = location('{"format": 1, "salt": ');
    await refused(keyFromLocation(root, 'x'), 'BACKUP_INVALID', /key\.json bị hỏng: không đọc được tham số/);
    await refused(keyForPassphrase(root, 'x'), 'BACKUP_INVALID', /key\.json bị hỏng/);
  });

  it('a key file that is there but cannot be read is not "no key": nothing new is made beside the old copies', async () => {
    const root = location('folder');
    await refused(keyFromLocation(root, 'x'), 'BACKUP_LOCATION_UNAVAILABLE', /^Không đọc được tệp .*key\.json: .*EISDIR/);
    // Taken for "no key", a new salt would be drawn and the location's copies mixed with another key.
    await refused(keyForPassphrase(root, 'x'), 'BACKUP_LOCATION_UNAVAILABLE', /^Không đọc được tệp/);
    await refused(ensureLocationKey(root, await keyForPassphrase(null, 'x')), 'BACKUP_LOCATION_UNAVAILABLE', /^Không đọc được tệp/);
  });
});
