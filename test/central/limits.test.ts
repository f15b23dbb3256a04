import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../common/node/logger';
import { startCentralProcess } from '../support/central-process';
import { centralPerSuite } from './central-per-suite';
import { ADMIN_TOKEN, call, createSite, engines, openTestDb, pushBatch, SiteOutbox, startTestCentral, syncHeaders } from './helpers';

/** Resolves when the server closes the socket; rejects after a generous guard (no timing is asserted). */
function closedByServer(socket: Socket, guardMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return resolve();
    const t = setTimeout(() => reject(new Error('the central kept the connection open')), guardMs);
    socket.once('close', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => resolve(s));
    s.on('error', reject);
  });
}

/**
 * A push that declares its body and sends all of it but the last byte, then nothing (a slow-loris
 * body). Resolves once the central has read its headers (it answered `100 Continue`) or refused it.
 */
async function slowPush(url: string, siteId: string, credential: string): Promise<{ socket: Socket; answer: Promise<string> }> {
  const o = new SiteOutbox(siteId);
  o.ticket('issued', randomUUID(), 'waiting');
  const body = gzipSync(JSON.stringify(o.request(o.events)));
  const socket = await open(url);
  const head = [
    `POST /sync/v1/sites/${siteId}/events HTTP/1.1`, 'host: central', 'expect: 100-continue', 'content-type: application/json', 'content-encoding: gzip',
    `content-length: ${body.length}`, ...Object.entries(syncHeaders(siteId, credential)).map(([k, v]) => `${k}: ${v}`),
  ];
  let received = '';
  socket.on('error', () => undefined); // a refused push is closed under the rest of its body
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('close', () => resolve(received));
  });
  socket.write(`${head.join('\r\n')}\r\n\r\n`);
  await new Promise<void>((resolve) => {
    const check = () => (received.length > 0 ? resolve() : setTimeout(check, 5));
    check();
  });
  if (received.startsWith('HTTP/1.1 100')) socket.write(body.subarray(0, body.length - 1));
  return { socket, answer };
}

describe.each(engines)('what one client may hold (%s)', (engine) => {
  const central = centralPerSuite(engine);

  it('closes connections that send nothing, and refuses connections beyond its maximum', async () => {
    const c = await startTestCentral(central.db, { limits: { idleTimeoutMs: 300, maxConnections: 3 } });
    try {
      const idle = await open(c.url);
      await closedByServer(idle);
      const held = await Promise.all([open(c.url), open(c.url), open(c.url)]);
      const extra = await open(c.url);
      await closedByServer(extra);
      for (const s of held) await closedByServer(s);
      expect((await fetch(`${c.url}/`)).status).toBe(200);
    } finally {
      await c.close();
    }
  });

  it("does not let one site's slow bodies block another site's push, and answers a stalled body 408", async () => {
    const c = await startTestCentral(central.db, { limits: { bodyTimeoutMs: 1500 } });
    try {
      const slowSite = `xa-${randomUUID().slice(0, 8)}`;
      const slowCredential = await createSite(c.url, slowSite);
      const other = new SiteOutbox(`xa-${randomUUID().slice(0, 8)}`);
      const otherCredential = await createSite(c.url, other.siteId);
      // More slow bodies than there used to be push slots for everyone (64).
      const slow = [];
      for (let i = 0; i < 70; i++) slow.push(await slowPush(c.url, slowSite, slowCredential));
      // Two round trips through the database: whatever the slow ones started there has finished.
      for (let i = 0; i < 2; i++) await call(c.url, `/sync/v1/sites/${other.siteId}/status`, { headers: syncHeaders(other.siteId, otherCredential) });
      other.ticket('issued', randomUUID(), 'waiting');
      const r = await pushBatch(c.url, otherCredential, other.request(other.events));
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const answers = await Promise.all(slow.map((s) => s.answer));
      const finals = answers.map((a) => /HTTP\/1\.1 (?!100)(\d{3})/.exec(a)?.[1]);
      // Its share of bodies in flight, each stopped at the deadline; the rest told to come back.
      expect(finals.filter((f) => f !== '408' && f !== '429')).toEqual([]);
      expect(finals.filter((f) => f === '429').length).toBeGreaterThan(0);
      expect(answers.find((a) => a.includes(' 408 '))).toMatch(/BODY_TIMEOUT/);
    } finally {
      await c.close();
    }
  });

  it.runIf(engine === 'postgres')('processes at most two pushes of a site at once, and tells a third to come back', async () => {
    const o = new SiteOutbox(`xa-${randomUUID().slice(0, 8)}`);
    const credential = await createSite(central.url, o.siteId);
    o.ticket('issued', randomUUID(), 'waiting');
    const req = o.request(o.events);
    // The test holds the site's row: the first two pushes wait for it inside the database.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = central.db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM sites WHERE site_id = $1 FOR UPDATE', [o.siteId]);
      locked();
      await held;
    });
    await isLocked;
    try {
      const first = [pushBatch(central.url, credential, req), pushBatch(central.url, credential, req)];
      const until = Date.now() + 20_000;
      while (Number((await central.db.query<{ n: number }>('SELECT count(*) AS n FROM pg_locks WHERE NOT granted'))[0]!.n) < 2) {
        if (Date.now() > until) throw new Error('the two pushes never reached the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      const third = await Promise.race([pushBatch(central.url, credential, req), new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
      expect(third?.status).toBe(429);
      expect(third?.json).toMatchObject({ code: 'PUSH_IN_PROGRESS' });
      expect(third?.headers.get('retry-after')).toMatch(/^\d+$/);
      release();
      expect((await Promise.all(first)).map((a) => a.status)).toEqual([200, 200]);
    } finally {
      release();
      await holding;
    }
  });
});

