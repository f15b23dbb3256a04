import { describe, expect, it } from 'vitest';
import type { Access, Principal } from '../../contract/access';
import { HubError } from '../../contract/errors';
import { ops, opNames } from '../../contract/ops';
import { authorize } from '../../main/core/access';

const officer: Principal = { kind: 'staff', staffId: 's', username: 'u', role: 'officer', mustChangePassword: false, canCallSpecific: false, sessionId: 'x' };
const kiosk: Principal = { kind: 'device', deviceId: 'd', deviceKind: 'kiosk', counterId: null };
const display: Principal = { kind: 'device', deviceId: 'd', deviceKind: 'display', counterId: null };

function outcome(access: Access, p: Principal): string {
  try {
    authorize(access, p);
    return 'ok';
  } catch (e) {
    return (e as HubError).code;
  }
}

describe('access rules', () => {
  it('ranks staff roles and scopes devices', () => {
    expect(outcome(ops['counter.callNext'].access, officer)).toBe('ok');
    expect(outcome(ops['counter.callNext'].access, kiosk)).toBe('FORBIDDEN');
    expect(outcome(ops['counter.callNext'].access, { kind: 'anonymous' })).toBe('UNAUTHENTICATED');
    expect(outcome(ops['tickets.issue'].access, kiosk)).toBe('ok');
    expect(outcome(ops['tickets.issue'].access, display)).toBe('FORBIDDEN');
    expect(outcome(ops['calls.since'].access, display)).toBe('ok');
    expect(outcome(ops['admin.saveService'].access, officer)).toBe('FORBIDDEN');
    expect(outcome(ops['admin.saveService'].access, { ...officer, role: 'admin' })).toBe('ok');
  });

  it('lets a staff member with a one-time password do nothing but change it', () => {
    const fresh = { ...officer, mustChangePassword: true };
    expect(outcome(ops['auth.changePassword'].access, fresh)).toBe('ok');
    expect(outcome(ops['counter.callNext'].access, fresh)).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('gives a kiosk only issuing and reading what it shows, and a display only reading calls', () => {
    const allowedFor = (p: Principal) => opNames.filter((n) => outcome(ops[n].access, p) === 'ok' && !('public' in ops[n].access));
    expect(allowedFor(kiosk).sort()).toEqual(['appointments.checkIn', 'catalog.get', 'devices.me', 'kiosk.menu', 'kiosk.printProcedure', 'kiosk.procedure', 'kiosk.procedures', 'print.job', 'site.get', 'tickets.issue']);
    expect(allowedFor(display).sort()).toEqual(['calls.since', 'catalog.get', 'devices.me', 'display.state', 'site.get']);
  });
});
