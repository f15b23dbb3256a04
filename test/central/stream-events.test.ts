import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StatusResponse, StreamEventsResponse, type WireEvent } from '../../contract/sync';
import { centralPerSuite } from './central-per-suite';
import { adminCall, call, createSite, engines, pushBatch, SiteOutbox, syncHeaders } from './helpers';

/**
 * What a restored hub reads back of its own streams (docs/SYNC.md, "Incarnations and restored
 * backups"): the events of a stream page by page, whichever stream first stored them; which stream
 * is current; and what a replaced stream left behind — only for the site's own credential.
 */
describe.each(engines)('a site reading back its own streams (%s)', (engine) => {
  const central = centralPerSuite(engine);
  const read = (siteId: string, credential: string, incarnation: string, after: number, limit: number) =>
    call(central.url, `/sync/v1/sites/${siteId}/streams/${incarnation}/events?after=${after}&limit=${limit}`, { headers: syncHeaders(siteId, credential) });

  it('pages through a replaced stream, marks the new one current and counts what the old one left behind', async () => {
    const siteId = `xa-${randomUUID().slice(0, 8)}`;
    const credential = await createSite(central.url, siteId);
    const old = new SiteOutbox(siteId);
    for (let i = 0; i < 5; i++) old.ticket('issued', randomUUID(), 'waiting');
    expect((await pushBatch(central.url, credential, old.request(old.events))).status).toBe(200);
    // A copy restored with seqs 1–2: its new stream sends 2 again (a duplicate by id), then its own 3.
    const restored = new SiteOutbox(siteId);
    restored.events.push(old.events[1]!);
    restored.ticket('issued', randomUUID(), 'waiting');
    restored.events[1] = { ...restored.events[1]!, seq: 3 };
    expect((await pushBatch(central.url, credential, restored.request(restored.events, 2))).status).toBe(200);

    const pages: WireEvent[][] = [];
    let after = 0;
    for (;;) {
      const r = await read(siteId, credential, old.incarnation, after, 2);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const page = StreamEventsResponse.parse(r.json);
      pages.push(page.events);
      after = page.through;
      if (!page.hasMore) break;
    }
    expect(pages.map((p) => p.map((e) => e.seq))).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.flat()).toEqual(old.events);
    // The new stream's seq 2 is the event first stored under the old one: read back as it was sent.
    const again = StreamEventsResponse.parse((await read(siteId, credential, restored.incarnation, 0, 10)).json);
    expect(again.events.map((e) => [e.seq, e.eventId])).toEqual([[2, old.events[1]!.eventId], [3, restored.events[1]!.eventId]]);

    const status = StatusResponse.parse((await call(central.url, `/sync/v1/sites/${siteId}/status`, { headers: syncHeaders(siteId, credential) })).json);
    expect(status.streams).toEqual([
      { incarnation: restored.incarnation, baseSeq: 2, lastSeq: 3, current: true },
      { incarnation: old.incarnation, baseSeq: 1, lastSeq: 5, current: false },
    ]);
    const sites = (await adminCall<{ sites: { siteId: string; streams: { incarnation: string; current: boolean; leftBehind: unknown }[] }[] }>(central.url, '/admin/sites')).json.sites;
    expect(sites.find((s) => s.siteId === siteId)!.streams.map((s) => [s.incarnation, s.current, s.leftBehind])).toEqual([
      [restored.incarnation, true, null],
      [old.incarnation, false, { fromSeq: 2, count: 4 }],
    ]);
  });

  it('answers only the site’s own credential, and says so for a stream it does not have', async () => {
    const a = `xa-${randomUUID().slice(0, 8)}`;
    const b = `xa-${randomUUID().slice(0, 8)}`;
    const [ca, cb] = [await createSite(central.url, a), await createSite(central.url, b)];
    const o = new SiteOutbox(a);
    o.ticket('issued', randomUUID(), 'waiting');
    await pushBatch(central.url, ca, o.request(o.events));
    expect((await read(a, cb, o.incarnation, 0, 10)).status).toBe(403);
    expect((await call(central.url, `/sync/v1/sites/${a}/streams/${o.incarnation}/events`, { headers: syncHeaders(b, cb) })).status).toBe(403);
    expect((await read(a, 'mc1_wrong', o.incarnation, 0, 10)).status).toBe(401);
    expect((await read(a, ca, randomUUID(), 0, 10)).json).toMatchObject({ code: 'STREAM_NOT_FOUND' });
    expect((await read(a, ca, 'not-a-uuid', 0, 10)).status).toBe(404);
    expect((await read(a, ca, o.incarnation, 0, 0)).status).toBe(400);
  });
});
