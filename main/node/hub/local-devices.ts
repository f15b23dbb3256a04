import type { DeviceKind } from '../../../contract/access';
import { verifyPassword } from '../auth/password';
import { newToken, tokenHash } from '../auth/tokens';
import { uuidv7 } from '../db/uuidv7';
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

/** The PIN that closes a locked kiosk window (set by an admin); no PIN set = cannot be unlocked at the kiosk. */
export async function verifyKioskPin(deps: HubDeps, pin: string): Promise<boolean> {
  const hash = deps.site.get<string>('kioskPinHash');
  return hash !== null && /^\d{4,8}$/.test(pin) && (await verifyPassword(pin, hash));
}
