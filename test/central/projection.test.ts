import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { monthPartition } from '../../central/db/partitions';
import { decodersV1, TicketPayload, type Decoder, type Decoders } from '../../central/projection/decode';
import { recomputeSiteDays } from '../../central/reports/site-days';
import { adminCall, count, createSite, engines, foldAndStored, openTestDb, pushBatch, SiteOutbox, startTestCentral } from './helpers';

/** A later central that understands `ticket.called` v2 (the v1 payload wrapped in an envelope). */
const calledV2: Decoder = (payload, aggregateId) => {
  const inner = TicketPayload.safeParse((payload as { ticket?: unknown }).ticket);
  if (!inner.success || inner.data.ticketId !== aggregateId) return { ok: false, code: 'PAYLOAD_INVALID', message: 'Sai định dạng.' };
  return { ok: true, event: { kind: 'ticket', type: 'called', p: inner.data } };
};
const upgraded: Decoders = new Map([...decodersV1, ['ticket.called@2', calledV2]]);

const TICKET_TYPES = ['issued', 'called', 'recalled', 'started', 'finished', 'skipped', 'returned', 'transferred', 'redirected', 'cancelled'];
const TICKET_STATUSES = ['waiting', 'called', 'serving', 'skipped', 'finished', 'cancelled', 'redirected'];
const DOSSIER_TYPES = ['received', 'supplement_requested', 'refused', 'forward', 'extended', 'resultReady', 'returned', 'withdrawn', 'applicant_updated', 'rated'];
const DOSSIER_STATUSES = ['received', 'supplement_requested', 'refused', 'forwarded', 'processing', 'result_ready', 'returned', 'withdrawn'];

type Op =
  | { kind: 'ticket'; t: number; type: number; status: number; counter: number }
  | { kind: 'dossier'; d: number; type: number; status: number; name: number; day: number }
  | { kind: 'rating'; t: number; rating: number; satisfied: boolean | undefined }
  | { kind: 'poison'; t: number }
  | { kind: 'calledV2'; t: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('ticket' as const), t: fc.nat(3), type: fc.nat(TICKET_TYPES.length - 1), status: fc.nat(TICKET_STATUSES.length - 1), counter: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('dossier' as const), d: fc.nat(2), type: fc.nat(DOSSIER_TYPES.length - 1), status: fc.nat(DOSSIER_STATUSES.length - 1), name: fc.nat(2), day: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rating' as const), t: fc.nat(3), rating: fc.nat(1), satisfied: fc.constantFrom(true, false, undefined) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('poison' as const), t: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('calledV2' as const), t: fc.nat(3) }) },
);

/** A site's days with something in them, as stored. */
const siteDays = (db: Db, siteId: string) =>
  db.query(
    `SELECT * FROM site_days WHERE site_id = $1 AND received + early + on_time + late + issued + served + no_show + waits + ratings > 0 ORDER BY day`,
    [siteId],
  );

/** How the hub sends: batches starting at or a little before what is acknowledged, sometimes past it (a gap). */
const sending = fc.array(fc.record({ back: fc.nat(3), size: fc.integer({ min: 1, max: 6 }), skip: fc.boolean() }), { minLength: 30, maxLength: 30 });