describe('failed authentications', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    db = await openTestDb('pglite');
  });
  afterAll(() => db.dispose());

  it('blocks an address after repeated wrong tokens or credentials (429, Retry-After), logs it without the secret, and serves other addresses', async () => {
    const lines: string[] = [];
    const log = await createLogger({ name: 'central', dir: null, destination: new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) }) });
    const c = await startTestCentral(db.db, { log, limits: { authFailures: 3 } });
    try {
      const from = (ip: string, token: string, path = '/admin/sites') => call(c.url, path, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip } });
      const wrong = 'sai-mat-khau-quan-tri-0123456789';
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await from('203.0.113.7', wrong));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
      expect(Number(answers[4]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answers[4]!.json).toMatchObject({ code: 'TOO_MANY_FAILED_LOGINS' });
      expect((await from('203.0.113.7', ADMIN_TOKEN)).status).toBe(429); // blocked, whatever it sends
      expect((await from('203.0.113.8', ADMIN_TOKEN)).status).toBe(200);

      // Site credentials count the same way.
      const siteId = `xa-${randomUUID().slice(0, 8)}`;
      const credential = await createSite(c.url, siteId);
      const status = (ip: string, cred: string) => call(c.url, `/sync/v1/sites/${siteId}/status`, { headers: { ...syncHeaders(siteId, cred), 'x-forwarded-for': ip } });
      const site = [];
      for (let i = 0; i < 4; i++) site.push((await status('198.51.100.9', 'mc1_doan-mo')).status);
      expect(site).toEqual([401, 401, 401, 429]);
      expect((await status('198.51.100.10', credential)).status).toBe(200);

      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(logged.filter((l) => l.msg === 'authentication failed').map((l) => [l.ip, l.code])).toEqual([['203.0.113.7', 'ADMIN_UNAUTHORIZED'], ['198.51.100.9', 'CREDENTIAL_INVALID']]);
      expect(logged.filter((l) => l.msg === 'authentication failures: address blocked').map((l) => l.ip)).toEqual(['203.0.113.7', '198.51.100.9']);
      expect(lines.join('\n')).not.toMatch(new RegExp(`${wrong}|mc1_doan-mo|${ADMIN_TOKEN}`));
    } finally {
      await c.close();
    }
  });

  it('refuses to start with a short CENTRAL_ADMIN_TOKEN, saying why', async () => {
    await expect(startCentralProcess({ env: { CENTRAL_ADMIN_TOKEN: 'ngan-qua' } })).rejects.toThrow(/CENTRAL_ADMIN_TOKEN quá ngắn: cần ít nhất 24 ký tự/);
  });

  it('refuses control characters in back-office bodies with 400 and stores nothing', async () => {
    const c = await startTestCentral(db.db);
    try {
      const siteId = `xa-${randomUUID().slice(0, 8)}`;
      const r = await call(c.url, '/admin/sites', { body: { siteId, name: 'Xã\u0000 Ia Grai' }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(r.json.message).toMatch(/ký tự điều khiển/);
      expect(await db.db.query('SELECT 1 FROM sites WHERE site_id = $1', [siteId])).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('requires the site header, and marks every answer nosniff', async () => {
    const c = await startTestCentral(db.db);
    try {
      const siteId = `xa-${randomUUID().slice(0, 8)}`;
      const credential = await createSite(c.url, siteId);
      const { 'x-motcua-site': _site, ...withoutSite } = syncHeaders(siteId, credential);
      const r = await call(c.url, `/sync/v1/sites/${siteId}/status`, { headers: withoutSite });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'SITE_MISSING' });
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await call(c.url, '/admin/sites', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await c.close();
    }
  });
});
