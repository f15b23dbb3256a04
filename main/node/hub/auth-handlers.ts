import { randomInt } from 'node:crypto';
import { HubError } from '../../../contract/errors';
import type { Principal } from '../../../contract/access';
import type { LoginThrottle } from '../../core/login-throttle';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password';
import { newToken, tokenHash } from '../auth/tokens';
import { actorOf } from '../db/audit-store';
import { uuidv7 } from '../db/uuidv7';
import { SESSION_LIFETIME_MS } from './authenticate';
import type { HandlerContext, Handlers, HubDeps } from './context';

const PAIRING_CODE_TTL_MS = 15 * 60_000;
export const MIN_PASSWORD_LENGTH = 8;

export function staffOf(ctx: HandlerContext): Extract<Principal, { kind: 'staff' }> {
  if (ctx.principal.kind !== 'staff') throw new HubError('FORBIDDEN');
  return ctx.principal;
}

export function checkNewPassword(newPassword: string, current: string | null): void {
  if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword === current) throw new HubError('PASSWORD_TOO_WEAK');
}

export function authHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { people, db } = deps;

  /** Throttled per username and per client address, so neither one account nor one machine can be brute-forced. */
  const throttles = (username: string | null, address: string) =>
    [
      ...(username === null ? [] : [{ t: deps.throttle.account, key: username.trim().toLowerCase() }]),
      { t: deps.throttle.address, key: address },
    ] as const;
  const throttled = (keys: readonly { t: LoginThrottle; key: string }[], now: number) => {
    const wait = Math.max(...keys.map((k) => k.t.retryAfter(k.key, now)));
    if (wait > 0) throw new HubError('LOGIN_THROTTLED', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 1000)} giây.`, { retryAfterSeconds: Math.ceil(wait / 1000) });
  };

  return {
    'auth.login': async ({ username, password }, ctx) => {
      const keys = throttles(username, ctx.clientAddress);
      throttled(keys, ctx.now);
      const staff = people.staffByUsername(username.trim().toLowerCase());
      const ok = await verifyPassword(password, staff?.passwordHash ?? (await decoyHash));
      if (!staff || !ok || !staff.active) {
        for (const k of keys) k.t.fail(k.key, ctx.now);
        deps.audit.record({ kind: 'anonymous', id: null }, 'auth.loginFailed', null, { username, client: ctx.clientAddress }, ctx.now);
        throw new HubError('LOGIN_FAILED', staff && ok && !staff.active ? 'Tài khoản này đã bị khóa. Liên hệ quản trị viên.' : undefined);
      }
      for (const k of keys) k.t.succeed(k.key);
      const token = newToken('s');
      const expiresAt = ctx.now + SESSION_LIFETIME_MS;
      await write(() => {
        people.insertSession({
          id: uuidv7(ctx.now), token_hash: tokenHash(token), staff_id: staff.id, created_at: ctx.now,
          expires_at: expiresAt, last_seen_at: ctx.now, ended_at: null, client: ctx.clientAddress,
        });
        deps.audit.record({ kind: 'staff', id: staff.id }, 'auth.login', { type: 'staff', id: staff.id }, { client: ctx.clientAddress }, ctx.now);
      });
      const { passwordHash: _h, ...account } = staff;
      return { token, expiresAt: new Date(expiresAt).toISOString(), staff: account };
    },

    'auth.me': async (_input, ctx) => {
      const me = staffOf(ctx);
      const staff = people.staffById(me.staffId)!;
      const session = db.prepare<[string], { expires_at: number }>('SELECT expires_at FROM auth_sessions WHERE id = ?').get(me.sessionId)!;
      const { passwordHash: _h, ...account } = staff;
      return { staff: account, expiresAt: new Date(session.expires_at).toISOString() };
    },

    'auth.changePassword': async ({ currentPassword, newPassword }, ctx) => {
      const me = staffOf(ctx);
      const staff = people.staffById(me.staffId)!;
      if (!(await verifyPassword(currentPassword, staff.passwordHash))) throw new HubError('LOGIN_FAILED', 'Mật khẩu hiện tại không đúng.');
      checkNewPassword(newPassword, currentPassword);
      const hash = await hashPassword(newPassword);
      await write(() => {
        people.setPassword(staff.id, hash, false);
        // Other sessions of this account were opened with the old password: end them.
        people.endSessionsOfStaff(staff.id, ctx.now, me.sessionId);
        deps.audit.record(actorOf(ctx.principal), 'auth.passwordChanged', { type: 'staff', id: staff.id }, {}, ctx.now);
      });
      ctx.notify.credentialEnded({ staffId: staff.id });
      const { passwordHash: _h, ...account } = people.staffById(staff.id)!;
      return account;
    },

    'auth.logout': async (_input, ctx) => {
      const me = staffOf(ctx);
      people.endSession(me.sessionId, ctx.now);
      ctx.notify.credentialEnded({ authSessionId: me.sessionId });
      return { ok: true as const };
    },

    'devices.createPairingCode': async ({ kind, name, counterId }, ctx) => {
      const me = staffOf(ctx);
      if (kind === 'rating' && counterId === null) throw new HubError('VALIDATION_FAILED', 'Máy đánh giá phải gắn với một quầy.');
      if (counterId !== null && !deps.catalog.counter(counterId)) throw new HubError('NOT_FOUND', 'Không tìm thấy quầy.');
      const expiresAt = ctx.now + PAIRING_CODE_TTL_MS;
      const code = await write(() => {
        let candidate: string;
        do candidate = String(randomInt(0, 1_000_000)).padStart(6, '0');
        while (isLive(people.pairingCode(candidate), ctx.now));
        people.insertPairingCode({ code: candidate, kind, name, counter_id: counterId, created_by: me.staffId, created_at: ctx.now, expires_at: expiresAt, used_at: null });
        deps.audit.record(actorOf(ctx.principal), 'devices.pairingCodeCreated', null, { kind, name, counterId }, ctx.now);
        return candidate;
      });
      return { code, expiresAt: new Date(expiresAt).toISOString() };
    },

    'devices.pair': async ({ code }, ctx) => {
      const keys = throttles(null, ctx.clientAddress);
      throttled(keys, ctx.now);
      const token = newToken('d');
      const device = await write(() => {
        const p = people.pairingCode(code);
        if (!p || !isLive(p, ctx.now)) {
          for (const k of keys) k.t.fail(k.key, ctx.now);
          throw new HubError('PAIRING_CODE_INVALID');
        }
        const id = uuidv7(ctx.now);
        people.usePairingCode(code, ctx.now);
        people.insertDevice({ id, kind: p.kind, name: p.name, token_hash: tokenHash(token), counter_id: p.counter_id, paired_at: ctx.now, paired_by: null });
        deps.audit.record({ kind: 'device', id }, 'devices.paired', { type: 'device', id }, { client: ctx.clientAddress }, ctx.now);
        return people.device(id)!;
      });
      for (const k of keys) k.t.succeed(k.key);
      ctx.notify.changed('devices');
      return { token, device };
    },

    'devices.me': async (_input, ctx) => {
      if (ctx.principal.kind !== 'device') throw new HubError('FORBIDDEN');
      return people.device(ctx.principal.deviceId)!;
    },

    'devices.list': async () => people.listDevices(),

    'devices.revoke': async ({ deviceId }, ctx) => {
      const device = await write(() => {
        if (!people.device(deviceId)) throw new HubError('NOT_FOUND', 'Không tìm thấy thiết bị.');
        people.revokeDevice(deviceId, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'devices.revoked', { type: 'device', id: deviceId }, {}, ctx.now);
        return people.device(deviceId)!;
      });
      ctx.notify.credentialEnded({ deviceId });
      ctx.notify.changed('devices');
      return device;
    },
  } satisfies Partial<Handlers>;
}

function isLive(p: { expires_at: number; used_at: number | null } | null, now: number): boolean {
  return p !== null && p.used_at === null && p.expires_at > now;
}
