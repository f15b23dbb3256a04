import { changeOwnPassword, checkPassword, closeSession, createAccount, LastProvinceAdminError, listAccounts, openSession, updateAccount } from '../admin/accounts';
import { listAudit } from '../admin/audit';
import { AccountUpdate, Login, NewAccount, PasswordChange, Username } from '../admin/schemas';
import { admin, clearSessionCookie, requireSameOrigin, sessionCookieOf, setSessionCookie } from './auth';
import { HttpError } from './http-error';
import { readJson, sendJson } from './io';
import { limitOf } from './params';
import type { Route } from './routes';

const wrongPassword = () => new HttpError(401, 'LOGIN_FAILED', 'Tên đăng nhập hoặc mật khẩu không đúng.');
const accountNotFound = (username: string) => new HttpError(404, 'ACCOUNT_NOT_FOUND', `Không có tài khoản "${username}".`);

/** Logging in and out, one's own password, and the province-admin's accounts and audit. */
export const accountRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: /^\/admin\/login$/,
    handle: async (deps, { req, res, address }) => {
      requireSameOrigin(req);
      await deps.throttle.check(address);
      const { username, password } = await readJson(req, deps.limits, Login);
      await deps.logins.begin(username);
      const account = await checkPassword(deps.db, username, password);
      if (!account) return deps.throttle.fail(address, wrongPassword(), { path: '/admin/login' });
      await deps.logins.succeeded(username);
      const session = await openSession(deps.db, username);
      deps.log.info({ username }, 'back-office login');
      const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
      await sendJson(req, res, 200, { account }, setSessionCookie(deps, req, session.token, maxAge));
    },
  },
  {
    method: 'POST',
    path: /^\/admin\/logout$/,
    handle: async (deps, { req, res }) => {
      requireSameOrigin(req);
      const token = sessionCookieOf(req);
      if (token !== null) await closeSession(deps.db, token);
      await sendJson(req, res, 200, {}, clearSessionCookie(deps, req));
    },
  },
  admin('GET', /^\/admin\/me$/, 'clerk', async (_deps, { req, res }, actor) => {
    await sendJson(req, res, 200, { actor });
  }, true),
  admin('POST', /^\/admin\/me\/password$/, 'clerk', async (deps, { req, res, address }, actor) => {
    if (actor.kind !== 'account') throw new HttpError(400, 'NOT_AN_ACCOUNT', 'Mã quản trị không có mật khẩu để đổi.');
    const { current, next } = await readJson(req, deps.limits, PasswordChange);
    // Checking the current password is a guess like a login.
    await deps.logins.begin(actor.username);
    if (!(await changeOwnPassword(deps.db, actor, current, next))) return deps.throttle.fail(address, wrongPassword(), { path: '/admin/me/password' });
    await deps.logins.succeeded(actor.username);
    await sendJson(req, res, 200, {}, clearSessionCookie(deps, req));
  }, true),
  admin('GET', /^\/admin\/accounts$/, 'province-admin', async (deps, { req, res }) => {
    await sendJson(req, res, 200, { accounts: await listAccounts(deps.db) });
  }),
  admin('POST', /^\/admin\/accounts$/, 'province-admin', async (deps, { req, res }, actor) => {
    const body = await readJson(req, deps.limits, NewAccount);
    const created = await createAccount(deps.db, actor, body);
    if (!created) throw new HttpError(409, 'ACCOUNT_EXISTS', `Tên đăng nhập "${body.username}" đã có.`);
    await sendJson(req, res, 201, created);
  }),
  admin('POST', /^\/admin\/accounts\/([^/]+)$/, 'province-admin', async (deps, { req, res, params: [raw] }, actor) => {
    const username = Username.safeParse(raw);
    if (!username.success) throw accountNotFound(raw!.slice(0, 40));
    const change = await readJson(req, deps.limits, AccountUpdate);
    const updated = await updateAccount(deps.db, actor, username.data, change).catch((e: unknown) => {
      if (e instanceof LastProvinceAdminError) throw new HttpError(409, 'LAST_PROVINCE_ADMIN', 'Đây là tài khoản quản trị tỉnh cuối cùng đang dùng: hãy tạo hoặc mở lại một tài khoản quản trị tỉnh khác trước.');
      throw e;
    });
    if (!updated) throw accountNotFound(username.data);
    await sendJson(req, res, 200, updated);
  }),
  admin('GET', /^\/admin\/audit$/, 'province-admin', async (deps, { req, res, url }) => {
    await sendJson(req, res, 200, { entries: await listAudit(deps.db, limitOf(url, 100, 1000)) });
  }),
];
