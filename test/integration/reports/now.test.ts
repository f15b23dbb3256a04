import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { FakeClock } from '../../support/clock';
import { FakePrinter } from '../../support/fake-printer';
import { ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../../support/hub';

/** The supervisor's live view: queues with their longest wait and who can call them, counters, printers in trouble. */
describe('reports.now', () => {
  const clock = new FakeClock('2026-11-25T09:00:00+07:00');
  const go = (local: string) => clock.set(`${local}+07:00`);
  let hub: TestHub;
  let printer: FakePrinter;
  let kiosk: HubClient;
  let printerId: string;
  const as = async (username: string) => hub.client((await hub.client()['auth.login']({ username, password: STAFF_PASSWORD })).token);

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    printer = await FakePrinter.start();
    await printer.refuseConnections();
    printerId = (await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true })).id;
    for (const name of ['anh', 'binh']) await hub.staff(name, 'officer', true);
    await hub.staff('truong', 'supervisor');
    kiosk = (await hub.device('kiosk')).client;
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });

  it('shows each queue’s longest wait and the counters calling for it, the counters and the printers needing attention', async () => {
    const { services, counters } = await (await hub.admin())['catalog.get']({});
    const id = (code: string) => services.find((s) => s.code === code)!.id;
    const counter = (n: number) => counters.find((c) => c.number === n)!.id;
    const t1 = (await kiosk['tickets.issue']({ serviceId: id('HT'), priorityClassId: null })).ticket;
    go('2026-11-25T09:02');
    await kiosk['tickets.issue']({ serviceId: id('HT'), priorityClassId: null });
    go('2026-11-25T09:05');
    await kiosk['tickets.issue']({ serviceId: id('DD'), priorityClassId: null });
    go('2026-11-25T09:06');
    const anh = await as('anh');
    await anh['counter.open']({ counterId: counter(1) });
    const binh = await as('binh');
    await binh['counter.open']({ counterId: counter(2) });
    await binh['counter.setPaused']({ paused: true });
    go('2026-11-25T09:08');
    await anh['counter.callSpecific']({ ticketId: t1.id });
    go('2026-11-25T09:10');

    const boss = await as('truong');
    const now = await boss['reports.now']({});
    expect(now.asOf).toBe(new Date('2026-11-25T09:10:00+07:00').toISOString());
    // Counter 1 (Hộ tịch, Chứng thực) calls; counter 2 is paused; counter 3 (Đất đai, Kinh doanh) is closed.
    expect(now.services.map((s) => [s.prefix, s.waiting, s.longestWaitMinutes, s.countersCalling])).toEqual([
      ['A', 1, 8, 1],
      ['B', 0, null, 1],
      ['C', 1, 5, 0],
      ['D', 0, null, 0],
    ]);
    expect(now.counters.map((c) => [c.number, c.state, c.staffName, c.currentDisplayCode])).toEqual([
      [1, 'open', 'Cán bộ anh', t1.displayCode],
      [2, 'paused', 'Cán bộ binh', null],
      [3, 'closed', null, null],
    ]);
    // The ticket printer refuses connections: its tickets wait, and it is listed.
    await expect.poll(async () => (await boss['reports.now']({})).printers.map((p) => [p.printer.id, p.state]), { timeout: 15_000 }).toEqual([[printerId, 'unreachable']]);
  });

  it('is for supervisors: officers and devices are refused', async () => {
    await expect((await as('anh'))['reports.now']({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(kiosk['reports.now']({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
