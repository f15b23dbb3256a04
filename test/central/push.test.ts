import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodersV1 } from '../../central/projection/decode';
import { PushResponse, StatusResponse } from '../../contract/sync';
import { centralPerSuite } from './central-per-suite';
import { call, count, createSite, engines, foldAndStored, pushBatch, SiteOutbox, syncHeaders } from './helpers';

const withoutTime = (j: Record<string, unknown>) => ({ ...j, serverTime: undefined });

describe.each(engines)('push (%s)', (engine) => {
  const central = centralPerSuite(engine);

  /** A new site with its credential and an empty outbox. */
  async function site() {
    const siteId = `xa-${randomUUID().slice(0, 8)}`;
    return { credential: await createSite(central.url, siteId), outbox: new SiteOutbox(siteId) };
  }
  const stored = (siteId: string) => count(central.db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [siteId]);

  it('creates a site whose credential opens its status', async () => {
    const { credential, outbox } = await site();
    const r = await call(central.url, `/sync/v1/sites/${outbox.siteId}/status`, { headers: syncHeaders(outbox.siteId, credential) });
    expect(r.status).toBe(200);
    const s = StatusResponse.parse(r.json);
    expect(s).toMatchObject({ siteId: outbox.siteId, siteName: `Xã ${outbox.siteId}`, streams: [], minProtocol: 1, maxProtocol: 1 });
  });

  it('stores and projects a batch, and answers a duplicate batch the same way', async () => {
    const { credential, outbox: o } = await site();
    const t = randomUUID();
    const d = randomUUID();
    o.ticket('issued', t, 'waiting');
    o.ticket('called', t, 'called', { counterId: 'counter-1' });
    o.dossier('received', d, 'received');
    o.rating(t);
    const first = await pushBatch(central.url, credential, o.request(o.events));
    expect(first.status).toBe(200);
    expect(PushResponse.parse(first.json)).toMatchObject({ ackedThrough: 4, rejections: [] });

    const again = await pushBatch(central.url, credential, o.request(o.events));
    expect(again.status).toBe(200);
    expect(withoutTime(again.json)).toEqual(withoutTime(first.json));
    expect(await stored(o.siteId)).toBe(4);

    const [ticket] = await central.db.query<{ status: string; counter_id: string }>('SELECT status, counter_id FROM tickets WHERE site_id = $1', [o.siteId]);
    expect(ticket).toEqual({ status: 'called', counter_id: 'counter-1' });
    expect(await count(central.db, 'SELECT count(*) AS n FROM dossiers WHERE site_id = $1', [o.siteId])).toBe(1);
    expect(await count(central.db, 'SELECT count(*) AS n FROM ratings WHERE site_id = $1', [o.siteId])).toBe(1);
  });

  it('applies the same batch sent twice at once exactly once', async () => {
    const { credential, outbox: o } = await site();
    for (let i = 0; i < 50; i++) o.ticket('issued', randomUUID(), 'waiting');
    const req = o.request(o.events);
    const [a, b] = await Promise.all([pushBatch(central.url, credential, req), pushBatch(central.url, credential, req)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.json.ackedThrough, b.json.ackedThrough]).toEqual([50, 50]);
    expect(await stored(o.siteId)).toBe(50);
    expect(await count(central.db, 'SELECT count(*) AS n FROM tickets WHERE site_id = $1', [o.siteId])).toBe(50);
  });

  it('takes overlapping batches, storing each event once', async () => {
    const { credential, outbox: o } = await site();
    for (let i = 0; i < 8; i++) o.ticket('issued', randomUUID(), 'waiting');
    expect((await pushBatch(central.url, credential, o.request(o.events.slice(0, 5)))).json.ackedThrough).toBe(5);
    expect((await pushBatch(central.url, credential, o.request(o.events.slice(2, 8)))).json.ackedThrough).toBe(8);
    expect((await pushBatch(central.url, credential, o.request(o.events.slice(1, 3)))).json.ackedThrough).toBe(8);
    expect(await stored(o.siteId)).toBe(8);
  });

  it('answers a gap with the seq it expects, keeping the events before it', async () => {
    const { credential, outbox: o } = await site();
    for (let i = 0; i < 8; i++) o.ticket('issued', randomUUID(), 'waiting');
    await pushBatch(central.url, credential, o.request(o.events.slice(0, 5)));
    const gap = await pushBatch(central.url, credential, o.request([o.events[5]!, o.events[7]!]));
    expect(gap.status).toBe(409);
    expect(gap.json).toMatchObject({ code: 'SEQ_GAP', expectedSeq: 7, ackedThrough: 6 });
    expect(await stored(o.siteId)).toBe(6);
    const resent = await pushBatch(central.url, credential, o.request(o.events.slice(6)));
    expect(resent.json.ackedThrough).toBe(8);
  });

  it('refuses the same seq with another payload, committing nothing of that request', async () => {
    const { credential, outbox: o } = await site();
    const t = randomUUID();
    o.ticket('issued', t, 'waiting');
    o.ticket('called', t, 'called');
    o.ticket('started', t, 'serving');
    await pushBatch(central.url, credential, o.request(o.events));
    const other = new SiteOutbox(o.siteId, o.incarnation);
    other.events.push(o.events[0]!, o.events[1]!);
    other.ticket('cancelled', t, 'cancelled'); // seq 3, different payload
    other.ticket('issued', randomUUID(), 'waiting'); // seq 4, new
    const r = await pushBatch(central.url, credential, other.request(other.events));
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ code: 'SEQ_CONFLICT', seq: 3 });
    expect(typeof r.json.message).toBe('string');
    expect(await stored(o.siteId)).toBe(3);
    const [s] = await central.db.query<{ last_seq: number }>('SELECT last_seq FROM streams WHERE site_id = $1', [o.siteId]);
    expect(s!.last_seq).toBe(3);
  });

  it('stores, rejects and acknowledges a poison event without blocking the ones behind it', async () => {
    const { credential, outbox: o } = await site();
    const t1 = randomUUID();
    const t2 = randomUUID();
    o.ticket('issued', t1, 'waiting');
    o.raw('ticket.called', 1, t1, '{"ticketId": "not json');
    o.raw('dossier.received', 1, randomUUID(), JSON.stringify({ dossierId: 'x' }));
    o.ticket('issued', t2, 'waiting');
    const r = await pushBatch(central.url, credential, o.request(o.events));
    expect(r.status).toBe(200);
    const body = PushResponse.parse(r.json);
    expect(body.ackedThrough).toBe(4);
    expect(body.rejections.map((x) => [x.seq, x.code])).toEqual([[2, 'PAYLOAD_NOT_JSON'], [3, 'PAYLOAD_INVALID']]);
    expect(body.rejections[0]!.message).toMatch(/JSON/);
    expect(await stored(o.siteId)).toBe(4);
    expect(await count(central.db, 'SELECT count(*) AS n FROM tickets WHERE site_id = $1', [o.siteId])).toBe(2);
    // The hub lost the answer and sends again: the same rejections come back.
    const again = await pushBatch(central.url, credential, o.request(o.events));
    expect(withoutTime(again.json)).toEqual(withoutTime(r.json));
  });

  it('refuses a batch whose hash does not match its content', async () => {
    const { credential, outbox: o } = await site();
    const e = o.ticket('issued', randomUUID(), 'waiting');
    const r = await pushBatch(central.url, credential, o.request([{ ...e, hash: 'f'.repeat(64) }]));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 'HASH_MISMATCH', seq: 1 });
    expect(await stored(o.siteId)).toBe(0);
  });

  it('recognises events resent under a new incarnation by their id', async () => {
    const { credential, outbox: o } = await site();
    for (let i = 0; i < 3; i++) o.ticket('issued', randomUUID(), 'waiting');
    await pushBatch(central.url, credential, o.request(o.events));
    // Restored from a backup that had acknowledged only seq 1: a new stream from seq 2.
    const restored = new SiteOutbox(o.siteId);
    restored.events.push(o.events[0]!, o.events[1]!, o.events[2]!);
    restored.ticket('issued', randomUUID(), 'waiting');
    const r = await pushBatch(central.url, credential, restored.request(restored.events.slice(1), 2));
    expect(r.status).toBe(200);
    expect(r.json.ackedThrough).toBe(4);
    expect(await stored(o.siteId)).toBe(4);
    const status = await call(central.url, `/sync/v1/sites/${o.siteId}/status`, { headers: syncHeaders(o.siteId, credential) });
    expect(StatusResponse.parse(status.json).streams).toHaveLength(2);
    // One event id under two seqs of one request: stored once as well.
    const twice = restored.ticket('issued', randomUUID(), 'waiting');
    restored.events.push({ ...twice, seq: 6 });
    expect((await pushBatch(central.url, credential, restored.request(restored.events.slice(4), 2))).json.ackedThrough).toBe(6);
    expect(await stored(o.siteId)).toBe(5);
  });

  it('keeps the projections equal to the fold of the stored events', async () => {
    const { credential, outbox: o } = await site();
    const t = randomUUID();
    const d = randomUUID();
    o.ticket('issued', t, 'waiting');
    o.ticket('called', t, 'called', { counterId: 'c1' });
    o.ticket('recalled', t, 'called', { counterId: 'c1' });
    o.ticket('started', t, 'serving', { counterId: 'c1' });
    o.dossier('received', d, 'received');
    o.ticket('finished', t, 'finished', { counterId: 'c1' });
    o.rating(t);
    o.rating(t); // another rating of the same visit: rejected
    o.dossier('extended', d, 'received');
    o.dossier('returned', d, 'returned', { returnedAt: '2026-03-04T03:00:00.000Z' });
    for (let i = 0; i < o.events.length; i += 3) await pushBatch(central.url, credential, o.request(o.events.slice(i, i + 3)));
    const f = await foldAndStored(central.db, o.siteId, decodersV1);
    expect(f.stored).toEqual(f.folded);
    expect(f.states).toEqual(f.verdicts);
    expect(f.folded.tickets[0]).toMatchObject({ status: 'finished', recallCount: 1, counterId: 'c1' });
    expect(f.folded.dossiers[0]).toMatchObject({ status: 'returned', returnedAt: '2026-03-04T03:00:00.000Z' });
    expect(f.verdicts.filter((v) => v === 'rejected')).toHaveLength(1);
  });
});
