import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { centralPerSuite } from './central-per-suite';
import { ADMIN_TOKEN, call, createSite, engines, pushBatch, SiteOutbox, startTestCentral, syncHeaders } from './helpers';

describe.each(engines)('protocol, credentials and limits (%s)', (engine) => {
  const central = centralPerSuite(engine);

  async function site() {
    const o = new SiteOutbox(`xa-${randomUUID().slice(0, 8)}`);
    return { o, credential: await createSite(central.url, o.siteId) };
  }
  const status = (siteId: string, h: Record<string, string>) => call(central.url, `/sync/v1/sites/${siteId}/status`, { headers: h });

  it('answers 426 to a protocol below the minimum and 400 to one above the maximum', async () => {
    const { o, credential } = await site();
    const old = await status(o.siteId, syncHeaders(o.siteId, credential, 0));
    expect(old.status).toBe(426);
    expect(old.json).toMatchObject({ code: 'PROTOCOL_TOO_OLD', minProtocol: 1 });
    const newer = await status(o.siteId, syncHeaders(o.siteId, credential, 2));
    expect(newer.status).toBe(400);
    expect(newer.json).toMatchObject({ code: 'PROTOCOL_UNSUPPORTED', maxProtocol: 1 });
    expect(typeof newer.json.message).toBe('string');
    // An outdated hub is told so before anything else, even with a wrong credential.
    expect((await status(o.siteId, syncHeaders(o.siteId, 'wrong', 0))).status).toBe(426);
    expect((await status(o.siteId, { authorization: `Bearer ${credential}` })).json).toMatchObject({ code: 'PROTOCOL_MISSING' });
  });

  it("refuses another site's credential with 403 on every sync call", async () => {
    const a = await site();
    const b = await site();
    a.o.ticket('issued', randomUUID(), 'waiting');
    const asB = syncHeaders(a.o.siteId, b.credential);
    const calls = [
      call(central.url, `/sync/v1/sites/${a.o.siteId}/events`, { body: a.o.request(a.o.events), headers: asB }),
      call(central.url, `/sync/v1/sites/${a.o.siteId}/feeds/staff?cursor=0`, { headers: asB }),
      call(central.url, `/sync/v1/sites/${a.o.siteId}/feeds/staff/snapshot`, { headers: asB }),
      status(a.o.siteId, asB),
    ];
    for (const r of await Promise.all(calls)) {
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({ code: 'WRONG_SITE' });
    }
    // Its own path, another site in the body.
    const body = { ...a.o.request(a.o.events), siteId: b.o.siteId };
    expect((await call(central.url, `/sync/v1/sites/${a.o.siteId}/events`, { body, headers: syncHeaders(a.o.siteId, a.credential) })).json).toMatchObject({ code: 'WRONG_SITE' });
    // Its own credential and path, another site in the site header.
    expect((await status(a.o.siteId, { ...syncHeaders(a.o.siteId, a.credential), 'x-motcua-site': b.o.siteId })).status).toBe(403);
    expect(await central.db.query('SELECT 1 FROM events WHERE site_id = $1', [a.o.siteId])).toEqual([]);
  });

  it('answers 401 to a missing, unknown, expired or replaced credential', async () => {
    const { o, credential } = await site();
    expect((await status(o.siteId, { 'x-motcua-protocol': '1', 'x-motcua-site': o.siteId })).json).toMatchObject({ code: 'CREDENTIAL_INVALID' });
    expect((await status(o.siteId, syncHeaders(o.siteId, 'mc1_nothing'))).json).toMatchObject({ code: 'CREDENTIAL_INVALID' });
    await central.db.query(`UPDATE site_credentials SET expires_at = now() - interval '1 day' WHERE site_id = $1`, [o.siteId]);
    const expired = await status(o.siteId, syncHeaders(o.siteId, credential));
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ code: 'CREDENTIAL_EXPIRED' });
    const renewed = await call<{ credential: string }>(central.url, `/admin/sites/${o.siteId}/credential`, { body: {}, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(renewed.status).toBe(201);
    expect((await status(o.siteId, syncHeaders(o.siteId, renewed.json.credential))).status).toBe(200);
    expect((await status(o.siteId, syncHeaders(o.siteId, credential))).json).toMatchObject({ code: 'CREDENTIAL_INVALID' });
  });

  it('answers 413 above 2 MiB after decompression, and takes a large batch below it', async () => {
    const { o, credential } = await site();
    const big = 'x'.repeat(700_000);
    for (let i = 0; i < 4; i++) o.ticket('issued', randomUUID(), 'waiting', { data: { note: big } });
    const path = `/sync/v1/sites/${o.siteId}/events`;
    const json = Buffer.from(JSON.stringify(o.request(o.events)));
    expect(json.length).toBeGreaterThan(2 * 1024 * 1024);
    const gz = await call(central.url, path, { raw: gzipSync(json), headers: { ...syncHeaders(o.siteId, credential), 'content-encoding': 'gzip' } });
    expect(gz.status).toBe(413);
    expect(gz.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(gzipSync(json).length).toBeLessThan(1024 * 1024); // refused for what it holds, not for what travelled
    const plain = await call(central.url, path, { raw: json, headers: syncHeaders(o.siteId, credential) });
    expect(plain.status).toBe(413);
    const half = await pushBatch(central.url, credential, o.request(o.events.slice(0, 2)));
    expect(half.status).toBe(200);
    expect(half.json.ackedThrough).toBe(2);
  });

  it('answers malformed bodies with 400 and a Vietnamese message', async () => {
    const { o, credential } = await site();
    const path = `/sync/v1/sites/${o.siteId}/events`;
    const h = syncHeaders(o.siteId, credential);
    expect((await call(central.url, path, { raw: Buffer.from('not gzip'), headers: { ...h, 'content-encoding': 'gzip' } })).json).toMatchObject({ code: 'BAD_GZIP' });
    expect((await call(central.url, path, { raw: Buffer.from('{"siteId":'), headers: h })).json).toMatchObject({ code: 'INVALID_JSON' });
    const invalid = await call(central.url, path, { body: { siteId: o.siteId, incarnation: 'nope', baseSeq: 0, siteTime: 'x', events: [] }, headers: h });
    expect(invalid.status).toBe(400);
    expect(invalid.json.code).toBe('VALIDATION_FAILED');
    expect(invalid.json.message).toMatch(/không hợp lệ/);
    expect((await call(central.url, `/sync/v1/sites/${o.siteId}/feeds/nope?cursor=0`, { headers: h })).status).toBe(404);
    expect((await call(central.url, `/sync/v1/sites/${o.siteId}/feeds/staff?cursor=-1`, { headers: h })).status).toBe(400);
  });

  it('gzips answers over 1 KiB for clients that accept it', async () => {
    const { o, credential } = await site();
    for (let i = 0; i < 30; i++) {
      await call(central.url, `/admin/sites/${o.siteId}/staff`, { body: { staff: { username: `canbo${i}`, fullName: `Cán bộ số ${i}`, role: 'officer', active: true } }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    }
    const r = await call(central.url, `/sync/v1/sites/${o.siteId}/feeds/staff?cursor=0`, { headers: syncHeaders(o.siteId, credential) });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    const small = await status(o.siteId, syncHeaders(o.siteId, credential));
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('answers 503 with Retry-After when too many pushes are in flight', async () => {
    const busy = await startTestCentral(central.db, { limits: { maxPushes: 0 } });
    const { o, credential } = await site();
    o.ticket('issued', randomUUID(), 'waiting');
    const r = await pushBatch(busy.url, credential, o.request(o.events));
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    await busy.close();
  });

  it('keeps the back office behind its token, and serves its page', async () => {
    expect((await call(central.url, '/admin/sites')).status).toBe(401);
    expect((await call(central.url, '/admin/sites', { headers: { authorization: 'Bearer wrong' } })).json).toMatchObject({ code: 'ADMIN_UNAUTHORIZED' });
    expect((await call(central.url, '/admin/reproject', { body: {} })).status).toBe(401);
    const page = await fetch(`${central.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('Máy chủ tỉnh');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect((await call(central.url, '/nowhere')).status).toBe(404);
    expect((await call(central.url, '/admin/sites', { method: 'POST', body: {} })).status).toBe(401);
    expect((await call(central.url, `/sync/v1/sites/x/status`, { method: 'POST', body: {} })).status).toBe(405);
  });
});
