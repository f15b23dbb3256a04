import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { z } from 'zod';
import {
  AgencyCodeResponse, ConflictResponse, GapResponse, headers, PROTOCOL_VERSION, PullResponse, PushResponse, SnapshotResponse, StatusResponse, StreamEventsResponse, SyncError,
  type Feed, type PushRequest,
} from '../../../contract/sync';
import { retryAfterMs } from '../../core/sync-rules';

const gzipAsync = promisify(gzip);

export interface CentralConfig {
  readonly centralUrl: string;
  readonly siteId: string;
  readonly credential: string;
}

/** Why a request did not succeed, as the worker acts on it. */
export type Failure =
  | { readonly kind: 'retry'; readonly code: string; readonly message: string; readonly afterMs: number }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'fatal'; readonly code: string; readonly message: string };

export type PushOutcome =
  | { readonly kind: 'ok'; readonly res: z.infer<typeof PushResponse> }
  | { readonly kind: 'gap'; readonly expectedSeq: number; readonly ackedThrough: number }
  | { readonly kind: 'conflict'; readonly seq: number; readonly message: string }
  | Failure;

export type PullOutcome = { readonly kind: 'ok'; readonly res: z.infer<typeof PullResponse> } | { readonly kind: 'resync' } | Failure;

/**
 * The hub's side of protocol v1 (docs/SYNC.md): gzip both ways, versions and credential on every
 * request, a timeout on every request, and every answer sorted into what the worker does next.
 */
export class CentralClient {
  constructor(
    private readonly config: CentralConfig,
    private readonly appVersion: string,
    private readonly timeoutMs = 30_000,
    /** Told the central's time from every answer that carries it: the hub's clock is checked against it. */
    private readonly onServerTime: (serverTime: string) => void = () => undefined,
  ) {}

  private base(): string {
    return `${this.config.centralUrl.replace(/\/+$/, '')}/sync/v1/sites/${encodeURIComponent(this.config.siteId)}`;
  }

  private async request(method: 'GET' | 'POST', url: string, json?: unknown): Promise<{ status: number; json: unknown; retryAfter: string | null } | Failure> {
    const h: Record<string, string> = {
      authorization: `Bearer ${this.config.credential}`,
      [headers.protocol]: String(PROTOCOL_VERSION),
      [headers.app]: this.appVersion,
      [headers.site]: this.config.siteId,
      'accept-encoding': 'gzip',
    };
    let payload: Buffer | undefined;
    if (json !== undefined) {
      payload = await gzipAsync(Buffer.from(JSON.stringify(json)));
      h['content-type'] = 'application/json';
      h['content-encoding'] = 'gzip';
    }
    try {
      const body = payload ? new Uint8Array(payload) : undefined;
      const res = await fetch(url, { method, headers: h, body, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // A truncated or garbled body: as if the answer never came.
        return { kind: 'retry', code: 'BAD_RESPONSE', message: 'Máy chủ tỉnh trả lời không đầy đủ.', afterMs: 0 };
      }
      return { status: res.status, json, retryAfter: res.headers.get('retry-after') };
    } catch (e) {
      const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      return { kind: 'retry', code: timeout ? 'TIMEOUT' : 'UNREACHABLE', message: timeout ? 'Máy chủ tỉnh không trả lời kịp.' : 'Không kết nối được máy chủ tỉnh.', afterMs: 0 };
    }
  }

  /** The common answers to any request that did not succeed. */
  private failure(r: { status: number; json: unknown; retryAfter: string | null }): Failure {
    const err = SyncError.safeParse(r.json);
    const code = err.success ? err.data.code : `HTTP_${r.status}`;
    const message = err.success ? err.data.message : `Máy chủ tỉnh trả lỗi ${r.status}.`;
    if (r.status === 413) return { kind: 'tooLarge' };
    // 408: the central stopped waiting for a body on a slow link — a passing state, like being busy.
    if (r.status === 408 || r.status === 429 || r.status >= 500) return { kind: 'retry', code, message, afterMs: retryAfterMs(r.retryAfter, Date.now()) };
    return { kind: 'fatal', code, message };
  }

  /** A 200's body checked against its schema; a body of another shape is retried like a lost answer. */
  private parsed<S extends z.ZodType>(schema: S, json: unknown): { kind: 'ok'; res: z.infer<S> } | Failure {
    const res = schema.safeParse(json);
    if (res.success && typeof res.data === 'object' && res.data !== null && 'serverTime' in res.data && typeof res.data.serverTime === 'string') this.onServerTime(res.data.serverTime);
    return res.success ? { kind: 'ok', res: res.data } : { kind: 'retry', code: 'BAD_RESPONSE', message: 'Máy chủ tỉnh trả lời không đúng định dạng.', afterMs: 0 };
  }

  async push(req: PushRequest): Promise<PushOutcome> {
    const r = await this.request('POST', `${this.base()}/events`, req);
    if ('kind' in r) return r;
    if (r.status === 200) return this.parsed(PushResponse, r.json);
    if (r.status === 409) {
      const gap = GapResponse.safeParse(r.json);
      if (gap.success) return { kind: 'gap', expectedSeq: gap.data.expectedSeq, ackedThrough: gap.data.ackedThrough };
      const conflict = ConflictResponse.safeParse(r.json);
      if (conflict.success) return { kind: 'conflict', seq: conflict.data.seq, message: conflict.data.message };
    }
    return this.failure(r);
  }

  async pull(feed: Feed, cursor: number, limit: number): Promise<PullOutcome> {
    const r = await this.request('GET', `${this.base()}/feeds/${feed}?cursor=${cursor}&limit=${limit}`);
    if ('kind' in r) return r;
    if (r.status === 200) return this.parsed(PullResponse, r.json);
    if (r.status === 410) return { kind: 'resync' };
    return this.failure(r);
  }

  async snapshot(feed: Feed): Promise<{ kind: 'ok'; res: z.infer<typeof SnapshotResponse> } | Failure> {
    const r = await this.request('GET', `${this.base()}/feeds/${feed}/snapshot`);
    if ('kind' in r) return r;
    return r.status === 200 ? this.parsed(SnapshotResponse, r.json) : this.failure(r);
  }

  /** Registers (or changes) the site's agency code; `fatal` AGENCY_CODE_TAKEN when another site holds it. */
  async registerAgencyCode(agencyCode: string): Promise<{ kind: 'ok'; res: z.infer<typeof AgencyCodeResponse> } | Failure> {
    const r = await this.request('POST', `${this.base()}/agency-code`, { agencyCode });
    if ('kind' in r) return r;
    return r.status === 200 ? this.parsed(AgencyCodeResponse, r.json) : this.failure(r);
  }

  /** A page of one of the site's own streams, as the central holds it (a restored hub fetching back what it lost). */
  async streamEvents(incarnation: string, after: number, limit: number): Promise<{ kind: 'ok'; res: z.infer<typeof StreamEventsResponse> } | Failure> {
    const r = await this.request('GET', `${this.base()}/streams/${encodeURIComponent(incarnation)}/events?after=${after}&limit=${limit}`);
    if ('kind' in r) return r;
    return r.status === 200 ? this.parsed(StreamEventsResponse, r.json) : this.failure(r);
  }

  async status(): Promise<{ kind: 'ok'; res: z.infer<typeof StatusResponse> } | Failure> {
    const r = await this.request('GET', `${this.base()}/status`);
    if ('kind' in r) return r;
    return r.status === 200 ? this.parsed(StatusResponse, r.json) : this.failure(r);
  }
}
