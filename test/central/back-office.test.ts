import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../central/admin/accounts';
import type { DossierDetail, DossierSummary } from '../../central/admin/dossier-lookup';
import { centralPerSuite } from './central-per-suite';
import { adminCall, call, createAccount, createSite, engines, login, openTestDb, pushBatch, readyAccount, sessionCall, SiteOutbox, startTestCentral } from './helpers';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const name = (prefix: string) => `${prefix}${randomUUID().slice(0, 6)}`;

describe.each(engines)('the back office: accounts, roles, dossiers (%s)', (engine) => {
  const central = centralPerSuite(engine);

  const account = (role: 'province-admin' | 'clerk') => readyAccount(central.url, name(role === 'clerk' ? 'canbo' : 'quantri'), role);

  it('answers 401 without a session, keeps the cookie from scripts and other sites, and ends it at logout', async () => {
    for (const path of ['/admin/me', '/admin/dossiers?q=Nguyễn', '/admin/accounts', '/admin/sites']) {
      const r = await call(central.url, path);
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ code: 'ADMIN_UNAUTHORIZED' });
      expect(r.json.message).toMatch(VIETNAMESE);
    }
    const username = name('canbo');
    const password = await createAccount(central.url, username, 'clerk');
    const r = await login(central.url, username, password);
    expect(r.headers.get('set-cookie')).toMatch(/^motcua_central=mcs_[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    // Behind the TLS proxy on this machine the cookie travels over HTTPS only.
    const viaProxy = await call(central.url, '/admin/login', { body: { username, password }, headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect(r.json).toMatchObject({ account: { username, role: 'clerk', active: true, mustChangePassword: true } });
    expect((await sessionCall(central.url, '/admin/me', r.cookie!)).json).toMatchObject({ actor: { kind: 'account', username, role: 'clerk', mustChangePassword: true } });
    // A one-time password opens nothing but its own change.
    const early = await sessionCall(central.url, '/admin/dossiers?q=Nguyễn', r.cookie!);
    expect(early.status).toBe(403);
    expect(early.json).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(early.json.message).toMatch(VIETNAMESE);
    const short = await sessionCall(central.url, '/admin/me/password', r.cookie!, { current: password, next: 'ngan' });
    expect(short.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await sessionCall(central.url, '/admin/me/password', r.cookie!, { current: 'sai', next: 'mat-khau-moi-dai' })).json).toMatchObject({ code: 'LOGIN_FAILED' });
    expect((await sessionCall(central.url, '/admin/me/password', r.cookie!, { current: password, next: 'mat-khau-moi-dai' })).status).toBe(200);
    expect((await sessionCall(central.url, '/admin/me', r.cookie!)).status).toBe(401); // log in again with the new one
    expect((await login(central.url, username, password)).json).toMatchObject({ code: 'LOGIN_FAILED' });
    const own = await login(central.url, username, 'mat-khau-moi-dai');
    expect(own.json).toMatchObject({ account: { mustChangePassword: false } });
    expect((await sessionCall(central.url, '/admin/dossiers?q=Nguyễn', own.cookie!)).status).toBe(200);
    // Three hours without a request end a session; so do twelve hours in all.
    const idle = await login(central.url, username, 'mat-khau-moi-dai');
    await central.db.query(`UPDATE central_sessions SET last_seen_at = now() - interval '181 minutes' WHERE username = $1`, [username]);
    expect((await sessionCall(central.url, '/admin/me', idle.cookie!)).json).toMatchObject({ code: 'SESSION_ENDED' });
    const old = await login(central.url, username, 'mat-khau-moi-dai');
    await central.db.query(`UPDATE central_sessions SET expires_at = now() - interval '1 second' WHERE username = $1`, [username]);
    expect((await sessionCall(central.url, '/admin/me', old.cookie!)).json).toMatchObject({ code: 'SESSION_ENDED' });
    expect((await sessionCall(central.url, '/admin/me', own.cookie!)).json).toMatchObject({ code: 'SESSION_ENDED' });
    const fresh = await login(central.url, username, 'mat-khau-moi-dai');

    expect((await sessionCall(central.url, '/admin/logout', fresh.cookie!, {})).headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const ended = await sessionCall(central.url, '/admin/me', fresh.cookie!);
    expect(ended.status).toBe(401);
    expect(ended.json).toMatchObject({ code: 'SESSION_ENDED' });
    expect(ended.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    // A made-up cookie is no better.
    expect((await sessionCall(central.url, '/admin/me', 'motcua_central=mcs_guess')).status).toBe(401);
    // A page on another port of the same host is the same "site" to a browser: its Origin is refused.
    const again = await login(central.url, username, 'mat-khau-moi-dai');
    const elsewhere = { cookie: again.cookie!, origin: 'http://127.0.0.1:9' };
    const moved = await call(central.url, '/admin/me/password', { body: { current: 'mat-khau-moi-dai', next: 'mat-khau-khac-dai' }, headers: elsewhere });
    expect(moved.status).toBe(403);
    expect(moved.json).toMatchObject({ code: 'CROSS_ORIGIN' });
    expect((await call(central.url, '/admin/login', { body: { username, password: 'mat-khau-moi-dai' }, headers: { origin: 'http://127.0.0.1:9' } })).status).toBe(403);
    expect((await call(central.url, '/admin/me', { headers: { cookie: again.cookie!, origin: central.url } })).status).toBe(200);
  });

  it("keeps accounts, sites and publishing from a clerk, and lets the province-admin and the token manage them", async () => {
    const clerk = await account('clerk');
    const forbidden = [
      sessionCall(central.url, '/admin/accounts', clerk.cookie),
      sessionCall(central.url, '/admin/accounts', clerk.cookie, { username: name('moi'), fullName: 'Người Mới', role: 'province-admin' }),
      sessionCall(central.url, `/admin/accounts/${clerk.username}`, clerk.cookie, { role: 'province-admin' }),
      sessionCall(central.url, '/admin/sites', clerk.cookie),
      sessionCall(central.url, '/admin/sites', clerk.cookie, { siteId: name('xa-'), name: 'Xã Mới' }),
      sessionCall(central.url, '/admin/audit', clerk.cookie),
      sessionCall(central.url, '/admin/reproject', clerk.cookie, {}),
    ];
    for (const r of await Promise.all(forbidden)) {
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({ code: 'ROLE_FORBIDDEN' });
      expect(r.json.message).toMatch(VIETNAMESE);
    }
    expect(await central.db.query('SELECT 1 FROM central_accounts WHERE role = $1 AND username = $2', ['province-admin', clerk.username])).toEqual([]);

    const admin = await account('province-admin');
    const created = await sessionCall<{ account: { username: string }; password: string }>(central.url, '/admin/accounts', admin.cookie, { username: name('canbo'), fullName: 'Phạm Văn Bình', role: 'clerk' });
    expect(created.status).toBe(201);
    expect(created.json.password).toHaveLength(12);
    expect((await sessionCall(central.url, '/admin/sites', admin.cookie, { siteId: name('xa-'), name: 'Xã Ia Dom' })).status).toBe(201);
    // Switching an account off ends its sessions at once.
    expect((await sessionCall(central.url, `/admin/accounts/${clerk.username}`, admin.cookie, { active: false })).status).toBe(200);
    expect((await sessionCall(central.url, '/admin/me', clerk.cookie)).status).toBe(401);
    expect((await login(central.url, clerk.username, clerk.password)).json).toMatchObject({ code: 'LOGIN_FAILED' });
    // The admin token still does everything (scripts, site enrolment).
    expect((await adminCall(central.url, '/admin/accounts')).status).toBe(200);

    const audit = await sessionCall<{ entries: { actor: string; action: string; subject: string | null }[] }>(central.url, '/admin/audit?limit=20', admin.cookie);
    expect(audit.json.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: admin.username, action: 'account.create', subject: created.json.account.username }),
      expect.objectContaining({ actor: admin.username, action: 'site.create' }),
      expect.objectContaining({ actor: admin.username, action: 'account.update', subject: clerk.username }),
      expect.objectContaining({ actor: 'token', action: 'account.create', subject: admin.username }),
    ]));
    expect(JSON.stringify(audit.json)).not.toMatch(created.json.password);
  });

  it('finds a dossier by its code or the start of a name, shows one status, and moves only what the site has not closed', async () => {
    const siteId = name('xa-');
    const credential = await createSite(central.url, siteId, 'UBND xã Ia Grai');
    const o = new SiteOutbox(siteId);
    const open = randomUUID();
    const returned = randomUUID();
    const codeOpen = `000.00.01.H21-${randomUUID().slice(0, 6)}-0001`;
    const codeReturned = `000.00.01.H21-${randomUUID().slice(0, 6)}-0002`;
    const applicant = `Đỗ Thị ${randomUUID().slice(0, 4)}`;
    o.dossier('received', open, 'received', { code: codeOpen, applicantName: applicant });
    o.dossier('received', returned, 'received', { code: codeReturned });
    expect((await pushBatch(central.url, credential, o.request(o.events))).status).toBe(200);
    const clerk = await account('clerk');
    const path = (d: string) => `/admin/sites/${siteId}/dossiers/${d}`;
    const detail = async (d: string) => (await sessionCall<{ dossier: DossierDetail }>(central.url, path(d), clerk.cookie)).json.dossier;

    // The back office says the result is ready; then the desk hands it to the citizen.
    expect((await sessionCall(central.url, `${path(returned)}/status`, clerk.cookie, { status: 'result_ready', note: 'Đã ký' })).status).toBe(200);
    o.dossier('returned', returned, 'returned', { code: codeReturned, returnedAt: '2026-03-03T02:00:00.000Z' });
    expect((await pushBatch(central.url, credential, o.request(o.events.slice(-1), 3))).status).toBe(200);
    const closed = await detail(returned);
    expect(closed).toMatchObject({ code: codeReturned, status: 'returned', statusLabel: 'Đã trả kết quả', siteStatus: 'returned', processingStatus: 'result_ready', moves: [] });
    expect(closed.history.map((h) => [h.source, h.status])).toEqual([['site', 'received'], ['central', 'result_ready'], ['site', 'returned']]);
    const refused = await sessionCall(central.url, `${path(returned)}/status`, clerk.cookie, { status: 'processing' });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'DOSSIER_NOT_WITH_BACK_OFFICE', siteStatus: 'returned' });
    const listed = await sessionCall<{ dossiers: { dossierId: string; currentStatus: string }[] }>(central.url, `/admin/sites/${siteId}/dossiers?limit=10`, clerk.cookie);
    expect(listed.json.dossiers.find((d) => d.dossierId === returned)).toMatchObject({ currentStatus: 'returned' });

    // Found by its code, by the start of the applicant's name in any case.
    const find = async (q: string) => (await sessionCall<{ dossiers: DossierSummary[] }>(central.url, `/admin/dossiers?q=${encodeURIComponent(q)}`, clerk.cookie)).json.dossiers;
    expect(await find(codeOpen)).toEqual([expect.objectContaining({ siteId, siteName: 'UBND xã Ia Grai', dossierId: open, status: 'received', statusLabel: 'Đã tiếp nhận' })]);
    expect((await find(applicant.slice(0, 9))).map((d) => d.dossierId)).toEqual([open]);
    expect((await find(applicant.toLowerCase().slice(0, 9))).map((d) => d.dossierId)).toEqual([open]);
    expect(await find('%_')).toEqual([]); // a LIKE wildcard is a character like any other
    for (const q of ['x', '%00%00', `${'a'.repeat(101)}`]) {
      const refusedQuery = await sessionCall(central.url, `/admin/dossiers?q=${q}`, clerk.cookie);
      expect(refusedQuery.status).toBe(400);
      expect(refusedQuery.json).toMatchObject({ code: 'QUERY_INVALID' });
    }

    // The moves come from the server; the clerk's move is the dossier's status and in its history.
    expect((await detail(open)).moves.map((m) => m.status)).toEqual(['forwarded', 'processing', 'result_ready']);
    expect((await sessionCall(central.url, `${path(open)}/status`, clerk.cookie, { status: 'processing', note: 'Phòng Tư pháp thẩm định' })).status).toBe(200);
    const moved = await detail(open);
    expect(moved).toMatchObject({ status: 'processing', statusLabel: 'Đang xử lý', moves: [{ status: 'forwarded', label: 'Đã chuyển xử lý' }, { status: 'result_ready', label: 'Đã có kết quả' }] });
    expect(moved.history.at(-1)).toMatchObject({ source: 'central', status: 'processing', by: clerk.username, note: 'Phòng Tư pháp thẩm định' });
    expect((await sessionCall(central.url, path(randomUUID()), clerk.cookie)).json).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
  });

  it('creates the first province-admin once, and never switches off or demotes the last one', async () => {
    const { db, dispose } = await openTestDb(engine);
    try {
      const password = await ensureFirstAdmin(db, 'quantri');
      expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(await ensureFirstAdmin(db, 'quantri')).toBeNull();
      const c = await startTestCentral(db);
      try {
        const once = await login(c.url, 'quantri', password!);
        expect(once.json).toMatchObject({ account: { username: 'quantri', role: 'province-admin', mustChangePassword: true } });
        expect((await sessionCall(c.url, '/admin/me/password', once.cookie!, { current: password, next: 'mat-khau-cua-tinh' })).status).toBe(200);
        const first = await login(c.url, 'quantri', 'mat-khau-cua-tinh');
        for (const change of [{ active: false }, { role: 'clerk' }]) {
          const r = await sessionCall(c.url, '/admin/accounts/quantri', first.cookie!, change);
          expect(r.status).toBe(409);
          expect(r.json).toMatchObject({ code: 'LAST_PROVINCE_ADMIN' });
        }
        expect(await db.query('SELECT role, active FROM central_accounts')).toEqual([{ role: 'province-admin', active: true }]);
        await createAccount(c.url, 'quantri.hai', 'province-admin');
        expect((await sessionCall(c.url, '/admin/accounts/quantri', first.cookie!, { role: 'clerk' })).status).toBe(200);
      } finally {
        await c.close();
      }
    } finally {
      await dispose();
    }
  });
});