describe.each(engines)('projections (%s)', (engine) => {
  let db: Db;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await openTestDb(engine));
  });
  afterAll(() => dispose());

  it('stores an unknown event version raw and projects it after an upgrade and a reproject', async () => {
    const v1 = await startTestCentral(db);
    const o = new SiteOutbox(`xa-${randomUUID().slice(0, 8)}`);
    const credential = await createSite(v1.url, o.siteId);
    const t = randomUUID();
    o.ticket('issued', t, 'waiting');
    const called = JSON.parse(new SiteOutbox('x').ticket('called', t, 'called', { counterId: 'counter-7' }).payload) as unknown;
    o.raw('ticket.called', 2, t, JSON.stringify({ schema: 2, ticket: called }));
    o.ticket('started', t, 'serving', { counterId: 'counter-7' });
    o.raw('queue.snapshot', 1, 'q-1', '{}');
    const r = await pushBatch(v1.url, credential, o.request(o.events));
    expect(r.json).toMatchObject({ ackedThrough: 4, rejections: [] });
    const before = await foldAndStored(db, o.siteId, decodersV1);
    expect(before.states).toEqual(['applied', 'unknown', 'applied', 'unknown']);
    expect(before.stored.tickets[0]).toMatchObject({ status: 'serving', calledAt: null, counterId: null });
    expect((await adminCall<{ sites: { siteId: string; unprojected: number }[] }>(v1.url, '/admin/sites')).json.sites.find((s) => s.siteId === o.siteId)?.unprojected).toBe(2);
    await v1.close();

    const v2 = await startTestCentral(db, { decoders: upgraded });
    const re = await adminCall(v2.url, '/admin/reproject', {});
    expect(re.status).toBe(200);
    expect(re.json).toMatchObject({ projected: 1, rejected: 0, remaining: 1 });
    const after = await foldAndStored(db, o.siteId, upgraded);
    expect(after.states).toEqual(['applied', 'applied', 'applied', 'unknown']);
    expect(after.stored).toEqual(after.folded);
    expect(after.stored.tickets[0]).toMatchObject({ status: 'serving', counterId: 'counter-7' });
    expect(after.stored.tickets[0]!.calledAt).not.toBeNull();
    await v2.close();
  });

  it('creates the month partition a push needs when it is missing', async () => {
    const c = await startTestCentral(db);
    const [{ now }] = (await db.query<{ now: Date }>('SELECT now() AS now')) as [{ now: Date }];
    const p = monthPartition(now);
    const o = new SiteOutbox(`xa-${randomUUID().slice(0, 8)}`);
    const credential = await createSite(c.url, o.siteId);
    // An empty database crossing into a month nobody prepared: drop this month's partition.
    await db.query(`DELETE FROM events WHERE received_at >= '${p.from}' AND received_at < '${p.to}'`);
    await db.query(`DROP TABLE ${p.name}`);
    o.ticket('issued', randomUUID(), 'waiting');
    expect((await pushBatch(c.url, credential, o.request(o.events))).json.ackedThrough).toBe(1);
    const [row] = await db.query<{ part: string }>('SELECT tableoid::regclass::text AS part FROM events WHERE site_id = $1', [o.siteId]);
    expect(row!.part).toBe(p.name);
    // No default partition: a row of a month without one is refused, not hidden somewhere.
    await expect(
      db.query(`INSERT INTO events (id, site_id, incarnation, seq, event_id, type, version, aggregate_id, payload, hash, site_created_at, received_at, projected)
                VALUES (0, 'x', gen_random_uuid(), 1, gen_random_uuid(), 't', 1, 'a', '{}', 'h', now(), '2099-01-15', false)`),
    ).rejects.toMatchObject({ code: '23514' });
    await c.close();
  });

  it('equals the fold of the log for any history, however the batches were cut, repeated or lost', async () => {
    const c = await startTestCentral(db);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), sending, async (ops, plan) => {
        const o = new SiteOutbox(`xa-${randomUUID().slice(0, 8)}`);
        const credential = await createSite(c.url, o.siteId);
        const tickets = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
        const dossiers = [randomUUID(), randomUUID(), randomUUID()];
        const ratings = [randomUUID(), randomUUID()];
        for (const x of ops) {
          if (x.kind === 'ticket') {
            o.ticket(TICKET_TYPES[x.type]!, tickets[x.t]!, TICKET_STATUSES[x.status]!, {
              counterId: x.counter === 0 ? null : `c${x.counter}`, data: x.counter === 2 ? { redirectedFrom: tickets[(x.t + 1) % 4] } : {},
            });
          } else if (x.kind === 'dossier') {
            // Steps on four days, a half hour before Vietnam's midnight (the day a figure counts on), with what the reports read of their data.
            o.dossier(DOSSIER_TYPES[x.type]!, dossiers[x.d]!, DOSSIER_STATUSES[x.status]!, {
              applicantName: `Người ${x.name}`, at: `2026-03-0${2 + x.day}T16:30:00.000Z`,
              data: { previousDueAt: x.name === 2 ? 'không phải ngày' : `2026-03-0${2 + x.name}T09:00:00.000Z`, score: x.name === 0 ? 'very_satisfied' : 'kem', satisfied: x.day === 3 ? true : undefined },
            });
          } else if (x.kind === 'rating') o.rating(tickets[x.t]!, 'hai_long', ratings[x.rating], x.satisfied);
          else if (x.kind === 'poison') o.raw('ticket.finished', 1, tickets[x.t]!, '{"at": 1}');
          else o.raw('ticket.called', 2, tickets[x.t]!, JSON.stringify({ schema: 2, ticket: JSON.parse(new SiteOutbox('x').ticket('called', tickets[x.t]!, 'called').payload) as unknown }));
        }
        let acked = 0;
        for (const step of [...plan, ...Array.from({ length: o.events.length }, () => ({ back: 0, size: 6, skip: false }))]) {
          if (acked >= o.events.length) break;
          const from = Math.max(0, acked - step.back) + (step.skip ? 1 : 0);
          const batch = o.events.slice(from, from + step.size);
          if (batch.length === 0) continue;
          const r = await pushBatch(c.url, credential, o.request(batch));
          if (r.status === 200) acked = Math.max(acked, r.json.ackedThrough as number);
          else if (r.status === 409 && r.json.code === 'SEQ_GAP') acked = (r.json.expectedSeq as number) - 1;
          else throw new Error(`push: ${r.status} ${JSON.stringify(r.json)}`);
        }
        expect(acked).toBe(o.events.length);
        expect(await count(db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [o.siteId])).toBe(o.events.length);
        const f = await foldAndStored(db, o.siteId, decodersV1);
        expect(f.stored).toEqual(f.folded);
        expect(f.states).toEqual(f.verdicts);
        // The days the pushes kept are the days computed from scratch (a day left out of a push's refresh would show here).
        const kept = await siteDays(db, o.siteId);
        await db.transaction((tx) => recomputeSiteDays(tx, o.siteId));
        expect(kept).toEqual(await siteDays(db, o.siteId));
      }),
      { numRuns: engine === 'pglite' ? 25 : 15 },
    );
    await c.close();
  });
});
