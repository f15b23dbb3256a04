import { randomInt } from 'node:crypto';
import { HubError } from '../../../contract/errors';
import type { Principal } from '../../../contract/access';
import { decoyHash, hashPassword, verifyPassword } from '../../../common/node/password';
import { newToken, tokenHash } from '../auth/tokens';
import { actorOf } from '../db/audit-store';
import { uuidv7 } from '../db/uuidv7';
import { throttled } from './attempts';
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

  return {
    'auth.login': async ({ username, password }, ctx) => {
      const staff = await throttled(() => deps.throttle.login.begin(ctx.now, username, ctx.clientAddress), 'LOGIN_THROTTLED', async (attempt) => {
        const found = people.staffByUsername(username.trim().toLowerCase());
        const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash));
        if (found && ok && found.active) {
          attempt.succeeded();
          return found;
        }
        // People type their password into the username box: name the account only if it exists.
        const tried = found ? { username: found.username, client: ctx.clientAddress } : { unknownAccount: true, client: ctx.clientAddress };
        await write(() => deps.audit.record({ kind: 'anonymous', id: null }, 'auth.loginFailed', found ? { type: 'staff', id: found.id } : null, tried, ctx.now));
        throw new HubError('LOGIN_FAILED', found && ok ? 'Tài khoản này đã bị khóa. Liên hệ quản trị viên.' : undefined);
      });
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
      // A session left open at a counter must not be a way around the login throttle.
      await throttled(() => deps.throttle.login.begin(ctx.now, staff.username, ctx.clientAddress), 'LOGIN_THROTTLED', async (attempt) => {
        if (!(await verifyPassword(currentPassword, staff.passwordHash))) throw new HubError('LOGIN_FAILED', 'Mật khẩu hiện tại không đúng.');
        attempt.succeeded();
      });
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
      const token = newToken('d');
      const device = await throttled(() => deps.throttle.pairing.begin(ctx.now, ctx.clientAddress), 'TOO_MANY_ATTEMPTS', (attempt) =>
        write(() => {
          const p = people.pairingCode(code);
          if (!p || !isLive(p, ctx.now)) throw new HubError('PAIRING_CODE_INVALID');
          attempt.succeeded();
          const id = uuidv7(ctx.now);
          people.usePairingCode(code, ctx.now);
          people.insertDevice({ id, kind: p.kind, name: p.name, token_hash: tokenHash(token), counter_id: p.counter_id, paired_at: ctx.now, paired_by: null });
          deps.audit.record({ kind: 'device', id }, 'devices.paired', { type: 'device', id }, { client: ctx.clientAddress }, ctx.now);
          return people.device(id)!;
        }),
      );
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
