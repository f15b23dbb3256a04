import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD, startTestHub, type TestHub } from '../../support/hub';
import { rawRequest } from '../../support/raw-http';

/** What the LAN API answers a client that breaks its rules: methods, media types, origins, sizes. */
describe('HTTP rules of the LAN API', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  const post = (name: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${hub.url}/api/${name}`, { method: 'POST', headers, body });

  it('answers a body over 1 MiB with the 413 envelope and closes, instead of resetting the connection', async () => {
    const res = await post('system.health', ' '.repeat(1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toBe('Dữ liệu gửi lên quá lớn (tối đa 1 MB).');
  });

  it('tells the officer the limit of a scan upload when the file is too large (a 45 MB scan)', async () => {
    await hub.staff('scan-officer');
    const login = await post('auth.login', JSON.stringify({ username: 'scan-officer', password: STAFF_PASSWORD }));
    const { token } = (await login.json()) as { token: string };
    const scan = Buffer.alloc(45_000_000, 0x41).toString('base64');
    const body = JSON.stringify({ dossierId: '0190b1a2-0000-7000-8000-000000000001', documentIndex: 0, fileName: 'cccd.pdf', mime: 'application/pdf', dataBase64: scan });
    // Streamed like a browser does it, so the answer arrives while the upload is still in flight.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${hub.url}/api/dossiers.attachScan`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(413);
    const error = (JSON.parse(answer.text) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('Tệp bản quét quá lớn: tối đa 30 MB');
  });

  it('refuses an upload from someone who may not send it before reading its body (nobody holds 40 MB of it in memory)', async () => {
    // Headers announcing a 20 MB scan, one megabyte of it, then nothing more: the answer comes anyway.
    const head = `POST /api/dossiers.attachScan HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n`;
    const answer = await rawRequest(hub.url, head + '{"dataBase64":"' + 'A'.repeat(1024 * 1024), { waitMs: 20_000 });
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('UNAUTHENTICATED');
  });

  it('answers other methods on an operation with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await fetch(`${hub.url}/api/system.health`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
    }
    for (const path of ['/kiosk', '/api/openapi.json']) {
      const res = await fetch(`${hub.url}${path}`, { method: 'DELETE' });
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('refuses what a web page of another site could send (a form or a no-cors fetch): no login is even tried', async () => {
    const db = hub.running.hub.deps.db;
    const audits = () => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.loginFailed'").get() as { n: number }).n;
    const before = audits();
    const guess = JSON.stringify({ username: 'admin', password: 'doan-mo-1234' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await post('auth.login', guess, type ? { 'content-type': type } : {});
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const foreign = await post('auth.login', guess, { 'content-type': 'application/json', origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('CROSS_ORIGIN');
    expect(audits()).toBe(before);
    // The hub's own pages send their origin, and are served.
    const own = await post('system.health', '{}', { 'content-type': 'application/json; charset=utf-8', origin: hub.url });
    expect(own.status).toBe(200);
  });

  it('tells a throttled client when to try again in the Retry-After header too', async () => {
    let last: Response | null = null;
    for (let i = 0; i < 8 && last?.status !== 429; i++) last = await post('auth.login', JSON.stringify({ username: 'admin', password: `sai-${i}-mat-khau` }));
    expect(last!.status).toBe(429);
    const seconds = ((await last!.json()) as { error: { details: { retryAfterSeconds: number } } }).error.details.retryAfterSeconds;
    expect(last!.headers.get('retry-after')).toBe(String(seconds));
  });

  it('gives every answer a request id', async () => {
    const res = await post('system.health', '{}');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8}$/);
  });
});
