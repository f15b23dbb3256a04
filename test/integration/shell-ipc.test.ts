import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WindowRole } from '../../contract/shell';
import { shellIpcHandlers, type IpcCaller } from '../../main/node/shell/ipc-handlers';
import { LocalTokens } from '../../main/node/shell/local-tokens';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * What the Electron shell answers over IPC, decided by main/node/shell/ipc-handlers.ts: run here
 * against a real hub (its database, its kiosk PIN, its printers), with the windows the shell would
 * have (web contents id → role) and a recorder in place of Electron's window closing and printing.
 */
describe('the shell’s answers to its windows', () => {
  let hub: TestHub;
  let dir: string;
  const closed: number[] = [];
  const printed: { bytes: number; deviceName: string | null }[] = [];
  const roles = new Map<number, WindowRole>([
    [1, 'kiosk'],
    [2, 'display'],
    [3, 'counter'],
  ]);
  let handlers: ReturnType<typeof shellIpcHandlers>;
  let origin: string;
  const from = (senderId: number, path = `/${roles.get(senderId)}`): IpcCaller => ({ senderId, frameUrl: `${origin}${path}` });

  beforeAll(async () => {
    hub = await startTestHub();
    dir = mkdtempSync(join(tmpdir(), 'motcua-shell-ipc-'));
    origin = new URL(hub.url).origin;
    handlers = shellIpcHandlers({
      hub: hub.running.hub,
      hubOrigin: origin,
      tokens: new LocalTokens(dir),
      roleOf: (id) => roles.get(id) ?? null,
      closeWindow: (id) => closed.push(id),
      printPdf: async (pdf, deviceName) => {
        printed.push({ bytes: pdf.length, deviceName });
        return true;
      },
    });
  });
  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('device tokens for the hub PC’s own screens', () => {
    it('gives a kiosk window a working device token, the same one after a restart of the shell, kept private', async () => {
      const token = await handlers.deviceToken(from(1), undefined);
      expect(token).toMatch(/^d/);
      expect((await hub.client(token)['devices.me']({})).kind).toBe('kiosk');
      const again = shellIpcHandlers({ hub: hub.running.hub, hubOrigin: origin, tokens: new LocalTokens(dir), roleOf: (id) => roles.get(id) ?? null, closeWindow: () => {}, printPdf: async () => true });
      expect(await again.deviceToken(from(1), undefined)).toBe(token);
      expect(statSync(join(dir, 'local-devices.json')).mode & 0o777).toBe(0o600);
    });

    it('replaces a token an admin revoked', async () => {
      const token = await handlers.deviceToken(from(2), undefined);
      const admin = await hub.admin();
      const device = (await hub.client(token)['devices.me']({})).id;
      await admin['devices.revoke']({ deviceId: device });
      const next = await handlers.deviceToken(from(2), undefined);
      expect(next).not.toBe(token);
      expect((await hub.client(next)['devices.me']({})).kind).toBe('display');
    });

    it('gives nothing to a staff window, a page of another origin, or an unknown window', async () => {
      expect(await handlers.deviceToken(from(3), undefined)).toBeNull();
      expect(await handlers.deviceToken({ senderId: 1, frameUrl: 'http://evil.example/kiosk' }, undefined)).toBeNull();
      expect(await handlers.deviceToken({ senderId: 1, frameUrl: undefined }, undefined)).toBeNull();
      expect(await handlers.deviceToken({ senderId: 1, frameUrl: 'not a url' }, undefined)).toBeNull();
      expect(await handlers.deviceToken(from(9, '/kiosk'), undefined)).toBeNull();
    });
  });

  describe('unlocking a locked window with the kiosk PIN', () => {
    it('says an admin must set a PIN first, and closes nothing', async () => {
      expect(await handlers.unlock(from(1), '1234')).toMatchObject({ ok: false, code: 'PIN_NOT_SET', message: expect.stringContaining('Quản trị') });
      expect(closed).toEqual([]);
    });

    it('closes the window on the right PIN, not on a wrong one, nor for a staff window or another origin', async () => {
      await (await hub.admin())['admin.setKioskPin']({ pin: '482615' });
      expect(await handlers.unlock(from(1), '000000')).toEqual({ ok: false, code: 'PIN_WRONG', message: 'Mã PIN không đúng.' });
      expect(await handlers.unlock(from(3), '482615')).toMatchObject({ ok: false, code: 'NOT_A_LOCKED_WINDOW' });
      expect(await handlers.unlock({ senderId: 1, frameUrl: 'http://evil.example/' }, '482615')).toMatchObject({ ok: false, code: 'NOT_A_LOCKED_WINDOW' });
      expect(await handlers.unlock(from(1), 482615)).toMatchObject({ ok: false, code: 'PIN_WRONG' });
      expect(closed).toEqual([]);
      expect(await handlers.unlock(from(1), '482615')).toEqual({ ok: true });
      expect(closed).toEqual([1]);
    });

    it('locks out a window after five wrong PINs, even for the right one; another window is not locked out', async () => {
      for (let i = 0; i < 5; i++) expect(await handlers.unlock(from(2), `11111${i}`)).toMatchObject({ code: 'PIN_WRONG' });
      const refused = await handlers.unlock(from(2), '482615');
      expect(refused).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/thử lại sau \d+ giây/) });
      expect(closed).toEqual([1]);
      expect(await handlers.unlock(from(1), '482615')).toEqual({ ok: true });
    });

    it('counts parallel guesses before checking them: at most five of 50 are checked', async () => {
      roles.set(4, 'rating');
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => handlers.unlock(from(4), String(100000 + i))));
      expect(answers.filter((a) => !a.ok && a.code === 'PIN_WRONG')).toHaveLength(5);
      expect(answers.filter((a) => !a.ok && a.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(45);
    });
  });

  describe('printing the A4 forms', () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

    it('prints on the system dialog when no A4 printer is set, then on the active os: printer', async () => {
      expect(await handlers.printPdf(from(3), pdf)).toBe(true);
      const admin = await hub.admin();
      const a4 = { role: 'a4' as const, paper: '80mm' as const, model: 'generic' as const, textMode: 'raster' as const, cut: false, beep: false, deviceId: null, counterId: null };
      await admin['admin.savePrinter']({ ...a4, name: 'Máy in cũ', address: 'os:HP LaserJet 1020', active: false });
      await admin['admin.savePrinter']({ ...a4, name: 'Máy in mạng A4', address: 'tcp://192.168.1.60:9100', active: true });
      await admin['admin.savePrinter']({ ...a4, name: 'Máy in A4', address: 'os:Canon LBP2900', active: true });
      expect(await handlers.printPdf(from(3), pdf)).toBe(true);
      expect(printed.map((p) => p.deviceName)).toEqual([null, 'Canon LBP2900']);
    });

    it('refuses what is not a PDF, and any page not of the hub', async () => {
      const before = printed.length;
      expect(await handlers.printPdf(from(3), Buffer.from('<html>').toString('base64'))).toBe(false);
      expect(await handlers.printPdf(from(3), 42)).toBe(false);
      expect(await handlers.printPdf({ senderId: 3, frameUrl: 'https://evil.example/' }, pdf)).toBe(false);
      expect(printed.length).toBe(before);
    });
  });
});
