import type { DeviceKind } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import type { UnlockResult } from '../../../contract/shell';
import { verifyPassword } from '../../../common/node/password';
import { newToken, tokenHash } from '../auth/tokens';
import { uuidv7 } from '../db/uuidv7';
import { throttled } from './attempts';
import type { HubDeps } from './context';

/**
 * A kiosk or display window opened by the Electron app on the hub PC itself is a device like any
 * other, but pairing it by hand would be silly: the shell creates its token directly. Tokens are
 * kept by the shell in the data folder and reused while they are valid.
 */
export function createLocalDevice(deps: HubDeps, kind: DeviceKind, name: string): string {
  const token = newToken('d');
  const now = deps.clock();
  deps.db.transaction(() => {
    const id = uuidv7(now);
    deps.people.insertDevice({ id, kind, name, token_hash: tokenHash(token), counter_id: null, paired_at: now, paired_by: null });
    deps.audit.record({ kind: 'system', id: null }, 'devices.pairedLocally', { type: 'device', id }, { kind }, now);
  })();
  return token;
}

/**
 * The PIN that closes a locked window of the hub PC (set by an admin; none set = no window can be
 * closed at the kiosk). Each window's guesses are throttled like a password's.
 */
export async function unlockWithKioskPin(deps: HubDeps, window: string, pin: string): Promise<UnlockResult> {
  const hash = deps.site.get<string>('kioskPinHash');
  if (hash === null) return { ok: false, code: 'PIN_NOT_SET', message: 'Chưa đặt mã PIN mở khóa. Quản trị viên đặt mã trong Quản trị → Thiết bị → Mã PIN mở khóa kiosk.' };
  try {
    return await throttled(() => deps.throttle.kioskPin.begin(deps.clock(), window), 'TOO_MANY_ATTEMPTS', async (attempt) => {
      if (!/^\d{4,8}$/.test(pin) || !(await verifyPassword(pin, hash))) return { ok: false, code: 'PIN_WRONG', message: 'Mã PIN không đúng.' };
      attempt.succeeded();
      return { ok: true };
    });
  } catch (e) {
    if (e instanceof HubError && e.code === 'TOO_MANY_ATTEMPTS') return { ok: false, code: 'TOO_MANY_ATTEMPTS', message: e.message };
    throw e;
  }
}
