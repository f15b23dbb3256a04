import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import type { Limits } from '../../central/http/limits';
import { AppointmentFeedItem, type RulesEventPayload } from '../../contract/appointments';
import type { CalendarYear } from '../../contract/calendar';
import { PullResponse } from '../../contract/sync';
import {
  bookForm, codeOf, getPage, idNumber, newSiteId, postForm, publishCalendars, pushRules, rulesPayload, SERVICE_ID, slotsOn, vnDay,
} from './appointment-helpers';
import { decodersV1 } from '../../central/projection/decode';
import { adminCall, call, count, createSite, engines, openTestDb, pushBatch, SiteOutbox, startTestCentral, syncHeaders } from './helpers';

/**
 * Online booking at the central (issue 14, docs/APPOINTMENTS.md) over real HTTP: slots from the
 * rules a site pushed and the province's calendar, the central's seats never overbooked however
 * many citizens press "Đặt lịch" at once, the per-ID limit, change and cancel by code and ID
 * number, the `appointments` feed, and the desk's bookings counted on the desk's side.
 */
describe.each(engines)('appointments at the central (%s)', (engine) => {
  let db: Db;
  let url: string;
  let stop: () => Promise<void>;
  const holiday = vnDay(2);

  beforeAll(async () => {
    const t = await openTestDb(engine);
    const c = await startTestCentral(t.db, { publicUrl: 'https://dichvu.gialai.gov.vn' });
    db = t.db;
    url = c.url;
    stop = async () => {
      await c.close();
      await t.dispose();
    };
    await publishCalendars(url, [holiday]);
  });
  afterAll(() => stop?.());

  async function bookableSite(rules = rulesPayload()) {
    const siteId = newSiteId();
    const credential = await createSite(url, siteId, 'UBND xã Ia Dom');
    const outbox = await pushRules(url, siteId, credential, rules);
    return { siteId, credential, outbox };
  }
  const pagePath = (siteId: string, day: string) => `/dat-lich?site=${siteId}&service=${SERVICE_ID}&day=${day}`;
  const seats = (siteId: string, slot: string) =>
    db.query<{ site_taken: number; central_taken: number }>('SELECT site_taken, central_taken FROM appointment_seats WHERE site_id = $1 AND slot_start = $2', [siteId, new Date(slot)]);
  const pullFeed = async (siteId: string, credential: string) =>
    PullResponse.parse((await call(url, `/sync/v1/sites/${siteId}/feeds/appointments?cursor=0`, { headers: syncHeaders(siteId, credential) })).json).items;

  it('offers the rule\'s slots on working days and none on a holiday', async () => {
    const { siteId } = await bookableSite();
    const list = await getPage(url, '/dat-lich');
    expect(list.html).toContain(`/dat-lich?site=${siteId}`);
    const day = vnDay(1);
    expect(slotsOn((await getPage(url, pagePath(siteId, day))).html)).toEqual(['08:00', '08:30', '09:00', '09:30'].map((t) => `${day}T${t}:00+07:00`));
    const onHoliday = await getPage(url, pagePath(siteId, holiday));
    // The day asked for is not offered: the page falls back to the first day with seats, and no link names the holiday.
    expect(onHoliday.html).not.toContain(`day=${holiday}`);
    expect(slotsOn(onHoliday.html).some((s) => s.startsWith(holiday))).toBe(false);
    const posted = await postForm(url, '/dat-lich', bookForm(siteId, `${holiday}T08:00:00+07:00`));
    expect([posted.status, posted.error]).toEqual([409, 'SLOT_NOT_OFFERED']);
  });

  it('never books more than the central\'s seats of a slot, however many ask at once', async () => {
    const { siteId, credential } = await bookableSite(rulesPayload({ capacity: 5, siteSeats: 2 }));
    const slot = `${vnDay(1)}T08:00:00+07:00`;
    const answers = await Promise.all(Array.from({ length: 40 }, () => postForm(url, '/dat-lich', bookForm(siteId, slot))));
    const booked = answers.filter((a) => a.status === 303);
    expect(booked).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).map((a) => a.error)).toEqual(Array(37).fill('SLOT_FULL'));
    expect(answers.find((a) => a.status === 409)!.html).toContain('Khung giờ này đã hết chỗ đặt trực tuyến');
    expect(await seats(siteId, slot)).toEqual([{ site_taken: 0, central_taken: 3 }]);
    expect(await count(db, `SELECT count(*) AS n FROM appointments WHERE site_id = $1 AND slot_start = $2 AND status = 'booked'`, [siteId, new Date(slot)])).toBe(3);
    // Each booking reached the site's feed, with the code its citizen was given.
    const items = (await pullFeed(siteId, credential)).map((i) => AppointmentFeedItem.parse(JSON.parse(i.payload)));
    expect(items.map((i) => i.code).sort()).toEqual(booked.map((a) => codeOf(a.location)).sort());
    expect(items.every((i) => i.owner === 'central' && i.status === 'booked' && i.slotStart === slot && /^T/.test(i.code))).toBe(true);
  });

  it('holds one ID number to the site\'s limit of active bookings, also when it asks in parallel', async () => {
    const { siteId } = await bookableSite(rulesPayload({ capacity: 20, siteSeats: 0, maxActivePerId: 2 }));
    const day = vnDay(1);
    const id = idNumber();
    expect((await postForm(url, '/dat-lich', bookForm(siteId, `${day}T08:00:00+07:00`, id))).status).toBe(303);
    expect((await postForm(url, '/dat-lich', bookForm(siteId, `${day}T08:30:00+07:00`, id))).status).toBe(303);
    const third = await postForm(url, '/dat-lich', bookForm(siteId, `${day}T09:00:00+07:00`, id));
    expect([third.status, third.error]).toEqual([409, 'ID_LIMIT']);
    const other = idNumber();
    const times = ['08:00', '08:30', '09:00', '09:30'];
    const parallel = await Promise.all(Array.from({ length: 20 }, (_, i) => postForm(url, '/dat-lich', bookForm(siteId, `${day}T${times[i % 4]}:00+07:00`, other))));
    expect(parallel.filter((a) => a.status === 303)).toHaveLength(2);
    expect(await count(db, `SELECT count(*) AS n FROM appointments WHERE site_id = $1 AND id_number = $2`, [siteId, other])).toBe(2);
  });

  it('shows the confirmation with the code, a QR of its public address and the name masked', async () => {
    const { siteId } = await bookableSite();
    const slot = `${vnDay(1)}T09:00:00+07:00`;
    const r = await postForm(url, '/dat-lich', bookForm(siteId, slot, idNumber(), 'Nguyễn Thị Hường'));
    expect(r.location).toMatch(new RegExp(`^/hen/${siteId}/T[23456789BCDFGHKLMNPQRTVX]{5}\\?da=moi$`));
    const page = await getPage(url, r.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<p class="code">${codeOf(r.location)}</p>`);
    expect(page.html).toContain('09:00');
    expect(page.html).toContain('Chứng thực bản sao');
    expect(page.html).toContain('N***** T** H****');
    expect(page.html).not.toContain('Hường');
    expect(page.html).toContain('<svg class="qr"');
  });

  it('moves and cancels by code and ID number: a wrong ID is refused, the seats and the feed follow', async () => {
    const { siteId, credential } = await bookableSite();
    const day = vnDay(1);
    const [from, to] = [`${day}T08:00:00+07:00`, `${day}T09:30:00+07:00`];
    const id = idNumber();
    const code = codeOf((await postForm(url, '/dat-lich', bookForm(siteId, from, id))).location);
    const wrong = await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: idNumber(), action: 'cancel' });
    expect([wrong.status, wrong.error]).toEqual([404, 'BOOKING_NOT_FOUND']);
    const moved = await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: id, action: 'move', slot: to });
    expect([moved.status, moved.location]).toEqual([303, `/hen/${siteId}/${code}?da=doi`]);
    expect(await seats(siteId, from)).toEqual([{ site_taken: 0, central_taken: 0 }]);
    expect(await seats(siteId, to)).toEqual([{ site_taken: 0, central_taken: 1 }]);
    const cancelled = await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: id, action: 'cancel' });
    expect(cancelled.status).toBe(303);
    expect(await seats(siteId, to)).toEqual([{ site_taken: 0, central_taken: 0 }]);
    const again = await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: id, action: 'move', slot: from });
    expect(again.status).toBe(303); // a cancelled booking's change page sends the citizen to its confirmation
    expect((await getPage(url, `/hen/${siteId}/${code}`)).html).toContain('Đã hủy');
    const history = (await pullFeed(siteId, credential)).map((i) => AppointmentFeedItem.parse(JSON.parse(i.payload)));
    expect(history.map((i) => [i.status, i.slotStart])).toEqual([['booked', from], ['booked', to], ['cancelled', to]]);
  });

  it('counts a desk booking pushed by the hub in the desk\'s seats, not the central\'s', async () => {
    const { siteId, credential, outbox } = await bookableSite(rulesPayload({ capacity: 3, siteSeats: 1 }));
    const slot = `${vnDay(1)}T08:30:00+07:00`;
    const id = randomUUID();
    outbox.raw('appointment.booked', 1, id, JSON.stringify({
      id, code: 'Q7K2MX', serviceId: SERVICE_ID, slotStart: slot, owner: 'site', idNumber: idNumber(), fullName: 'Trần Văn Bình', phone: null, bookedAt: new Date().toISOString(),
    }));
    const r = await pushBatch(url, credential, outbox.request(outbox.events.slice(1), 2));
    expect(r.json).toMatchObject({ ackedThrough: 2, rejections: [] });
    expect(await seats(siteId, slot)).toEqual([{ site_taken: 1, central_taken: 0 }]);
    // Both of the central's seats are still there to book online.
    expect((await postForm(url, '/dat-lich', bookForm(siteId, slot))).status).toBe(303);
    expect((await postForm(url, '/dat-lich', bookForm(siteId, slot))).status).toBe(303);
    expect((await postForm(url, '/dat-lich', bookForm(siteId, slot))).error).toBe('SLOT_FULL');
    expect(await seats(siteId, slot)).toEqual([{ site_taken: 1, central_taken: 2 }]);
  });

  it('publishes the desk\'s move of a booking the feed carried, so a move made online meanwhile does not leave the two sides apart', async () => {
    const { siteId, credential, outbox } = await bookableSite();
    const day = vnDay(1);
    const id = idNumber();
    const code = codeOf((await postForm(url, '/dat-lich', bookForm(siteId, `${day}T08:00:00+07:00`, id))).location);
    const booking = AppointmentFeedItem.parse(JSON.parse((await pullFeed(siteId, credential))[0]!.payload));
    // The citizen moves it online to 09:30 while the desk, not having pulled that yet, moves it to 09:00.
    expect((await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: id, action: 'move', slot: `${day}T09:30:00+07:00` })).status).toBe(303);
    outbox.raw('appointment.moved', 1, booking.id, JSON.stringify({ id: booking.id, slotStart: `${day}T09:00:00+07:00`, owner: 'site' }));
    expect((await pushBatch(url, credential, outbox.request(outbox.events.slice(1), 2))).json).toMatchObject({ rejections: [] });
    const items = (await pullFeed(siteId, credential)).map((i) => AppointmentFeedItem.parse(JSON.parse(i.payload)));
    expect(items.map((i) => [i.slotStart.slice(11, 16), i.owner])).toEqual([['08:00', 'central'], ['09:30', 'central'], ['09:00', 'site']]);
    expect(await seats(siteId, `${day}T09:30:00+07:00`)).toEqual([{ site_taken: 0, central_taken: 0 }]);
    expect(await seats(siteId, `${day}T09:00:00+07:00`)).toEqual([{ site_taken: 1, central_taken: 0 }]);
  });

  it('rejects an appointment event it cannot use and stores the rest of the push', async () => {
    const { siteId, credential, outbox } = await bookableSite();
    const ticket = randomUUID();
    outbox.ticket('issued', ticket, 'waiting');
    outbox.raw('appointment.booked', 1, randomUUID(), JSON.stringify({ id: 'not-a-booking' }));
    const unknown = randomUUID();
    outbox.raw('appointment.moved', 1, unknown, JSON.stringify({ id: unknown, slotStart: `${vnDay(1)}T08:00:00+07:00`, owner: 'site' }));
    outbox.ticket('called', ticket, 'called', { counterId: 'c1' });
    const r = await pushBatch(url, credential, outbox.request(outbox.events.slice(1), 2));
    expect(r.status).toBe(200);
    expect(r.json.ackedThrough).toBe(5);
    expect((r.json.rejections as { seq: number; code: string }[]).map((x) => [x.seq, x.code])).toEqual([[3, 'PAYLOAD_INVALID'], [4, 'APPOINTMENT_UNKNOWN']]);
    expect(await db.query('SELECT status FROM tickets WHERE site_id = $1', [siteId])).toEqual([{ status: 'called' }]);
  });

  it('applies the appointment events an older central stored raw when it is upgraded and reprojects', async () => {
    const older = await startTestCentral(db, { decoders: new Map([...decodersV1].filter(([k]) => !k.startsWith('appointment.'))) });
    try {
      const siteId = newSiteId();
      const credential = await createSite(older.url, siteId);
      const o = new SiteOutbox(siteId);
      o.raw('appointment.rules', 1, 'appointment-rules', JSON.stringify(rulesPayload()));
      const id = randomUUID();
      const slot = `${vnDay(1)}T09:00:00+07:00`;
      o.raw('appointment.booked', 1, id, JSON.stringify({
        id, code: 'Q2345B', serviceId: SERVICE_ID, slotStart: slot, owner: 'site', idNumber: idNumber(), fullName: 'Lê Văn Cường', phone: null, bookedAt: new Date().toISOString(),
      }));
      o.raw('appointment.cancelled', 1, randomUUID(), JSON.stringify({ id: randomUUID(), at: new Date().toISOString() }));
      expect((await pushBatch(older.url, credential, o.request(o.events))).json).toMatchObject({ ackedThrough: 3, rejections: [] });
      expect(await count(db, 'SELECT count(*) AS n FROM appointment_rules WHERE site_id = $1', [siteId])).toBe(0);

      const re = await adminCall(url, '/admin/reproject', {});
      expect(re.json).toMatchObject({ rejected: 1 });
      expect(await count(db, 'SELECT count(*) AS n FROM appointment_rules WHERE site_id = $1', [siteId])).toBe(1);
      expect(await seats(siteId, slot)).toEqual([{ site_taken: 1, central_taken: 0 }]);
      expect(await count(db, 'SELECT count(*) AS n FROM events WHERE site_id = $1 AND projected', [siteId])).toBe(2);
    } finally {
      await older.close();
    }
  });
});

/**
 * A site that takes bookings on a central of its own, with tight limits (on PostgreSQL): the
 * throttles count per address, and every test comes from 127.0.0.1.
 */
async function withTightCentral(limits: Partial<Limits>, rules: RulesEventPayload, test: (c: { url: string; db: Db; siteId: string }) => Promise<void>): Promise<void> {
  const t = await openTestDb('postgres');
  const c = await startTestCentral(t.db, { limits });
  try {
    await publishCalendars(c.url, []);
    const siteId = newSiteId();
    await pushRules(c.url, siteId, await createSite(c.url, siteId), rules);
    await test({ url: c.url, db: t.db, siteId });
  } finally {
    await c.close();
    await t.dispose();
  }
}

describe('the booking pages\' throttles (postgres)', () => {
  it('blocks an address after the allowed wrong ID numbers at the change page, the right ID too', () =>
    withTightCentral({ authFailures: 3 }, rulesPayload(), async ({ url, siteId }) => {
      const id = idNumber();
      const code = codeOf((await postForm(url, '/dat-lich', bookForm(siteId, `${vnDay(1)}T08:00:00+07:00`, id))).location);
      const tries = [];
      for (let i = 0; i < 4; i++) tries.push(await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: idNumber(), action: 'cancel' }));
      expect(tries.map((x) => x.status)).toEqual([404, 404, 404, 429]);
      expect(tries[3]!.html).toContain('Quá nhiều lần xác thực sai');
      expect((await postForm(url, '/dat-lich/doi', { site: siteId, code, idNumber: id, action: 'cancel' })).status).toBe(429);
    }));

  it('refuses an address that asks for more bookings than the window allows, whatever ID numbers it invents', () =>
    withTightCentral({ bookingsPerAddress: 3 }, rulesPayload({ capacity: 20, siteSeats: 0 }), async ({ url, db, siteId }) => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => postForm(url, '/dat-lich', bookForm(siteId, `${vnDay(1)}T08:00:00+07:00`))));
      expect(answers.map((a) => a.status).sort()).toEqual([303, 303, 303, 429, 429, 429]);
      expect(answers.find((a) => a.status === 429)!.error).toBe('TOO_MANY_BOOKINGS');
      expect(await count(db, 'SELECT count(*) AS n FROM appointments WHERE site_id = $1', [siteId])).toBe(3);
    }));
});

describe('a province that published no calendar (pglite)', () => {
  /** The site's own years as its hub pushes them: every day worked but `holiday`. */
  const siteYears = (holiday: string): CalendarYear[] => {
    const thisYear = Number(vnDay(0).slice(0, 4));
    const week = Array.from({ length: 7 }, () => [{ from: '07:00', to: '17:00' }]);
    return [thisYear, thisYear + 1].map((year) => ({
      year, province: null, source: 'official', holidays: holiday.startsWith(String(year)) ? [{ date: holiday, name: 'Ngày lễ của xã' }] : [],
      extraDaysOff: [], workedWeekendDays: [], sessions: week, sameDayCutoff: '15:00',
    }));
  };

  it('offers the site\'s slots by the calendar its hub pushed, its holiday included, until the province publishes one', async () => {
    const t = await openTestDb('pglite');
    const c = await startTestCentral(t.db);
    try {
      const holiday = vnDay(2);
      const siteId = newSiteId();
      await pushRules(c.url, siteId, await createSite(c.url, siteId), rulesPayload({ siteCalendars: siteYears(holiday) }));
      const day = vnDay(1);
      expect(slotsOn((await getPage(c.url, `/dat-lich?site=${siteId}&service=${SERVICE_ID}&day=${day}`)).html)).toContain(`${day}T08:00:00+07:00`);
      expect((await postForm(c.url, '/dat-lich', bookForm(siteId, `${holiday}T08:00:00+07:00`))).error).toBe('SLOT_NOT_OFFERED');

      // The province's calendar wins for the years it covers: here the site's holiday is a working day.
      await publishCalendars(c.url, []);
      expect((await postForm(c.url, '/dat-lich', bookForm(siteId, `${holiday}T08:00:00+07:00`))).status).toBe(303);
    } finally {
      await c.close();
      await t.dispose();
    }
  });
});
