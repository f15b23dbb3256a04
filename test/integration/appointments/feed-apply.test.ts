import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentFeedItem } from '../../../contract/appointments';
import type { HubClient } from '../../../contract/client';
import { Notifications } from '../../../main/node/hub/bus';
import { applyFeedItem } from '../../../main/node/sync/apply-feeds';
import { FakeClock } from '../../support/clock';
import { startTestHub, type TestHub } from '../../support/hub';

/**
 * The `appointments` feed applied at the hub (docs/APPOINTMENTS.md, "Who owns a seat"), item by
 * item in the hub's own transaction, as the pull applies a page: idempotent, and final states
 * (checked in, cancelled) kept against later items from the central.
 */
describe('the appointments feed at the hub', () => {
  const clock = new FakeClock('2026-12-09T08:00:00+07:00');
  let hub: TestHub;
  let officer: HubClient;
  let serviceId: string;
  let version = 0;
  const item = (over: Partial<AppointmentFeedItem> = {}): AppointmentFeedItem => ({
    id: randomUUID(), code: 'TBC234', serviceId, slotStart: '2026-12-10T09:00:00+07:00', owner: 'central', idNumber: '064190012345',
    fullName: 'Nguyễn Thị Hường', phone: null, status: 'booked', bookedAt: '2026-12-09T01:00:00.000Z', changedAt: '2026-12-09T01:00:00.000Z', ...over,
  });
  /** Applies items as one pulled page; the reasons of the items skipped. */
  const apply = (...items: AppointmentFeedItem[]) => {
    const deps = hub.running.hub.deps;
    return deps.writer.run(() =>
      items.map((i) => applyFeedItem(deps, 'appointments', { version: ++version, key: i.id, payload: JSON.stringify(i) }, clock.now(), new Notifications())?.reason ?? null),
    );
  };
  const find = (code: string, idNumber = '064190012345') => officer['appointments.find']({ code, idNumber });

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    serviceId = (await hub.catalog()).services[0]!.id;
    await admin['appointments.saveSettings']({
      earlyMinutes: 30, lateMinutes: 15, maxInARow: 2, maxActivePerId: 2,
      rules: [{ serviceId, enabled: true, windows: [{ from: '08:00', to: '10:30' }], slotMinutes: 30, capacity: 2, siteSeats: 1, daysAhead: 7 }],
    });
    officer = await hub.staff('canbo1');
  });
  afterAll(async () => hub?.close());

  it('inserts an online booking, then its move and cancellation; the same page twice changes nothing', async () => {
    const booked = item({ code: 'TBC235' });
    expect(await apply(booked, booked)).toEqual([null, null]);
    expect(await find('TBC235')).toMatchObject({ id: booked.id, owner: 'central', status: 'booked', slotTime: '09:00' });
    const moved = { ...booked, slotStart: '2026-12-10T02:30:00.000Z', changedAt: '2026-12-09T02:00:00.000Z' };
    expect(await apply(moved, moved)).toEqual([null, null]);
    expect(await find('TBC235')).toMatchObject({ slotStart: '2026-12-10T09:30:00+07:00', slotTime: '09:30' });
    const cancelled = { ...moved, status: 'cancelled' as const };
    expect(await apply(cancelled, cancelled)).toEqual([null, null]);
    expect((await find('TBC235')).status).toBe('cancelled');
  });

  it('keeps a desk booking’s move online as the central’s seat, freeing the desk’s', async () => {
    const desk = await officer['appointments.book']({ serviceId, slotStart: '2026-12-10T08:00:00+07:00', idNumber: '001099012345', fullName: 'Lê Văn Tám', phone: null });
    const eight = async () => (await officer['appointments.slots']({ serviceId, date: '2026-12-10' })).find((s) => s.time === '08:00')!.free;
    expect(await eight()).toBe(0);
    await apply(item({ id: desk.id, code: desk.code, idNumber: desk.idNumber, fullName: desk.fullName, slotStart: '2026-12-10T10:00:00+07:00' }));
    expect(await find(desk.code, '001099012345')).toMatchObject({ owner: 'central', slotTime: '10:00', status: 'booked' });
    expect(await eight()).toBe(1);
  });

  it('ignores a cancellation of a booking checked in here, and a move of one cancelled here', async () => {
    clock.set('2026-12-10T08:40:00+07:00');
    const kiosk = (await hub.device('kiosk')).client;
    officer = await hub.staff('canbo2'); // a new day: yesterday's session has ended
    const online = item({ code: 'TBC236' });
    await apply(online);
    await kiosk['appointments.checkIn']({ by: 'code', text: 'TBC236' });
    expect(await apply({ ...online, status: 'cancelled' })).toEqual(['Lịch hẹn TBC236 đã nhận số tại bộ phận một cửa: không áp dụng thay đổi từ trực tuyến.']);
    // The item as the hub had it before the check-in (a page pulled again) is no news.
    expect(await apply(online)).toEqual([null]);
    expect((await find('TBC236')).status).toBe('checked_in');

    const other = item({ code: 'TBC237', idNumber: '064190099999' });
    await apply(other);
    await officer['appointments.cancel']({ code: 'TBC237', idNumber: '064190099999' });
    expect(await apply({ ...other, slotStart: '2026-12-10T10:00:00+07:00' })).toEqual(['Lịch hẹn TBC237 đã hủy tại bộ phận một cửa: không áp dụng thay đổi từ trực tuyến.']);
    expect((await find('TBC237', '064190099999')).status).toBe('cancelled');
  });

  it('skips an item it cannot read or whose code another booking holds, and goes on with the rest', async () => {
    const good = item({ code: 'TBC238' });
    const clash = item({ code: 'TBC238' });
    const unreadable = { ...item(), code: 'nope' };
    const reasons = await apply(good, clash, unreadable);
    expect(reasons[0]).toBeNull();
    expect(reasons[1]).toBe('Lịch hẹn TBC238: mã đã dùng cho một lịch hẹn khác.');
    expect(reasons[2]).toMatch(/^Mục không đúng định dạng \(code\)/);
  });
});
