import type { IncomingMessage } from 'node:http';
import { isSameOrigin } from '../../common/node/same-origin';
import { sessionAccount } from '../admin/accounts';
import type { Actor, Role } from '../admin/audit';
import { HttpError } from './http-error';
import type { CentralDeps, Route, RouteRequest } from './routes';
import { LOOPBACK } from './throttle';

/** The back-office session's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'motcua_central';

export function sessionCookieOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

/** `Secure` when the reverse proxy on this machine says the browser came over HTTPS (docs/SYNC.md, "TLS"). */
function secure(deps: CentralDeps, req: IncomingMessage): string {
  const viaTls = deps.trustProxy && LOOPBACK.test(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-proto'] === 'https';
  return viaTls ? '; Secure' : '';
}

export function setSessionCookie(deps: CentralDeps, req: IncomingMessage, token: string, maxAgeSeconds: number): Record<string, string> {
  return { 'set-cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure(deps, req)}` };
}

export const clearSessionCookie = (deps: CentralDeps, req: IncomingMessage): Record<string, string> => setSessionCookie(deps, req, '', 0);

/**
 * A browser's request from another page than the central's own: SameSite=Strict keeps the cookie
 * from other sites, but another port of the same host is the same "site" to the browser, so a
 * request carrying the session (or a login) must also come from this origin when it says where it
 * comes from (browsers send Origin with every POST). Behind the reverse proxy, Host is forwarded.
 */
export function requireSameOrigin(req: IncomingMessage): void {
  if (!isSameOrigin(req)) throw new HttpError(403, 'CROSS_ORIGIN', 'Yêu cầu đến từ một trang khác, không phải trang của máy chủ tỉnh.');
}

const unauthorized = () => new HttpError(401, 'ADMIN_UNAUTHORIZED', 'Cần đăng nhập vào máy chủ tỉnh (hoặc mã quản trị CENTRAL_ADMIN_TOKEN).');

/**
 * Who calls a back-office route: the admin token (`Authorization: Bearer`, scripts and site
 * enrolment) or a logged-in account (the session cookie). A wrong token or an unknown session
 * counts against the address (central/http/throttle.ts); no credential at all does not (a login
 * page opened again is not a guess). An ended session's cookie is cleared with the 401.
 */
export async function authenticate(deps: CentralDeps, r: RouteRequest): Promise<Actor> {
  await deps.throttle.check(r.address);
  const context = { path: r.url.pathname.slice(0, 200) };
  const auth = r.req.headers.authorization;
  if (auth !== undefined) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
    if (bearer && deps.admin.verify(bearer[1]!)) return { kind: 'token' };
    return deps.throttle.fail(r.address, unauthorized(), context);
  }
  const token = sessionCookieOf(r.req);
  if (token === null) throw unauthorized();
  requireSameOrigin(r.req);
  const account = await sessionAccount(deps.db, token);
  if (account) return { kind: 'account', username: account.username, fullName: account.fullName, role: account.role, mustChangePassword: account.mustChangePassword };
  const ended = new HttpError(401, 'SESSION_ENDED', 'Phiên làm việc đã hết hạn hoặc đã đăng xuất: hãy đăng nhập lại.', {}, clearSessionCookie(deps, r.req));
  return deps.throttle.fail(r.address, ended, context);
}

/** A clerk looks dossiers up and moves them; everything else is the province-admin's (so is all of it the token's). */
export function requireRole(actor: Actor, role: Role): void {
  if (role === 'clerk' || actor.kind === 'token' || actor.role === 'province-admin') return;
  throw new HttpError(403, 'ROLE_FORBIDDEN', 'Tài khoản của bạn không có quyền này: việc này dành cho quản trị tỉnh.');
}

/** What a back-office route does once its caller is known and allowed. */
export type AdminHandler = (deps: CentralDeps, r: RouteRequest, actor: Actor) => Promise<void>;

/**
 * A back-office route: the caller is authenticated and its role checked before anything else; an
 * account with a one-time password reaches only the routes marked `beforePasswordChange`.
 */
export const admin = (method: Route['method'], path: RegExp, role: Role, handle: AdminHandler, beforePasswordChange = false): Route => ({
  method,
  path,
  handle: async (deps, r) => {
    const actor = await authenticate(deps, r);
    requireRole(actor, role);
    if (actor.kind === 'account' && actor.mustChangePassword && !beforePasswordChange) {
      throw new HttpError(403, 'PASSWORD_CHANGE_REQUIRED', 'Mật khẩu này do người khác đặt (dùng một lần): hãy đổi mật khẩu trước khi làm việc.');
    }
    await handle(deps, r, actor);
  },
});
