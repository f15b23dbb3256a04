import { describe, expect, it } from 'vitest';
import { errorCatalog, HubError, type ErrorCode } from '../../../contract/errors';
import { afterStreamClose, forgetsCredential } from '../../../renderer/src/hub/credential';
import { refusalForCitizen } from '../../../renderer/src/screens/kiosk/kiosk-error';

const every = Object.keys(errorCatalog) as ErrorCode[];

describe('which answers make a screen forget its token', () => {
  it('only an expired session, a revoked device or a token the hub does not know', () => {
    expect(every.filter((code) => forgetsCredential(new HubError(code)))).toEqual(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'DEVICE_REVOKED']);
  });

  it('never a full disk, an internal error, an unreachable hub, or something that is not the hub’s answer', () => {
    for (const code of ['DISK_FULL', 'INTERNAL', 'HUB_UNREACHABLE'] as const) expect(forgetsCredential(new HubError(code))).toBe(false);
    expect(forgetsCredential(new Error('UNAUTHENTICATED'))).toBe(false);
    expect(forgetsCredential(null)).toBe(false);
  });

  it('the event stream stops for good only after a bye for a credential that is gone; anything else reconnects', () => {
    expect(afterStreamClose(new HubError('DEVICE_REVOKED'))).toBe('ended');
    expect(afterStreamClose(new HubError('SESSION_EXPIRED'))).toBe('ended');
    // No bye: a restart, a network cut, 1011/1013 for the hub's own trouble, even a 4401 without its bye.
    expect(afterStreamClose(null)).toBe('reconnect');
    // A bye with a code this screen does not know (read as INTERNAL) or for trouble: wait it out.
    expect(afterStreamClose(new HubError('INTERNAL'))).toBe('reconnect');
    expect(afterStreamClose(new HubError('DISK_FULL'))).toBe('reconnect');
  });
});

describe('what the kiosk tells a citizen whose number could not be taken', () => {
  it('the hub’s words for a refusal about the service', () => {
    expect(refusalForCitizen(new HubError('DAILY_CAP_REACHED', 'Dịch vụ Hộ tịch đã hết số trong ngày hôm nay.'))).toBe('Dịch vụ Hộ tịch đã hết số trong ngày hôm nay.');
    expect(refusalForCitizen(new HubError('SERVICE_CLOSED', 'Ngoài giờ lấy số.'))).toBe('Ngoài giờ lấy số.');
  });

  it('nothing technical for trouble of the system: the kiosk sends the citizen to the help desk', () => {
    for (const code of ['DISK_FULL', 'INTERNAL', 'HUB_UNREACHABLE', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONFLICT'] as const) expect(refusalForCitizen(new HubError(code))).toBeNull();
    expect(refusalForCitizen(new TypeError('x is undefined'))).toBeNull();
  });
});
