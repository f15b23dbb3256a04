import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AdminToken } from '../admin/admin-token';
import type { Db } from '../db/db';
import type { Decoders } from '../projection/decode';
import type { Limits, Slots } from './limits';
import type { ReportGate } from './report-gate';
import type { AuthThrottle, BookingThrottle, LoginThrottle } from './throttle';

/** Crash points the fault tests reach through `x-motcua-test-crash` (only when the central is started with them). */
export type CrashPoint = 'before-commit' | 'after-commit';

export interface CentralDeps {
  readonly db: Db;
  readonly admin: AdminToken;
  readonly decoders: Decoders;
  /** Present only in test builds (MOTCUA_CENTRAL_FAULTS=1): what "crash here" does. */
  readonly crash: ((point: CrashPoint) => void) | null;
  readonly limits: Limits;
  readonly log: Logger;
  readonly throttle: AuthThrottle;
  /** Wrong guesses at the public status page, per address. */
  readonly lookups: AuthThrottle;
  /** Online booking requests per address. */
  readonly bookings: BookingThrottle;
  /** Password attempts per back-office account. */
  readonly logins: LoginThrottle;
  /** Push bodies being received, per site. */
  readonly uploads: Slots;
  /** Pushes being processed (their body arrived), per site and over all sites. */
  readonly pushes: Slots;
  /** Province reports being computed. */
  readonly reports: ReportGate;
  /** Whether X-Forwarded-For from a loopback peer names the client (a reverse proxy on this machine). */
  readonly trustProxy: boolean;
  /** The central's address on the internet (MOTCUA_CENTRAL_PUBLIC_URL), for the booking QR; null = its compact form. */
  readonly publicUrl: string | null;
}

export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The path's captured parts, decoded. */
  readonly params: readonly string[];
  /** The client's address (central/http/throttle.ts). */
  readonly address: string;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  handle(deps: CentralDeps, r: RouteRequest): Promise<void>;
}