describe.each(engines)('wrong passwords at the back office (%s)', (engine) => {
  it('blocks an account after 3 wrong passwords, the right one too, counting guesses sent together', async () => {
    const { db, dispose } = await openTestDb(engine);
    const c = await startTestCentral(db, { limits: { loginFailures: 3 } });
    try {
      const password = await createAccount(c.url, 'canbo.hoa', 'clerk');
      const other = await createAccount(c.url, 'canbo.binh', 'clerk');
      // Eight guesses at once: three are checked, the others refused before scrypt sees them.
      const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => login(c.url, 'canbo.hoa', `sai-mat-khau-${i}`)));
      expect(guesses.filter((g) => g.status === 401).map((g) => g.json.code)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED']);
      const blocked = guesses.filter((g) => g.status === 429);
      expect(blocked).toHaveLength(5);
      expect(blocked[0]!.json).toMatchObject({ code: 'TOO_MANY_FAILED_LOGINS' });
      expect(blocked[0]!.json.message).toMatch(/tài khoản này/);
      expect(Number(blocked[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
      const right = await login(c.url, 'canbo.hoa', password);
      expect(right.status).toBe(429);
      expect(right.cookie).toBeNull();
      // Another account is not held up by it; an unknown name is refused like a wrong password.
      expect((await login(c.url, 'canbo.binh', other)).status).toBe(200);
      expect((await login(c.url, 'khong.co.ai', 'mat-khau-bat-ky')).json).toMatchObject({ code: 'LOGIN_FAILED' });
    } finally {
      await c.close();
      await dispose();
    }
  });
});
