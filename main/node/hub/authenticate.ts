import type { Principal } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import { tokenHash, tokenKind } from '../auth/tokens';
import type { HubDeps } from './context';

/** A staff login lasts one working day at most, and ends after a long idle spell. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;
export const SESSION_IDLE_MS = 3 * 60 * 60_000;
/**
 * last_seen is written at most this often: a write per request would cost an fsync each. It is
 * best effort: a write that fails (a full disk) never turns a valid credential into a refusal.
 */
const TOUCH_EVERY_MS = 60_000;

const anonymous: Principal = { kind: 'anonymous' };

/** Who holds this token now, or why it is no longer accepted. */
export function authenticate(deps: HubDeps, token: string | null, now: number): Principal {
  if (!token) return anonymous;
  const kind = tokenKind(token);
  if (kind === 's') return staffPrincipal(deps, token, now);
  if (kind === 'd') return devicePrincipal(deps, token, now);
  throw new HubError('UNAUTHENTICATED');
}

function staffPrincipal(deps: HubDeps, token: string, now: number): Principal {
  const session = deps.people.sessionByTokenHash(tokenHash(token));
  if (!session) throw new HubError('UNAUTHENTICATED');
  if (session.ended_at !== null) throw new HubError('SESSION_EXPIRED');
  // Ending the row is bookkeeping (the next request would end it again): the refusal stands even
  // when it cannot be written.
  const end = () => deps.storage.bestEffort('session end', () => deps.people.endSession(session.id, now));
  if (now >= session.expires_at || now - session.last_seen_at >= SESSION_IDLE_MS) {
    end();
    throw new HubError('SESSION_EXPIRED');
  }
  const staff = deps.people.staffById(session.staff_id);
  if (!staff || !staff.active) {
    end();
    throw new HubError('SESSION_EXPIRED', 'Tài khoản của bạn đã bị khóa. Liên hệ quản trị viên.');
  }
  if (now - session.last_seen_at >= TOUCH_EVERY_MS) deps.storage.bestEffort('session last-seen', () => deps.people.touchSession(session.id, now));
  return {
    kind: 'staff',
    staffId: staff.id,
    username: staff.username,
    role: staff.role,
    mustChangePassword: staff.mustChangePassword,
    canCallSpecific: staff.canCallSpecific || staff.role !== 'officer',
    sessionId: session.id,
  };
}

function devicePrincipal(deps: HubDeps, token: string, now: number): Principal {
  const device = deps.people.deviceByTokenHash(tokenHash(token));
  if (!device) throw new HubError('UNAUTHENTICATED', 'Thiết bị chưa được ghép nối hoặc mã thiết bị không hợp lệ.');
  if (device.revokedAt !== null) throw new HubError('DEVICE_REVOKED');
  if (device.lastSeenAt === null || now - Date.parse(device.lastSeenAt) >= 5 * TOUCH_EVERY_MS) deps.storage.bestEffort('device last-seen', () => deps.people.touchDevice(device.id, now));
  return { kind: 'device', deviceId: device.id, deviceKind: device.kind, counterId: device.counterId };
}
