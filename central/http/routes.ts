import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminToken } from '../admin/admin-token';
import type { Db } from '../db/db';
import type { Decoders } from '../projection/decode';

/** Crash points the fault tests reach through `x-motcua-test-crash` (only when the central is started with them). */
export type CrashPoint = 'before-commit' | 'after-commit';

export interface CentralDeps {
  readonly db: Db;
  readonly admin: AdminToken;
  readonly decoders: Decoders;
  /** Present only in test builds (MOTCUA_CENTRAL_FAULTS=1): what "crash here" does. */
  readonly crash: ((point: CrashPoint) => void) | null;
  /** Pushes being handled now, and how many may be (beyond that: 503 with Retry-After). */
  readonly pushes: { active: number; readonly max: number };
}

export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The path's captured parts, decoded. */
  readonly params: readonly string[];
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  handle(deps: CentralDeps, r: RouteRequest): Promise<void>;
}
