import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventClient } from '../../support/events';
import { STAFF_PASSWORD, startTestHub, type TestHub } from '../../support/hub';
import { openPtyPair, type PtyPair } from './socat-pair';

describe('a serial QR scanner on the hub PC, routed to its counter', () => {
  let hub: TestHub;
  let pty: PtyPair;
  beforeAll(async () => {
    hub = await startTestHub();
    pty = await openPtyPair('hub-scanner');
  });
  afterAll(async () => {
    await hub?.close();
    await pty?.close();
  });

  it('delivers a citizen-ID QR with its diacritics to the officer at that counter only, and the hub reads it', async () => {
    const cat = await hub.catalog();
    const [c1, c2] = [cat.counters[0]!.id, cat.counters[1]!.id];
    const admin = await hub.admin();
    await admin['admin.saveScanners']({ scanners: [{ name: 'Máy quét quầy 1', path: pty.a, baudRate: 115200, counterId: c1 }] });
    expect(await admin['scanners.list']({})).toMatchObject([{ connected: true, error: null }]);

    const here = await hub.staff('quay-mot');
    const there = await hub.staff('quay-hai');
    await here['counter.open']({ counterId: c1 });
    await there['counter.open']({ counterId: c2 });
    const token = async (u: string) => (await hub.client()['auth.login']({ username: u, password: STAFF_PASSWORD })).token;
    const mine = new EventClient(hub.url, await token('quay-mot'));
    const other = new EventClient(hub.url, await token('quay-hai'));
    await mine.until((s) => s.messages.some((m) => m.type === 'hello'));
    await other.until((s) => s.messages.some((m) => m.type === 'hello'));

    const qr = '001099012345|123456789|Nguyễn Thị Hường|15081990|Nữ|Số 12 ngõ 34, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội|20042021';
    const device = new SerialPort({ path: pty.b, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => device.open((e) => (e ? reject(e) : resolve())));
    device.write(Buffer.from(`${qr}\r\n`, 'utf8'));
    await mine.until((s) => s.messages.some((m) => m.type === 'scan'));
    const scan = mine.messages.find((m) => m.type === 'scan');
    expect(scan).toEqual({ type: 'scan', text: qr });
    await new Promise((r) => setTimeout(r, 300));
    expect(other.messages.some((m) => m.type === 'scan')).toBe(false);

    expect(await here['scan.parse']({ text: qr })).toEqual({
      kind: 'cccd',
      citizen: { idNumber: '001099012345', oldIdNumber: '123456789', fullName: 'Nguyễn Thị Hường', dateOfBirth: '1990-08-15', sex: 'Nữ', address: 'Số 12 ngõ 34, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội', issueDate: '2021-04-20', raw: qr },
    });
    // A keyboard-wedge scanner mangled by an IME is refused whole, with the reason.
    await expect(here['scan.parse']({ text: '001099012345||Nguyeenx Thij Huwowngf|15081990|Nu|So 12|20042021' })).rejects.toMatchObject({ code: 'SCAN_UNREADABLE' });
    await new Promise<void>((resolve) => device.close(() => resolve()));
    mine.close();
    other.close();
  });
});
