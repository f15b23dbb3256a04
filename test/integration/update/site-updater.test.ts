import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../contract/update-status';
import { generateSigningKey, readSigningKey, signReleaseFolder } from '../../../main/node/update/release-folder';
import { serveFolder, updateBench, writeRelease, type UpdateBench } from '../../support/update-channel';

/**
 * The updater of a hub PC against a provincial folder served over HTTP on loopback, signed with
 * the province's tool (release-folder.ts, what scripts/sign-update.mjs runs), downloaded by
 * electron-updater's real NsisUpdater. What only Windows and the Electron binary can show — the
 * NSIS installer replacing the program, Electron's net stack — is not run here.
 */
let bench: UpdateBench;
beforeEach(async () => {
  bench = await updateBench();
});
afterEach(() => bench.close());

const cached = (name: string) => join(bench.pcDir, 'cache', 'motcua-updater', 'pending', name);
const installerRequests = () => bench.server.requests.filter((p) => p.endsWith('.exe'));

describe('a hub PC updating from the provincial folder', () => {
  it('downloads a newer release signed by the province and waits, ready, to install it', async () => {
    const { installerName, installer } = await bench.publishSigned('0.2.0');
    const { updater } = await bench.hubPc('0.1.0');
    let statusWhileDownloading: UpdateStatus | null = null;
    bench.server.onRequest = (path) => {
      if (path.endsWith('.exe')) statusWhileDownloading = bench.statusFile();
    };

    const status = await updater.check();

    expect(statusWhileDownloading).toMatchObject({ state: 'downloading', availableVersion: '0.2.0', currentVersion: '0.1.0' });
    expect(status).toMatchObject({ state: 'ready', channelUrl: bench.server.url, currentVersion: '0.1.0', availableVersion: '0.2.0', error: null });
    expect(bench.statusFile()).toEqual(status);
    expect(readFileSync(cached(installerName))).toEqual(installer);
    // The channel file is read once, verified, and handed to electron-updater: a second request
    // could have been answered with other bytes.
    expect(bench.server.requests.filter((p) => p.endsWith('/latest.yml'))).toHaveLength(1);
    expect(readdirSync(bench.dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a latest.yml changed after signing, before downloading anything', async () => {
    await bench.publishSigned('0.2.0');
    // Someone with access to the server points the sha512 at their own installer.
    const evil = writeRelease(join(bench.root, 'evil'), '0.2.0');
    writeFileSync(join(bench.release, evil.installerName), evil.installer);
    writeFileSync(join(bench.release, 'latest.yml'), readFileSync(join(bench.root, 'evil', 'latest.yml')));
    const { updater } = await bench.hubPc('0.1.0');

    const status = await updater.check();

    expect(status).toMatchObject({ state: 'error', availableVersion: null, error: { code: 'UPDATE_SIGNATURE_INVALID' } });
    expect(status.error!.message).toMatch(/Chữ ký của latest\.yml không khớp khóa của tỉnh/);
    expect(bench.statusFile()).toEqual(status);
    expect(installerRequests()).toEqual([]);
  });

  it('refuses a release signed with a key this PC does not trust', async () => {
    writeRelease(bench.release, '0.2.0');
    const stranger = generateSigningKey('một mật khẩu khác hẳn');
    writeFileSync(join(bench.root, 'stranger.key'), stranger.privatePem);
    await signReleaseFolder(bench.release, readSigningKey(join(bench.root, 'stranger.key'), 'một mật khẩu khác hẳn'));
    const { updater } = await bench.hubPc('0.1.0');

    expect(await updater.check()).toMatchObject({ state: 'error', error: { code: 'UPDATE_SIGNATURE_INVALID' } });
    expect(installerRequests()).toEqual([]);
  });

  it('refuses a release without a signature', async () => {
    await bench.publishSigned('0.2.0');
    rmSync(join(bench.release, 'latest.yml.sig'));
    const { updater } = await bench.hubPc('0.1.0');

    const status = await updater.check();

    expect(status).toMatchObject({ state: 'error', error: { code: 'UPDATE_SIGNATURE_MISSING' } });
    expect(status.error!.message).toContain('latest.yml.sig');
    expect(installerRequests()).toEqual([]);
  });

  it('refuses an installer replaced after signing: its sha512 no longer matches, and nothing is kept', async () => {
    const { installerName, installer } = await bench.publishSigned('0.2.0');
    const tampered = Buffer.from(installer);
    tampered[1000] ^= 0xff;
    writeFileSync(join(bench.release, installerName), tampered);
    const { updater, events } = await bench.hubPc('0.1.0');

    const status = await updater.check();

    expect(status).toMatchObject({ state: 'error', availableVersion: '0.2.0', error: { code: 'UPDATE_CHECKSUM_MISMATCH' } });
    expect(installerRequests()).toContain(`/motcua/${installerName}`);
    expect(existsSync(cached(installerName))).toBe(false);
    // Nothing waits to be installed at the next quit.
    events.quit(0);
    expect(events.installs).toEqual([]);
  });

  it.each([
    ['the same version', '0.2.0'],
    ['an older version (a copy of an old release put back on the server)', '0.3.0'],
  ])('has nothing to do when the folder holds %s', async (_what, current) => {
    await bench.publishSigned('0.2.0');
    const { updater } = await bench.hubPc(current);

    const status = await updater.check();

    expect(status).toMatchObject({ state: 'idle', currentVersion: current, availableVersion: null, error: null });
    expect(status.checkedAt).not.toBeNull();
    expect(installerRequests()).toEqual([]);
  });

  it('says when the server cannot be reached, and succeeds at the next check once it is back', async () => {
    await bench.publishSigned('0.2.0');
    await bench.server.close();
    const port = Number(new URL(bench.server.url).port);
    const { updater } = await bench.hubPc('0.1.0');

    const down = await updater.check();

    expect(down).toMatchObject({ state: 'error', error: { code: 'UPDATE_SERVER_UNREACHABLE' } });
    expect(down.error!.message).toMatch(/Không kết nối được máy chủ cập nhật.*tự thử lại/);
    expect(bench.logLines.join('')).toContain('UPDATE_SERVER_UNREACHABLE');

    bench.server = await serveFolder(bench.release, port);
    expect(await updater.check()).toMatchObject({ state: 'ready', availableVersion: '0.2.0', error: null });
  });

  it('restarts into the update when told to (at night), silently and starting the app again', async () => {
    await bench.publishSigned('0.2.0');
    const { updater, events, engine } = await bench.hubPc('0.1.0');
    expect(updater.installNow()).toBe(false); // nothing downloaded yet
    await updater.check();
    // Only installNow installs (after the schedule's backup): never a quit of the app.
    expect(engine.autoInstallOnAppQuit).toBe(false);

    expect(updater.installNow()).toBe(true);
    expect(events.installs).toEqual([expect.objectContaining({ isSilent: true, isForceRunAfter: true })]);
    await expect.poll(() => events.quits).toBe(1);
  });

  it('is off, and says why, without a folder address or without the province key', async () => {
    await bench.publishSigned('0.2.0');
    rmSync(join(bench.dataDir, 'update.json'));
    const { updater } = await bench.hubPc('0.1.0');
    expect(await updater.check()).toMatchObject({ state: 'disabled', channelUrl: null, error: { code: 'UPDATE_NOT_CONFIGURED' } });

    const fromEnv = await bench.hubPc('0.1.0', { MOTCUA_UPDATE_URL: bench.server.url.slice(0, -1) });
    rmSync(bench.keysDir, { recursive: true });
    expect(await fromEnv.updater.check()).toMatchObject({ state: 'disabled', channelUrl: bench.server.url, error: { code: 'UPDATE_NO_TRUSTED_KEY' } });
    expect(bench.server.requests).toEqual([]);
  });

  it.each([
    ['not http(s)', 'file:///C:/motcua/', 'http://'],
    ['with a password in it', 'http://admin:matkhau@10.0.0.5/motcua/', 'mật khẩu'],
    ['not JSON at all', null, 'sai định dạng'],
  ])('reports a folder address %s as an error to fix', async (_what, url, said) => {
    writeFileSync(join(bench.dataDir, 'update.json'), url === null ? '{ url: 10.0.0.5 }' : JSON.stringify({ url }));
    const { updater } = await bench.hubPc('0.1.0');
    const status = await updater.check();
    expect(status).toMatchObject({ state: 'error', error: { code: 'UPDATE_CONFIG_INVALID' } });
    expect(status.error!.message).toContain(said);
    expect(bench.server.requests).toEqual([]);
  });
});
