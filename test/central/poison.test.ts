import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodersV1, type Decoder, type DossierPayload } from '../../central/projection/decode';
import { eventHash } from '../../common/node/event-hash';
import { PushResponse, type WireEvent } from '../../contract/sync';
import { centralPerSuite } from './central-per-suite';
import { count, createSite, engines, foldAndStored, pushBatch, SiteOutbox, startTestCentral } from './helpers';

const withoutTime = (j: Record<string, unknown>) => ({ ...j, serverTime: undefined });

/** An event with one field replaced after it was made, its hash recomputed. */
const altered = (e: WireEvent, change: Partial<WireEvent>): WireEvent => {
  const x = { ...e, ...change };
  return { ...x, hash: eventHash(x.type, x.version, x.aggregateId, x.payload) };
};

/**
 * Each way one event could stop a site's sync for good (issue "Hardening", item 17): the central
 * judged none of them before the database, answered 500 to the whole batch, and the hub sent the
 * same batch again forever.
 */
function poisons(o: SiteOutbox): Map<number, string> {
  const expected = new Map<number, string>();
  const poison = (e: WireEvent, code: string) => expected.set(e.seq, code);
  const t = randomUUID();
  const ticket = () => o.ticket('issued', t, 'waiting');
  const replace = (change: Partial<WireEvent>) => {
    const e = altered(o.events.pop()!, change);
    o.events.push(e);
    return e;
  };
  // U+0000 in an applicant's name (the hub takes it today), and a lone surrogate.
  poison(o.dossier('received', randomUUID(), 'received', { applicantName: 'Nguyễn\u0000 Văn An' }), 'PAYLOAD_NOT_STORABLE');
  poison(o.dossier('received', randomUUID(), 'received', { applicantName: 'Trần \ud800Bình' }), 'PAYLOAD_NOT_STORABLE');
  ticket();
  // U+0000 in the type and in the aggregate id, a lone surrogate in the type.
  ticket();
  poison(replace({ type: 'ticket.issued\u0000' }), 'EVENT_INVALID');
  ticket();
  poison(replace({ aggregateId: `${t}\u0000` }), 'EVENT_INVALID');
  ticket();
  poison(replace({ type: 'ticket.\udc00issued' }), 'EVENT_INVALID');
  // Year 0000: when the event happened, and inside the payload.
  ticket();
  poison(replace({ createdAt: '0000-06-01T00:00:00Z' }), 'EVENT_INVALID');
  const at = o.ticket('called', t, 'called');
  poison(replace({ payload: at.payload.replace(/"at":"[^"]+"/, '"at":"0000-01-01T00:00:00Z"') }), 'PAYLOAD_INVALID');
  // A version beyond what the log's integer holds.
  ticket();
  poison(replace({ version: 2 ** 31 }), 'EVENT_INVALID');
  // A payload nested 20 000 deep.
  const d = o.dossier('received', randomUUID(), 'received');
  const depth = 20_000;
  poison(replace({ payload: `${d.payload.slice(0, -1)},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}` }), 'PAYLOAD_NOT_STORABLE');
  ticket();
  return expected;
}

describe.each(engines)('events the central cannot store (%s)', (engine) => {
  const central = centralPerSuite(engine);

  async function site() {
    const siteId = `xa-${randomUUID().slice(0, 8)}`;
    return { credential: await createSite(central.url, siteId), o: new SiteOutbox(siteId) };
  }

  it('rejects and acknowledges each poison event in the middle of a batch, and stores the rest', async () => {
    const { credential, o } = await site();
    o.ticket('issued', randomUUID(), 'waiting');
    const expected = poisons(o);
    o.ticket('issued', randomUUID(), 'waiting');
    const r = await pushBatch(central.url, credential, o.request(o.events));
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const body = PushResponse.parse(r.json);
    expect(body.ackedThrough).toBe(o.events.length);
    expect(new Map(body.rejections.map((x) => [x.seq, x.code]))).toEqual(expected);
    for (const x of body.rejections) expect(x.message).toMatch(/\S/);

    // The good ones are all in the log and projected; the poison ones are kept (in the log when it
    // can hold them, verbatim beside their rejection otherwise) and never applied.
    const good = o.events.filter((e) => !expected.has(e.seq));
    expect(await count(central.db, 'SELECT count(*) AS n FROM events WHERE site_id = $1 AND projected', [o.siteId])).toBe(good.length);
    const kept = await central.db.query<{ seq: number; raw: string }>('SELECT seq, raw FROM rejections WHERE site_id = $1 AND raw IS NOT NULL ORDER BY seq', [o.siteId]);
    expect(kept.map((k) => k.seq)).toEqual([...expected].filter(([, code]) => code === 'EVENT_INVALID').map(([seq]) => seq));
    for (const k of kept) expect(JSON.parse(k.raw)).toEqual(o.events.find((e) => e.seq === k.seq));
    const f = await foldAndStored(central.db, o.siteId, decodersV1);
    expect(f.stored).toEqual(f.folded);
    expect(f.states).toEqual(f.verdicts);

    // The answer was lost: the same batch gets the same answer, and nothing is stored twice.
    const again = await pushBatch(central.url, credential, o.request(o.events));
    expect(withoutTime(again.json)).toEqual(withoutTime(r.json));
    expect(await count(central.db, 'SELECT count(*) AS n FROM event_index WHERE site_id = $1', [o.siteId])).toBe(o.events.length);
  });

  it('rejects an event the database refuses although the checks let it through, and stores the others of its batch', async () => {
    // A decoder that checks nothing stands for a check that missed something: PostgreSQL refuses
    // a procedure version beyond its integer, and only that event is rejected.
    const careless: Decoder = (payload) => ({ ok: true, event: { kind: 'dossier', p: payload as DossierPayload } });
    const lax = await startTestCentral(central.db, { decoders: new Map([...decodersV1, ['dossier.received@1', careless]]) });
    try {
      const { credential, o } = await site();
      o.ticket('issued', randomUUID(), 'waiting');
      const d = o.dossier('received', randomUUID(), 'received');
      o.events.pop();
      const bad = altered(d, { payload: d.payload.replace('"procedureVersion":1', `"procedureVersion":${2 ** 40}`) });
      o.events.push(bad);
      o.dossier('received', randomUUID(), 'received');
      const r = await pushBatch(lax.url, credential, o.request(o.events));
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(PushResponse.parse(r.json)).toMatchObject({ ackedThrough: 3, rejections: [{ seq: 2, code: 'EVENT_NOT_STORABLE' }] });
      expect(await count(central.db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [o.siteId])).toBe(2);
      expect(await count(central.db, 'SELECT count(*) AS n FROM dossiers WHERE site_id = $1', [o.siteId])).toBe(1);
    } finally {
      await lax.close();
    }
  });

  it('rejects an event id sent again under a new incarnation with other content, and still takes the same content as a duplicate', async () => {
    const { credential, o } = await site();
    const t = randomUUID();
    o.ticket('issued', t, 'waiting');
    o.ticket('called', t, 'called', { counterId: 'c1' });
    expect((await pushBatch(central.url, credential, o.request(o.events))).json.ackedThrough).toBe(2);
    const restored = new SiteOutbox(o.siteId);
    restored.events.push(o.events[0]!, altered(o.events[1]!, { payload: o.events[1]!.payload.replace('"c1"', '"c9"') }));
    const r = await pushBatch(central.url, credential, restored.request(restored.events));
    expect(r.status).toBe(200);
    expect(PushResponse.parse(r.json)).toMatchObject({ ackedThrough: 2, rejections: [{ seq: 2, code: 'EVENT_ID_CONFLICT', eventId: o.events[1]!.eventId }] });
    // The event first stored under that id stays as it was, with no rejection of its own.
    const [ticket] = await central.db.query<{ counter_id: string }>('SELECT counter_id FROM tickets WHERE site_id = $1', [o.siteId]);
    expect(ticket!.counter_id).toBe('c1');
    const first = await pushBatch(central.url, credential, o.request(o.events));
    expect(first.json).toMatchObject({ ackedThrough: 2, rejections: [] });
    expect(await count(central.db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [o.siteId])).toBe(2);
  });

  it('refuses a batch with an event it cannot place, naming its seq', async () => {
    const { credential, o } = await site();
    o.ticket('issued', randomUUID(), 'waiting');
    const e = o.ticket('issued', randomUUID(), 'waiting');
    o.events.pop();
    o.events.push({ ...e, eventId: 'không phải mã' });
    const r = await pushBatch(central.url, credential, o.request(o.events));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 'VALIDATION_FAILED', seq: 2 });
    expect(r.json.message).toMatch(/số 2/);
  });

  it('refuses a stream beyond the limit of a site', async () => {
    const limited = await startTestCentral(central.db, { limits: { maxStreamsPerSite: 3 } });
    try {
      const { credential, o } = await site();
      const streams = Array.from({ length: 4 }, () => new SiteOutbox(o.siteId));
      const answers = [];
      for (const s of streams) {
        s.ticket('issued', randomUUID(), 'waiting');
        answers.push(await pushBatch(limited.url, credential, s.request(s.events)));
      }
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 409]);
      expect(answers[3]!.json).toMatchObject({ code: 'STREAM_LIMIT', max: 3 });
      expect(await count(central.db, 'SELECT count(*) AS n FROM streams WHERE site_id = $1', [o.siteId])).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
