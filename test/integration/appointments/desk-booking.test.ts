import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookedEventPayload, CancelledEventPayload, CheckedInEventPayload, MovedEventPayload, RulesEventPayload, type AppointmentSettings } from '../../../contract/appointments';
import type { HubClient } from '../../../contract/client';
import { HubError } from '../../../contract/errors';
import type { OpOutput } from '../../../contract/ops';
import { FakeClock } from '../../support/clock';
import { STAFF_PASSWORD, startTestHub, type TestHub } from '../../support/hub';
import { codeOf } from '../../support/outcome';

const ADDRESS = 'Thôn Ia Dom, xã Ia Dom, tỉnh Gia Lai';
const cccd = (idNumber: string) => [idNumber, '', 'Nguyễn Văn An', '15081990', 'Nam', ADDRESS, '20042021'].join('|');

/** The error a call answered with (code, message, details), for the words a citizen reads. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HubError) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('the call succeeded');
}

/**
 * Phone bookings at the desk, check-in at the kiosk, and the calls that follow — a Wednesday's
 * bookings for Thursday 10 December 2026 (a working day), on the hub's real API and SQLite file.
 */
describe('appointments at the desk, through the real API', () => {
  const clock = new FakeClock('2026-12-09T08:00:00+07:00');
  let hub: TestHub;
  let cat: OpOutput<'catalog.get'>;
  let admin: HubClient;
  let officer: HubClient;
  let kiosk: HubClient;
  const svc = (name: string) => cat.services.find((s) => s.name === name)!.id;
  const settings = (): AppointmentSettings => ({
    earlyMinutes: 30,
    lateMinutes: 15,
    maxInARow: 2,
    maxActivePerId: 2,
    rules: [{ serviceId: svc('Hộ tịch'), enabled: true, windows: [{ from: '08:00', to: '10:30' }], slotMinutes: 30, capacity: 3, siteSeats: 2, daysAhead: 7 }],
  });
  /** A new day at the desk: the officer logs in again (yesterday's session has ended). */
  const nextDay = async (iso: string) => {
    clock.set(iso);
    const { token } = await hub.client()['auth.login']({ username: 'canbo1', password: STAFF_PASSWORD });
    officer = hub.client(token);
  };
  const person = (idNumber: string, fullName = 'Trần Thị Bích') => ({ idNumber, fullName, phone: '0912345678' });

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    cat = await hub.catalog();
    admin = await hub.admin();
    officer = await hub.staff('canbo1');
    kiosk = (await hub.device('kiosk')).client;
    // No maximum wait: it would come first, and the walk-ins here wait long by design.
    const { callingRules } = await admin['site.get']({});
    await admin['site.update']({ callingRules: { ...callingRules, maxWaitMinutes: null } });
  });
  afterAll(async () => hub?.close());

  it('keeps the admin’s settings and refuses a rule for a service that does not exist', async () => {
    expect((await admin['appointments.settings']({})).rules).toEqual([]);
    // A site that takes no bookings shows its citizens no "Có lịch hẹn" at the kiosk.
    expect((await kiosk['kiosk.menu']({})).takesBookings).toBe(false);
    expect(await admin['appointments.saveSettings'](settings())).toEqual(settings());
    expect((await kiosk['kiosk.menu']({})).takesBookings).toBe(true);
    expect(await admin['appointments.settings']({})).toEqual(settings());
    const ghost = { ...settings(), rules: [{ ...settings().rules[0]!, serviceId: '0190a1b2-0000-7000-8000-000000000000' }] };
    expect(await codeOf(admin['appointments.saveSettings'](ghost))).toBe('NOT_FOUND');
    expect(await codeOf(officer['appointments.saveSettings'](settings()))).toBe('FORBIDDEN');
  });

  it('offers the desk’s seats of each slot on a working day, none on a Saturday or for a service without bookings', async () => {
    const slots = await officer['appointments.slots']({ serviceId: svc('Hộ tịch'), date: '2026-12-10' });
    expect(slots.map((s) => s.time)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00']);
    expect(slots[2]).toEqual({ start: '2026-12-10T09:00:00+07:00', time: '09:00', capacity: 2, free: 2 });
    expect(await officer['appointments.slots']({ serviceId: svc('Hộ tịch'), date: '2026-12-12' })).toEqual([]);
    expect(await codeOf(officer['appointments.slots']({ serviceId: svc('Chứng thực'), date: '2026-12-10' }))).toBe('SLOT_UNAVAILABLE');
  });

  it('books desk seats until the slot is full, and no more than the limit per ID number', async () => {
    const serviceId = svc('Hộ tịch');
    const a = await officer['appointments.book']({ serviceId, slotStart: '2026-12-10T09:00:00+07:00', ...person('001099012345') });
    expect(a).toMatchObject({ code: expect.stringMatching(/^Q[23456789BCDFGHKLMNPQRTVX]{5}$/), slotDate: '2026-12-10', slotTime: '09:00', owner: 'site', status: 'booked', noShow: false });
    // The same instant written in UTC is the same slot.
    await officer['appointments.book']({ serviceId, slotStart: '2026-12-10T02:00:00.000Z', ...person('001099012346') });
    expect(await codeOf(officer['appointments.book']({ serviceId, slotStart: '2026-12-10T09:00:00+07:00', ...person('001099012347') }))).toBe('SLOT_FULL');
    expect((await officer['appointments.slots']({ serviceId, date: '2026-12-10' }))[2]!.free).toBe(0);
    await officer['appointments.book']({ serviceId, slotStart: '2026-12-10T09:30:00+07:00', ...person('001099012345') });
    expect(await codeOf(officer['appointments.book']({ serviceId, slotStart: '2026-12-10T10:00:00+07:00', ...person('001099012345') }))).toBe('BOOKING_LIMIT');
    expect(await codeOf(officer['appointments.book']({ serviceId, slotStart: '2026-12-10T09:10:00+07:00', ...person('001099012348') }))).toBe('SLOT_UNAVAILABLE');
    expect(await codeOf(officer['appointments.book']({ serviceId, slotStart: '2026-12-12T09:00:00+07:00', ...person('001099012348') }))).toBe('SLOT_UNAVAILABLE');
  });

  it('finds, moves and cancels a booking by its code and ID number only', async () => {
    const serviceId = svc('Hộ tịch');
    const b = await officer['appointments.book']({ serviceId, slotStart: '2026-12-10T08:00:00+07:00', ...person('079301004321') });
    expect(await codeOf(officer['appointments.find']({ code: b.code, idNumber: '079301004322' }))).toBe('APPOINTMENT_NOT_FOUND');
    expect((await officer['appointments.find']({ code: b.code.toLowerCase(), idNumber: '079301004321' })).id).toBe(b.id);
    const moved = await officer['appointments.move']({ code: b.code, idNumber: '079301004321', slotStart: '2026-12-10T10:00:00+07:00' });
    expect(moved).toMatchObject({ slotTime: '10:00', owner: 'site' });
    expect(await codeOf(officer['appointments.move']({ code: b.code, idNumber: '079301004321', slotStart: '2026-12-10T09:00:00+07:00' }))).toBe('SLOT_FULL');
    expect((await officer['appointments.cancel']({ code: b.code, idNumber: '079301004321' })).status).toBe('cancelled');
    expect(await codeOf(officer['appointments.cancel']({ code: b.code, idNumber: '079301004321' }))).toBe('APPOINTMENT_CANCELLED');
    expect(await codeOf(kiosk['appointments.checkIn']({ by: 'code', text: b.code }))).toBe('APPOINTMENT_CANCELLED');
  });

  it('checks in from 30 minutes before the slot, saying when to come back before that', async () => {
    const { bookings } = await officer['appointments.today']({ date: '2026-12-10' });
    const nine = bookings.find((b) => b.slotTime === '09:00')!;
    expect(nine.idNumber).toMatch(/^•{8}\d{4}$/);
    const notToday = await refusal(kiosk['appointments.checkIn']({ by: 'code', text: nine.code }));
    expect(notToday).toMatchObject({ code: 'APPOINTMENT_NOT_TODAY', message: 'Lịch hẹn này vào ngày 10/12/2026 lúc 09:00, không phải hôm nay.' });
    await nextDay('2026-12-10T08:10:00+07:00');
    const early = await refusal(kiosk['appointments.checkIn']({ by: 'code', text: `MCA1|any-site|${nine.code}` }));
    expect(early).toEqual({ code: 'APPOINTMENT_TOO_EARLY', message: 'Chưa đến giờ nhận lịch hẹn: mời quay lại từ 08:30', details: { opensAt: '08:30', slotTime: '09:00' } });
    // A kiosk switched to English hears the same answer in English.
    const earlyEn = await refusal(kiosk['appointments.checkIn']({ by: 'code', text: nine.code, language: 'en' }));
    expect(earlyEn).toMatchObject({ code: 'APPOINTMENT_TOO_EARLY', message: 'It is too early to check in: please come back from 08:30' });
  });

  it('turns a checked-in booking into a ticket marked with its time, once', async () => {
    clock.set('2026-12-10T08:35:00+07:00');
    const { bookings } = await officer['appointments.today']({});
    const nine = bookings.filter((b) => b.slotTime === '09:00');
    const done = await kiosk['appointments.checkIn']({ by: 'code', text: nine[0]!.code });
    expect(done.appointment).toMatchObject({ status: 'checked_in', ticketId: done.ticket.ticket.id, checkedInAt: new Date(clock.now()).toISOString() });
    expect(done.ticket.ticket).toMatchObject({ source: 'appointment', appointmentTime: '09:00', serviceName: 'Hộ tịch', status: 'waiting' });
    expect(await codeOf(kiosk['appointments.checkIn']({ by: 'code', text: nine[0]!.code }))).toBe('APPOINTMENT_USED');
    // The other 09:00 booking by the citizen's CCCD, at a kiosk switched to English: the ticket speaks it.
    const byCard = await kiosk['appointments.checkIn']({ by: 'cccd', raw: cccd('001099012346'), language: 'en' });
    expect(byCard.appointment.code).toBe(nine[1]!.code);
    expect(byCard.ticket.ticket.language).toBe('en');
    expect(done.ticket.ticket.language).toBe('vi');
    expect((await refusal(kiosk['appointments.checkIn']({ by: 'code', text: nine[0]!.code, language: 'en' }))).message).toBe('This appointment has already been given a number.');
    expect(await codeOf(kiosk['appointments.checkIn']({ by: 'cccd', raw: cccd('001099099999') }))).toBe('APPOINTMENT_NOT_FOUND');
    expect(await codeOf(kiosk['appointments.checkIn']({ by: 'code', text: 'QBBBBB' }))).toBe('APPOINTMENT_NOT_FOUND');
  });

  it('calls a due booking before walk-ins, with its reason, and no more than maxInARow in a row', async () => {
    const serviceId = svc('Hộ tịch');
    const walkIns = [];
    for (let i = 0; i < 3; i++) walkIns.push((await kiosk['tickets.issue']({ serviceId, priorityClassId: null })).ticket);
    await officer['counter.open']({ counterId: cat.counters.find((c) => c.number === 1)!.id });
    const callAndFinish = async () => {
      const r = await officer['counter.callNext']({});
      await officer['counter.start']({ ticketId: r.ticket!.id });
      await officer['counter.finish']({ ticketId: r.ticket!.id });
      return r;
    };
    // 08:40: the bookings checked in early wait as walk-ins until their time — the oldest number goes
    // first, and a booked ticket's call counts in the streak whatever picked it.
    clock.set('2026-12-10T08:40:00+07:00');
    expect((await callAndFinish()).ticket?.source).toBe('appointment');
    // The 09:30 booking of the first citizen, checked in as soon as its window opens.
    clock.set('2026-12-10T09:00:00+07:00');
    const { bookings } = await officer['appointments.today']({});
    await kiosk['appointments.checkIn']({ by: 'code', text: bookings.find((b) => b.slotTime === '09:30')!.code });
    expect((await callAndFinish()).reason).toEqual({ code: 'appointment', text: 'Lịch hẹn 09:00 (Hộ tịch)' });
    // Two booked tickets in a row: a walk-in now, though the 09:30 booking is due.
    clock.set('2026-12-10T09:30:00+07:00');
    const walkIn = await callAndFinish();
    expect(walkIn.ticket?.id).toBe(walkIns[0]!.id);
    expect(walkIn.reason.code).toBe('fifo');
    expect((await callAndFinish()).reason).toEqual({ code: 'appointment', text: 'Lịch hẹn 09:30 (Hộ tịch)' });
    expect((await callAndFinish()).ticket?.id).toBe(walkIns[1]!.id);
    // The TV's calls say which were bookings and for when (the walk-ins see why a later number went first).
    const { calls } = await officer['calls.since']({ after: 0 });
    expect(calls.map((c) => c.appointmentTime)).toEqual(['09:00', '09:00', null, '09:30', null]);
  });

  it('counts a booking not checked in after its late window as a no-show', async () => {
    clock.set('2026-12-10T10:20:00+07:00');
    const { hours } = await officer['appointments.today']({});
    expect(hours.find((h) => h.hour === '09:00')).toMatchObject({ checkedIn: 3, noShows: 0 });
    const serviceId = svc('Hộ tịch');
    const late = await officer['appointments.book']({ serviceId, slotStart: '2026-12-11T08:00:00+07:00', ...person('001099077777') });
    await nextDay('2026-12-11T08:16:00+07:00');
    const missed = await refusal(kiosk['appointments.checkIn']({ by: 'code', text: late.code }));
    expect(missed).toMatchObject({ code: 'APPOINTMENT_MISSED', message: 'Lịch hẹn lúc 08:00 ngày 11/12/2026 chỉ nhận đến 08:15. Ông/Bà vui lòng lấy số thứ tự thông thường.' });
    expect((await officer['appointments.today']({})).hours).toEqual([{ serviceId, serviceName: 'Hộ tịch', hour: '08:00', booked: 0, checkedIn: 0, noShows: 1, cancelled: 0 }]);
  });

  it('slows down guessing of booking codes at the kiosk', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) outcomes.push(await codeOf(kiosk['appointments.checkIn']({ by: 'code', text: `QBBB${'23456789BCDFGHKLMNPQRTVX'[i]}2` })));
    expect(outcomes.slice(0, 15).every((c) => c === 'APPOINTMENT_NOT_FOUND')).toBe(true);
    expect(outcomes.at(-1)).toBe('TOO_MANY_ATTEMPTS');
  });

  it('sends each change to the central in the shapes the contract gives', () => {
    const rows = hub.running.hub.deps.db
      .prepare(`SELECT type, aggregate_id, payload FROM outbox WHERE type LIKE 'appointment.%' ORDER BY seq`)
      .all() as { type: string; aggregate_id: string; payload: string }[];
    const schemas = { 'appointment.rules': RulesEventPayload, 'appointment.booked': BookedEventPayload, 'appointment.moved': MovedEventPayload, 'appointment.cancelled': CancelledEventPayload, 'appointment.checkedIn': CheckedInEventPayload };
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(Object.keys(schemas)));
    for (const r of rows) expect(schemas[r.type as keyof typeof schemas].safeParse(JSON.parse(r.payload)).success).toBe(true);
    const rules = RulesEventPayload.parse(JSON.parse(rows.find((r) => r.type === 'appointment.rules')!.payload));
    expect(rules.services.map((x) => x.name)).toEqual(['Hộ tịch']);
    // Checked in 25 minutes before a 09:00 slot (08:35).
    const checkedIn = rows.filter((r) => r.type === 'appointment.checkedIn').map((r) => CheckedInEventPayload.parse(JSON.parse(r.payload)));
    expect(checkedIn[0]!.minutesFromSlot).toBe(-25);
  });
});
