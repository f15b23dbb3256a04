import { HubError, isCredentialLost } from '../../../contract/errors';

/**
 * Whether a failed call means this screen's credential is gone, so it must forget its token and go
 * back to login or pairing. Only the hub's own answer says so (an expired session, a revoked
 * device, a token it does not know); a full disk, an internal error or an unreachable hub never
 * does — re-pairing every kiosk and TV of a site for a passing fault is worse than waiting.
 */
export function forgetsCredential(e: unknown): e is HubError {
  return e instanceof HubError && isCredentialLost(e.code);
}

/**
 * What the event stream does when its socket closes: stop for good only after the hub's `bye` said
 * the credential is gone; anything else (a restart, 1011/1013 for the hub's own trouble, a network
 * cut, even a 4401 without its `bye`) is waited out by reconnecting with backoff.
 */
export function afterStreamClose(bye: HubError | null): 'ended' | 'reconnect' {
  return bye !== null && forgetsCredential(bye) ? 'ended' : 'reconnect';
}
