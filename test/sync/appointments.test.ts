import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publish } from '../../central/sync/feeds';
import type { AppointmentFeedItem } from '../../contract/appointments';
import { workingCalendar } from '../../main/core/calendar/working-time';
import { queueDayOf } from '../../main/core/queue-day';
import { getPage, idNumber, postForm, slotsOn, vnDay } from '../central/appointment-helpers';
import { useSyncRigs, waitFor } from './rig';

/**
 * A booking made online while the site is offline reaches the hub on its next pull, is checked in
 * at the kiosk and called before the walk-ins at its time (docs/APPOINTMENTS.md). The central's
 * booking page is another helper's: here the central publishes the feed item as that page will.
 * PGlite only: the feed, not the engine, is under test.
 */
describe('an online booking, through the central’s appointments feed', () => {
  const t = useSyncRigs('pglite');

  it('reaches the hub after it was offline, is checked in and called at its time; a later cancel of it is not applied', async () => {
    const r = await t.rig();
    const admin = await r.hub.accounts.admin();
    const serviceId = (await r.officer['catalog.get']({})).services[0]!.id;
    await admin['site.update']({ callingRules: { interleaveAfterPriority: 3, maxWaitMinutes: null, useSkillWeights: true } });
    await admin['appointments.saveSettings']({
      earlyMinutes: 30, lateMinutes: 15, maxInARow: 1, maxActivePerId: 2,
      rules: [{ serviceId, enabled: true, windows: [{ from: '08:00', to: '11:00' }], slotMinutes: 30, capacity: 3, siteSeats: 1, daysAhead: 7 }],
    });
    await r.settle();

    // Thursday: the site is offline while a citizen books Friday 09:00 on the central's page.
    await r.hub.stop();
    const item: AppointmentFeedItem = {
      id: randomUUID(), code: 'TBC234', serviceId, slotStart: '2026-11-27T09:00:00+07:00', owner: 'central', idNumber: '064190012345',
      fullName: 'Nguyễn Thị Hường', phone: null, status: 'booked', bookedAt: '2026-11-26T03:00:00.000Z', changedAt: '2026-11-26T03:00:00.000Z',
    };
    await t.central.db.transaction((tx) => publish(tx, 'appointments', r.siteId, item.id, JSON.stringify(item)));
    await r.hub.start();
    await r.relogin();
    const reached = await waitFor('the booking at the hub', async () => {
      await r.syncNow();
      return (await r.officer['appointments.today']({ date: '2026-11-27' })).bookings.find((b) => b.id === item.id);
    });
    expect(reached).toMatchObject({ code: 'TBC234', owner: 'central', status: 'booked', slotTime: '09:00', idNumber: '••••••••2345' });
    // The central's seat is not the desk's: the desk still has its one seat at 09:00.
    expect((await r.officer['appointments.slots']({ serviceId, date: '2026-11-27' })).find((s) => s.time === '09:00')?.free).toBe(1);

    // Friday 08:40: two walk-ins, then the citizen scans the booking QR at the kiosk.
    r.clock.set(Date.parse('2026-11-27T08:40:00+07:00'));
    await r.relogin();
    const walkIn = (await r.issue()).ticket;
    const checkedIn = await r.kiosk['appointments.checkIn']({ by: 'code', text: `MCA1|${r.siteId}|TBC234` });
    expect(checkedIn.ticket.ticket).toMatchObject({ source: 'appointment', appointmentTime: '09:00' });
    await r.issue();

    // Before 09:00 it waits as a walk-in; at 09:00 it goes before the one who came earlier.
    r.clock.set(Date.parse('2026-11-27T09:00:00+07:00'));
    const call = await r.officer['counter.callNext']({});
    expect(call.ticket?.id).toBe(checkedIn.ticket.ticket.id);
    expect(call.reason.text).toMatch(/^Lịch hẹn 09:00 \(/);
    await r.officer['counter.finish']({ ticketId: call.ticket!.id });
    expect((await r.officer['counter.callNext']({})).ticket?.id).toBe(walkIn.id);

    // The citizen cancels online too late: the hub keeps the check-in and says why it skipped the item.
    await t.central.db.transaction((tx) => publish(tx, 'appointments', r.siteId, item.id, JSON.stringify({ ...item, status: 'cancelled', changedAt: '2026-11-27T02:05:00.000Z' })));
    const skipped = await waitFor('the skipped cancel', async () => (await r.syncNow()).skippedFeedItems.find((s) => s.feed === 'appointments'));
    expect(skipped.reason).toBe('Lịch hẹn TBC234 đã nhận số tại bộ phận một cửa: không áp dụng thay đổi từ trực tuyến.');
    expect((await r.officer['appointments.find']({ code: 'TBC234', idNumber: '064190012345' })).status).toBe('checked_in');
  });
});

/**
 * The issue's whole path with nothing stood in for: the hub's admin sets the rules (pushed), the
 * citizen books on the central's own page while the site is offline, the hub pulls the booking,
 * the kiosk checks it in and the counter calls it at its time. The slot the page offers must be
 * one the hub also generates: the two slot rules (main/core/appointments, central/appointments)
 * are written twice, so only this test holds them together.
 */
describe('a booking on the central’s page, with the site offline', () => {
  const t = useSyncRigs('pglite');

  it('is offered a slot the hub knows, reaches the hub on its next pull, is checked in and called at its time', async () => {
    const r = await t.rig();
    const admin = await r.hub.accounts.admin();
    const serviceId = (await r.officer['catalog.get']({})).services[0]!.id;
    await admin['appointments.saveSettings']({
      earlyMinutes: 30, lateMinutes: 15, maxInARow: 1, maxActivePerId: 2,
      rules: [{ serviceId, enabled: true, windows: [{ from: '08:00', to: '11:00' }], slotMinutes: 30, capacity: 3, siteSeats: 1, daysAhead: 7 }],
    });
    await r.settle();
    // No calendar published by the province: the central offers the slots by the one the hub
    // pushed with its rules (its built-in one). The day is the next weekday it keeps open.
    const calendar = workingCalendar();
    const open = Array.from({ length: 21 }, (_, n) => vnDay(n + 1)).filter((d) => {
      const weekday = new Date(`${d}T12:00:00+07:00`).getUTCDay();
      return weekday >= 1 && weekday <= 5 && queueDayOf(calendar, d).kind === 'usual';
    });
    const [day, later] = [open[0]!, open[1]!];

    await r.hub.stop();
    const page = await getPage(t.central.url, `/dat-lich?site=${encodeURIComponent(r.siteId)}&service=${serviceId}&day=${day}`);
    expect(page.status).toBe(200);
    const slot = `${day}T09:00:00+07:00`;
    expect(slotsOn(page.html)).toContain(slot);
    const idNo = idNumber();
    const booked = await postForm(t.central.url, '/dat-lich', { site: r.siteId, service: serviceId, day, slot, idNumber: idNo, fullName: 'Rơ Châm H’Bia', phone: '' });
    expect(booked.error).toBeNull();
    expect(booked.status).toBe(303);
    const code = /\/hen\/[^/]+\/([A-Z0-9]+)/.exec(booked.location ?? '')?.[1];
    expect(code).toMatch(/^T/);

    await r.hub.start();
    await r.relogin();
    const reached = await waitFor('the booking at the hub', async () => {
      await r.syncNow();
      return (await r.officer['appointments.today']({ date: day })).bookings.find((b) => b.code === code);
    });
    expect(reached).toMatchObject({ owner: 'central', status: 'booked', slotTime: '09:00', slotDate: day });
    // The same grid on both sides: every slot the page offered is one the desk's list has.
    r.clock.set(Date.now());
    await r.relogin();
    const deskSlots = (await r.officer['appointments.slots']({ serviceId, date: day })).map((s) => s.start);
    expect(deskSlots).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'].map((h) => `${day}T${h}:00+07:00`));
    expect(slotsOn(page.html)).toEqual(deskSlots);

    r.clock.set(Date.parse(`${day}T08:45:00+07:00`));
    await r.relogin();
    const walkIn = (await r.issue()).ticket;
    const checkedIn = await r.kiosk['appointments.checkIn']({ by: 'code', text: `MCA1|${r.siteId}|${code}` });
    expect(checkedIn.ticket.ticket).toMatchObject({ source: 'appointment', appointmentTime: '09:00' });
    r.clock.set(Date.parse(`${day}T09:01:00+07:00`));
    const call = await r.officer['counter.callNext']({});
    expect(call.ticket?.id).toBe(checkedIn.ticket.ticket.id);
    expect(call.reason.text).toMatch(/^Lịch hẹn 09:00/);
    await r.officer['counter.finish']({ ticketId: call.ticket!.id });
    expect((await r.officer['counter.callNext']({})).ticket?.id).toBe(walkIn.id);

    // The check-in reaches the central: the confirmation page says so, and the seat stays taken.
    await waitFor('the check-in at the central', async () => {
      await r.syncNow();
      const [row] = await t.central.db.query<{ status: string }>('SELECT status FROM appointments WHERE site_id = $1 AND code = $2', [r.siteId, code]);
      return row?.status === 'checked_in' ? row : null;
    });

    // The commune declares a day off at the hub: the central stops offering it once the rules travel again.
    const year = Number(later.slice(0, 4));
    const withDayOff = calendar.year(year);
    await (await r.hub.accounts.admin())['admin.saveCalendar']({ calendar: { ...withDayOff, holidays: [...withDayOff.holidays, { date: later, name: 'Nghỉ theo quyết định của xã' }] } });
    const laterPage = () => getPage(t.central.url, `/dat-lich?site=${encodeURIComponent(r.siteId)}&service=${serviceId}&day=${later}`);
    expect(slotsOn((await laterPage()).html).some((s) => s.startsWith(later))).toBe(true);
    await waitFor('the day off at the central', async () => {
      await r.syncNow();
      return slotsOn((await laterPage()).html).some((s) => s.startsWith(later)) ? null : true;
    });
  });
});
