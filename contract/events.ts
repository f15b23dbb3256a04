import { z } from 'zod';
import { ErrorEnvelope } from './errors';
import { Call, IsoTime } from './queue';
import { Id } from './scalars';

/**
 * Topics a client may have to refresh. The event stream carries calls in full (they must never be
 * lost or merged) and everything else as "this changed, fetch it again": state is read through
 * the ops, so a missed hint costs one refetch, never a wrong screen.
 */
export const Topic = z.enum(['queue', 'site', 'catalog', 'devices', 'staff', 'counters', 'printers', 'dossiers', 'sync', 'health', 'appointments']);
export type Topic = z.infer<typeof Topic>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), serverTime: IsoTime, lastCallId: z.int() }),
  z.object({ type: z.literal('call'), call: Call }),
  z.object({
    type: z.literal('changed'),
    topics: z.array(Topic),
    /** With 'dossiers' (staff only): which dossiers changed, so an open dossier page reloads only for its own. */
    dossierIds: z.array(Id).optional(),
  }),
  /** A serial scanner at this staff member's counter read a code (raw text; `scan.parse` reads it). */
  z.object({ type: z.literal('scan'), text: z.string() }),
  /** Sent just before the server closes the socket for good: the credential is gone (revoked device, expired session) — never for trouble of the hub's own. */
  z.object({ type: z.literal('bye'), error: ErrorEnvelope.shape.error }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** WebSocket close codes the clients act on. */
export const closeCodes = {
  /** Credentials no longer valid: stop reconnecting, show the message, ask to log in / pair again. */
  unauthorized: 4401,
  /** Hub shutting down or restarting: reconnect with backoff. */
  goingAway: 1001,
  /** The hub failed unexpectedly while checking the credential: reconnect with backoff, keep the credential. */
  internalError: 1011,
  /** The hub is in known trouble (e.g. its disk is full): reconnect with backoff, keep the credential. */
  tryAgainLater: 1013,
} as const;

/**
 * Path of the event stream. `after` = the last call id the client has (every later call is replayed
 * first); without it, only calls from now on. `token` = the client's credential.
 */
export const eventsPath = '/api/events';
