import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ProvinceReport } from '../../central/reports/province';
import { centralPerSuite } from './central-per-suite';
import { createSite, engines, pushBatch, readyAccount, sessionCall, SiteOutbox } from './helpers';

/** Vietnam is UTC+7: its midnight starting 1 March 2026 is 17:00 UTC on 28 February. */
const MARCH_STARTS = '2026-02-28T17:00:00.000Z';
const MARCH_STARTS_LESS_1S = '2026-02-28T16:59:59.000Z';
const MARCH_ENDS = '2026-03-31T17:00:00.000Z';
const MARCH_ENDS_LESS_1S = '2026-03-31T16:59:59.000Z';
const FAR_DUE = '2026-06-30T09:00:00.000Z';

/**
 * The province's figures cut the period at Vietnam's midnights, not UTC's: one second either side
 * of 00:00 in Vietnam (17:00 UTC the day before) decides the period, and a Vietnam day decides
 * early against on time. Pushed through the real sync routes; one site for each kind of figure,
 * read for March and for the months either side of it.
 */
describe.each(engines)("the province's figures at Vietnam's midnight (%s)", (engine) => {
  const central = centralPerSuite(engine);

  const push = async (o: SiteOutbox) => {
    const r = await pushBatch(central.url, await createSite(central.url, o.siteId), o.request(o.events));
    expect(r.status).toBe(200);
  };
  const received = (o: SiteOutbox, receivedAt: string) => o.dossier('received', randomUUID(), 'received', { receivedAt, dueAt: FAR_DUE });
  /** A dossier whose result became ready at `readyAt`: what the desk is scored on, as its hub's reports do. */
  const returned = (o: SiteOutbox, dueAt: string, readyAt: string) => {
    const id = randomUUID();
    o.dossier('received', id, 'received', { receivedAt: '2026-02-20T01:00:00.000Z', dueAt });
    o.dossier('resultReady', id, 'result_ready', { receivedAt: '2026-02-20T01:00:00.000Z', dueAt, at: readyAt });
  };

  it('counts a dossier received at 23:59:59 on the last day and from 00:00:00 on the first, not a second outside', async () => {
    const o = new SiteOutbox('xa-tiep-nhan');
    received(o, MARCH_STARTS_LESS_1S); // 23:59:59 on 28 February in Vietnam
    received(o, MARCH_STARTS); // 00:00:00 on 1 March
    received(o, MARCH_ENDS_LESS_1S); // 23:59:59 on 31 March
    received(o, MARCH_ENDS); // 00:00:00 on 1 April
    await push(o);
    const { cookie } = await readyAccount(central.url, `canbo${randomUUID().slice(0, 6)}`, 'clerk');
    const count = async (query: string) => {
      const r = await sessionCall<ProvinceReport>(central.url, `/admin/api/province?${query}`, cookie);
      return r.json.sites.find((s) => s.siteId === o.siteId)!.dossiers.received;
    };
    expect(await count('from=2026-03-01&to=2026-03-31')).toBe(2);
    expect(await count('from=2026-02-01&to=2026-02-28')).toBe(1);
    expect(await count('from=2026-04-01&to=2026-04-30')).toBe(1);
    // A one-day period is that Vietnam day, whole.
    expect(await count('from=2026-03-31&to=2026-03-31')).toBe(1);
  });

  it('counts results ready in the period by the Vietnam day, on time up to the due time, early only on an earlier Vietnam day', async () => {
    const o = new SiteOutbox('xa-tra-ket-qua');
    // The period's edges (all before their due time, on an earlier day: early).
    returned(o, FAR_DUE, MARCH_STARTS_LESS_1S);
    returned(o, FAR_DUE, MARCH_STARTS);
    returned(o, FAR_DUE, MARCH_ENDS_LESS_1S);
    returned(o, FAR_DUE, MARCH_ENDS);
    // Due at the very end of 10 March in Vietnam: ready at 23:59 that day on time, at 00:00 the next late.
    returned(o, '2026-03-10T16:59:59.000Z', '2026-03-10T16:59:00.000Z');
    returned(o, '2026-03-10T16:59:59.000Z', '2026-03-10T17:00:00.000Z');
    // Due at 16:00 on 12 March in Vietnam: ready at 23:59:59 on the 11th early, at 00:00:00 on the
    // 12th (still the 11th in UTC) on time, at the due time on time, a second after it late.
    returned(o, '2026-03-12T09:00:00.000Z', '2026-03-11T16:59:59.000Z');
    returned(o, '2026-03-12T09:00:00.000Z', '2026-03-11T17:00:00.000Z');
    returned(o, '2026-03-12T09:00:00.000Z', '2026-03-12T09:00:00.000Z');
    returned(o, '2026-03-12T09:00:00.000Z', '2026-03-12T09:00:01.000Z');
    await push(o);
    const { cookie } = await readyAccount(central.url, `canbo${randomUUID().slice(0, 6)}`, 'clerk');
    const dossiers = async (query: string) => {
      const r = await sessionCall<ProvinceReport>(central.url, `/admin/api/province?${query}`, cookie);
      return r.json.sites.find((s) => s.siteId === o.siteId)!.dossiers;
    };
    expect(await dossiers('from=2026-03-01&to=2026-03-31')).toMatchObject({ handled: 8, early: 3, onTime: 3, late: 2, onTimeShare: 6 / 8 });
    expect(await dossiers('from=2026-02-01&to=2026-02-28')).toMatchObject({ handled: 1, early: 1, onTime: 0, late: 0 });
    expect(await dossiers('from=2026-04-01&to=2026-04-30')).toMatchObject({ handled: 1, early: 1, onTime: 0, late: 0 });
    expect(await dossiers('from=2026-03-10&to=2026-03-10')).toMatchObject({ handled: 1, onTime: 1, late: 0 });
    expect(await dossiers('from=2026-03-11&to=2026-03-11')).toMatchObject({ handled: 2, early: 1, onTime: 0, late: 1 });
    expect(await dossiers('from=2026-03-12&to=2026-03-12')).toMatchObject({ handled: 3, early: 0, onTime: 2, late: 1 });
  });

  it("counts tickets by their service date, whatever the UTC day of their times, and ratings by the Vietnam day they were given", async () => {
    const o = new SiteOutbox('xa-lay-so');
    const ticket = (serviceDate: string, at: string) => {
      const id = randomUUID();
      o.at(at).ticket('issued', id, 'waiting', { serviceDate });
      o.at(at).rating(id, 'satisfied');
    };
    ticket('2026-02-28', MARCH_STARTS_LESS_1S);
    ticket('2026-03-01', MARCH_STARTS); // 28 February in UTC
    ticket('2026-03-31', MARCH_ENDS_LESS_1S);
    ticket('2026-04-01', MARCH_ENDS); // 31 March in UTC
    await push(o);
    const { cookie } = await readyAccount(central.url, `canbo${randomUUID().slice(0, 6)}`, 'clerk');
    const figures = async (query: string) => {
      const r = await sessionCall<ProvinceReport>(central.url, `/admin/api/province?${query}`, cookie);
      const s = r.json.sites.find((x) => x.siteId === o.siteId)!;
      return { issued: s.tickets.issued, ratings: s.ratings.count };
    };
    expect(await figures('from=2026-03-01&to=2026-03-31')).toEqual({ issued: 2, ratings: 2 });
    expect(await figures('from=2026-02-01&to=2026-02-28')).toEqual({ issued: 1, ratings: 1 });
    expect(await figures('from=2026-04-01&to=2026-04-30')).toEqual({ issued: 1, ratings: 1 });
  });
});
