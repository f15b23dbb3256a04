import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ops } from '../../contract/ops';
import { FakeClock } from '../support/clock';
import { EventClient } from '../support/events';
import { ADMIN_PASSWORD, ALL_DAY, startTestHub, TEST_SITE, type TestHub } from '../support/hub';
import { codeOf } from '../support/outcome';


describe('authentication and scopes over the real HTTP API', () => {
  const clock = new FakeClock();
  let hub: TestHub;
  let serviceId: string;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
  });
  afterAll(async () => hub?.close());

  it('answers 401 with the error envelope when there is no token', async () => {
    const res = await fetch(`${hub.url}/api/counter.callNext`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập hoặc ghép nối thiết bị.' } });
  });

  it('makes the first admin change the one-time password before anything else', async () => {
    const first = hub.running.firstAdmin!;
    expect(first.password.length).toBeGreaterThanOrEqual(10);
    const login = await hub.client()['auth.login']({ username: 'admin', password: first.password });
    expect(login.staff.mustChangePassword).toBe(true);
    const c = hub.client(login.token);
    expect(await codeOf(c['catalog.get']({}))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await codeOf(c['auth.changePassword']({ currentPassword: first.password, newPassword: 'ngan' }))).toBe('PASSWORD_TOO_WEAK');
    await c['auth.changePassword']({ currentPassword: first.password, newPassword: ADMIN_PASSWORD });
    // First start is setup: no site, no services, until the admin completes the wizard.
    expect(await codeOf(c['site.get']({}))).toBe('SETUP_NEEDED');
    expect((await c['catalog.get']({})).services).toEqual([]);
    await c['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY });
    const cat = await c['catalog.get']({});
    expect(cat.services.map((s) => s.name)).toEqual(['Hộ tịch', 'Chứng thực', 'Đất đai', 'Kinh doanh']);
    serviceId = cat.services[0]!.id;
    // The one-time password no longer works.
    expect(await codeOf(hub.client()['auth.login']({ username: 'admin', password: first.password }))).toBe('LOGIN_FAILED');
  });

  it('lets a kiosk issue tickets but not call them; a display reads calls but cannot issue', async () => {
    const kiosk = await hub.device('kiosk');
    const display = await hub.device('display');
    expect(await codeOf(kiosk.client['tickets.issue']({ serviceId, priorityClassId: null }))).toBe('ok');
    expect(await codeOf(kiosk.client['counter.callNext']({}))).toBe('FORBIDDEN');
    expect(await codeOf(kiosk.client['calls.since']({ after: 0 }))).toBe('FORBIDDEN');
    expect(await codeOf(display.client['tickets.issue']({ serviceId, priorityClassId: null }))).toBe('FORBIDDEN');
    expect(await codeOf(display.client['calls.since']({ after: 0 }))).toBe('ok');
    expect(await codeOf(display.client['admin.listStaff']({}))).toBe('FORBIDDEN');
  });

  it('stops a revoked device at once, over HTTP and on its open event stream', async () => {
    const display = await hub.device('display');
    const stream = new EventClient(hub.url, display.token);
    await stream.until((s) => s.messages.some((m) => m.type === 'hello'));
    const { id } = await display.client['devices.me']({});
    await (await hub.admin())['devices.revoke']({ deviceId: id });
    expect(await codeOf(display.client['display.state']({}))).toBe('DEVICE_REVOKED');
    expect((await stream.closed).code).toBe(4401);
    expect(stream.messages.at(-1)).toMatchObject({ type: 'bye', error: { code: 'DEVICE_REVOKED' } });
  });

  it('accepts a pairing code once, and rejects a wrong one', async () => {
    const { code } = await (await hub.admin())['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk sảnh', counterId: null });
    expect(await codeOf(hub.client()['devices.pair']({ code }))).toBe('ok');
    expect(await codeOf(hub.client()['devices.pair']({ code }))).toBe('PAIRING_CODE_INVALID');
    expect(await codeOf(hub.client()['devices.pair']({ code: 'abc' }))).toBe('VALIDATION_FAILED');
  });

  it('expires staff sessions after the working day and after a long idle spell', async () => {
    const officer = await hub.staff('hethan');
    expect(await codeOf(officer['counter.state']({}))).toBe('ok');
    clock.advanceMinutes(3 * 60 + 1);
    expect(await codeOf(officer['counter.state']({}))).toBe('SESSION_EXPIRED');
    const again = await hub.staff('hethan2');
    for (let h = 0; h < 12; h++) {
      clock.advanceMinutes(60);
      if (h < 11) expect(await codeOf(again['auth.me']({}))).toBe('ok');
    }
    expect(await codeOf(again['auth.me']({}))).toBe('SESSION_EXPIRED');
  });

  it('throttles password guessing per account', async () => {
    const c = hub.client();
    for (let i = 0; i < 5; i++) expect(await codeOf(c['auth.login']({ username: 'khongco', password: `sai-${i}` }))).toBe('LOGIN_FAILED');
    const res = await fetch(`${hub.url}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'khongco', password: 'x' }) });
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: { code: string; details: { retryAfterSeconds: number } } };
    expect(body.error.code).toBe('LOGIN_THROTTLED');
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('rejects invalid input with a Vietnamese message and changes nothing', async () => {
    const login = await hub.client()['auth.login']({ username: 'admin', password: ADMIN_PASSWORD });
    const admin = hub.client(login.token);
    const before = await admin['tickets.list']({});
    const res = await fetch(`${hub.url}/api/tickets.issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ serviceId: 'not-a-uuid', priorityClassId: null }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/serviceId/);
    expect(body.error.message).toMatch(/không hợp lệ/);
    const broken = await fetch(`${hub.url}/api/tickets.issue`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: '{oops' });
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    expect(await admin['tickets.list']({})).toEqual(before);
  });

  it('serves an OpenAPI document listing every operation with its schemas', async () => {
    const doc = (await (await fetch(`${hub.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, { post: { operationId: string } }> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ops).map((n) => `/api/${n}`).sort());
    expect(doc.paths['/api/tickets.issue']!.post.operationId).toBe('tickets.issue');
  });
});
