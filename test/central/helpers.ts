import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { resolveAdminToken } from '../../central/admin/admin-token';
import type { Db } from '../../central/db/db';
import { prepareDatabase } from '../../central/db/open';
import { openPglite } from '../../central/db/pglite';
import { openPostgres } from '../../central/db/postgres';
import type { Decoders } from '../../central/projection/decode';
import { foldAll, type StoredEvent } from '../../central/projection/fold';
import {
  DOSSIER_COLUMNS, RATING_COLUMNS, TICKET_COLUMNS, toDossierState, toRatingState, toTicketState, type DossierRow, type RatingRow, type TicketRow,
} from '../../central/projection/rows';
import { createCentral, type CentralOptions } from '../../central/server';
import { eventHash } from '../../common/node/event-hash';
import type { ProcedureVersion } from '../../contract/dossier';
import { headers, PROTOCOL_VERSION, type PushRequest, type WireEvent } from '../../contract/sync';
import { uuidv7 } from '../../main/node/db/uuidv7';
import { createTestDatabase } from '../support/postgres';

export type Engine = 'pglite' | 'postgres';
export const engines: readonly Engine[] = ['pglite', 'postgres'];
export const ADMIN_TOKEN = 'test-admin-token-of-the-province';

/** A migrated database of either engine (PGlite in memory, or a fresh PostgreSQL database). */
export async function openTestDb(engine: Engine): Promise<{ db: Db; dispose(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPglite(null);
    await prepareDatabase(db);
    return { db, dispose: () => db.close() };
  }
  const t = await createTestDatabase();
  const db = openPostgres(t.url, 30);
  await prepareDatabase(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      await t.dispose();
    },
  };
}

/** An in-process central on a free port of 127.0.0.1, over `db` (which it does not close). */
export async function startTestCentral(db: Db, options: Omit<CentralOptions, 'db' | 'admin'> = {}) {
  // Every test of a suite comes from 127.0.0.1 and many try wrong credentials (or book) on purpose:
  // the throttles are tested on their own (limits.test.ts, appointments.test.ts) and generous elsewhere.
  const limits = { authFailures: 10_000, bookingsPerAddress: 10_000, ...options.limits };
  const central = createCentral({ db, admin: await resolveAdminToken(db, ADMIN_TOKEN), ...options, limits });
  const url = await central.listen(0, '127.0.0.1');
  return { url, server: central.server, close: () => central.close() };
}

export interface Answer<T> {
  readonly status: number;
  readonly json: T;
  readonly headers: Headers;
}

/** One HTTP call; bodies are sent gzipped unless `raw` is given. */
export async function call<T = Record<string, unknown>>(
  url: string,
  path: string,
  o: { method?: 'GET' | 'POST'; body?: unknown; raw?: Buffer; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const h: Record<string, string> = { 'accept-encoding': 'gzip', ...o.headers };
  let body: Buffer | undefined = o.raw;
  if (body === undefined && o.body !== undefined) {
    body = gzipSync(JSON.stringify(o.body));
    h['content-encoding'] = 'gzip';
  }
  if (body !== undefined) h['content-type'] ??= 'application/json';
  const res = await fetch(url + path, { method: o.method ?? (body === undefined ? 'GET' : 'POST'), headers: h, body: body === undefined ? undefined : new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** A back-office call with the province's admin token (the tests' own unless given). */
export const adminCall = <T = Record<string, unknown>>(url: string, path: string, body?: unknown, method?: 'GET' | 'POST', token = ADMIN_TOKEN) =>
  call<T>(url, path, { method: method ?? (body === undefined ? 'GET' : 'POST'), body, headers: { authorization: `Bearer ${token}` } });

/** A back-office account made with the admin token; its one-time password. */
export async function createAccount(url: string, username: string, role: 'province-admin' | 'clerk', fullName = 'Lê Thị Hoa'): Promise<string> {
  const r = await adminCall<{ password: string }>(url, '/admin/accounts', { username, fullName, role });
  if (r.status !== 201) throw new Error(`create account: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.password;
}

/** Logs an account in: the answer, and the session cookie to send back (null when refused). */
export async function login(url: string, username: string, password: string) {
  const r = await call<Record<string, unknown>>(url, '/admin/login', { body: { username, password } });
  const cookie = /^(motcua_central=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? null;
  return { ...r, cookie };
}

/**
 * An account as its owner has it after the first login: the one-time password replaced by their
 * own (nothing else works before), logged in again; its password and session cookie.
 */
export async function readyAccount(url: string, username: string, role: 'province-admin' | 'clerk', fullName?: string) {
  const oneTime = await createAccount(url, username, role, fullName);
  const first = await login(url, username, oneTime);
  const password = `mat-khau-cua-${username}`;
  const changed = await sessionCall(url, '/admin/me/password', first.cookie!, { current: oneTime, next: password });
  if (changed.status !== 200) throw new Error(`change password: ${changed.status} ${JSON.stringify(changed.json)}`);
  const again = await login(url, username, password);
  return { username, password, cookie: again.cookie! };
}

/** A back-office call with a session cookie. */
export const sessionCall = <T = Record<string, unknown>>(url: string, path: string, cookie: string, body?: unknown) =>
  call<T>(url, path, { method: body === undefined ? 'GET' : 'POST', body, headers: { cookie } });

export function syncHeaders(siteId: string, credential: string, protocol: number = PROTOCOL_VERSION): Record<string, string> {
  return { authorization: `Bearer ${credential}`, [headers.protocol]: String(protocol), [headers.app]: '0.1.0', [headers.site]: siteId };
}

/** A procedure version as the province publishes it (`POST /admin/catalog`). */
export const procedure = (code: string, name = 'Đăng ký khai sinh') => ({
  code, version: 1, name, field: 'Hộ tịch', authority: 'UBND cấp xã', processing: { unit: 'working_days', value: 3 },
  documents: [{ name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1, mandatory: true }], fees: [], result: 'Giấy khai sinh',
  validFrom: '2026-01-01', active: true,
}) satisfies Omit<ProcedureVersion, 'id' | 'source'>;

/** Creates a site through the back office; returns its credential. */
export async function createSite(url: string, siteId: string, name = `Xã ${siteId}`, token = ADMIN_TOKEN): Promise<string> {
  const r = await adminCall<{ credential: string }>(url, '/admin/sites', { siteId, name }, 'POST', token);
  if (r.status !== 201) throw new Error(`create site: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.credential;
}

/**
 * A site's outbox as the hub would write it (payloads shaped as main/node/db/*-store.ts writes
 * them, ids made as the hub makes them: UUIDv7 at the event's time), numbered from 1, under one
 * incarnation.
 */
export class SiteOutbox {
  readonly events: WireEvent[] = [];
  private clock = Date.parse('2026-03-02T01:00:00Z');
  constructor(
    readonly siteId: string,
    readonly incarnation: string = randomUUID(),
  ) {}

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  /** The next event happens at `iso` (and those after it a minute apart, as always). */
  at(iso: string): this {
    this.clock = Date.parse(iso) - 60_000;
    return this;
  }

  /** Any event with a payload text as given (for poison and unknown versions). */
  raw(type: string, version: number, aggregateId: string, payload: string): WireEvent {
    const e: WireEvent = {
      seq: this.events.length + 1, eventId: uuidv7(this.clock), type, version, aggregateId, payload, createdAt: new Date(this.clock).toISOString(),
      hash: eventHash(type, version, aggregateId, payload),
    };
    this.events.push(e);
    return e;
  }

  /** A ticket event; its service date is the UTC day of its time unless given (the hub's is the Vietnam day). */
  ticket(
    type: string,
    ticketId: string,
    status: string,
    extra: { counterId?: string | null; serviceId?: string; serviceDate?: string; data?: Record<string, unknown>; version?: number } = {},
  ): WireEvent {
    const at = this.tick();
    return this.raw(`ticket.${type}`, extra.version ?? 1, ticketId, JSON.stringify({
      eventId: uuidv7(this.clock), ticketId, serviceDate: extra.serviceDate ?? at.slice(0, 10), serviceId: extra.serviceId ?? 'svc-ho-tich', displayCode: 'A001',
      priorityClassId: null, status, at, counterId: extra.counterId ?? null, staffId: extra.counterId ? 'staff-1' : null, deviceId: null,
      data: extra.data ?? {},
    }));
  }

  /** `at`: the event's time (else the outbox's clock, a minute on); `data`: the event's data (a rating's score, an extension's previous due time). */
  dossier(
    type: string, dossierId: string, status: string,
    extra: { applicantName?: string; returnedAt?: string | null; code?: string; receivedAt?: string; dueAt?: string; at?: string; data?: Record<string, unknown> } = {},
  ): WireEvent {
    const at = extra.at ?? this.tick();
    return this.raw(`dossier.${type}`, 1, dossierId, JSON.stringify({
      dossierId, code: extra.code ?? '000.00.01.H21-260302-0001', status, procedureCode: '1.000948.H38', procedureVersion: 1, procedureName: 'Đăng ký khai sinh',
      applicant: { kind: 'person', fullName: extra.applicantName ?? 'Nguyễn Văn An', idNumber: '064090001234', dateOfBirth: null, address: 'Ia Grai', phone: '', email: '' },
      sets: 1, channel: 'direct', returnMethod: 'desk', receivingUnit: 'UBND xã Ia Grai', receivedAt: extra.receivedAt ?? '2026-03-02T01:00:00.000Z',
      dueAt: extra.dueAt ?? '2026-03-05T09:00:00.000Z', returnedAt: extra.returnedAt ?? null, documents: [{ index: 0, name: 'Tờ khai', received: 1 }],
      event: { type, at, staffId: 'staff-1', data: extra.data ?? {} },
    }));
  }

  /** `satisfied`: the flag hubs send since issue 12 (on their own scale); left out, as older hubs did, when undefined. */
  rating(ticketId: string, score = 'hai_long', ratingId: string = uuidv7(this.clock), satisfied?: boolean): WireEvent {
    const at = this.tick();
    return this.raw('rating.given', 1, ticketId, JSON.stringify({
      ratingId, ticketId, counterId: 'counter-1', staffId: 'staff-1', deviceId: null, score, scoreLabel: 'Hài lòng', satisfied, reasons: [], at,
    }));
  }

  request(events: readonly WireEvent[], baseSeq = 1): PushRequest {
    return { siteId: this.siteId, incarnation: this.incarnation, baseSeq, siteTime: new Date(this.clock).toISOString(), events: [...events] };
  }
}

/** A busy site's outbox of `n` events: citizens served (ticket events, a rating) and dossiers received. */
export function busyOutbox(siteId: string, n: number): SiteOutbox {
  const o = new SiteOutbox(siteId);
  while (o.events.length < n) {
    const t = uuidv7();
    o.ticket('issued', t, 'waiting', { data: { source: 'kiosk', peopleAhead: 3, estimate: [5, 15] } });
    o.ticket('called', t, 'called', { counterId: 'c1' });
    o.ticket('started', t, 'serving', { counterId: 'c1' });
    o.ticket('finished', t, 'finished', { counterId: 'c1' });
    o.rating(t);
    o.dossier('received', uuidv7(), 'received');
  }
  o.events.splice(n);
  return o;
}

export function pushBatch(url: string, credential: string, req: PushRequest, extraHeaders: Record<string, string> = {}) {
  return call<Record<string, unknown>>(url, `/sync/v1/sites/${req.siteId}/events`, { body: req, headers: { ...syncHeaders(req.siteId, credential), ...extraHeaders } });
}

interface EventRow { id: number; type: string; version: number; aggregate_id: string; payload: string; incarnation: string; seq: number; projected: boolean }

/**
 * The projections of a site recomputed from its raw event log (folded from nothing in arrival
 * order), next to what is stored: tests assert the two are equal, and that every event's stored
 * state (projected / rejected / raw) is what the fold says.
 */
export async function foldAndStored(db: Db, siteId: string, decoders: Decoders) {
  const rows = await db.query<EventRow>('SELECT id, type, version, aggregate_id, payload, incarnation, seq, projected FROM events WHERE site_id = $1 ORDER BY id', [siteId]);
  const position = (r: { incarnation: string; seq: number }) => `${r.incarnation}/${r.seq}`;
  const rejected = new Set((await db.query<{ incarnation: string; seq: number }>('SELECT incarnation, seq FROM rejections WHERE site_id = $1', [siteId])).map(position));
  const events: StoredEvent[] = rows.map((r) => ({ id: r.id, type: r.type, version: r.version, aggregateId: r.aggregate_id, payload: r.payload }));
  const { working, verdicts } = foldAll(events, decoders);
  const byId = <S>(m: Map<string, S | null>) => [...m.entries()].filter(([, v]) => v !== null).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v as S);
  const stateOf = (r: EventRow) => (r.projected ? 'applied' : rejected.has(position(r)) ? 'rejected' : 'unknown');
  return {
    folded: { tickets: byId(working.tickets), dossiers: byId(working.dossiers), ratings: byId(working.ratings) },
    stored: {
      tickets: (await db.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE site_id = $1 ORDER BY ticket_id`, [siteId])).map(toTicketState),
      dossiers: (await db.query<DossierRow>(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE site_id = $1 ORDER BY dossier_id`, [siteId])).map(toDossierState),
      ratings: (await db.query<RatingRow>(`SELECT ${RATING_COLUMNS} FROM ratings WHERE site_id = $1 ORDER BY ticket_id`, [siteId])).map(toRatingState),
    },
    verdicts: rows.map((r) => verdicts.get(r.id)!.kind),
    states: rows.map(stateOf),
  };
}

export async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const [r] = await db.query<{ n: number }>(sql, params);
  return Number(r!.n);
}
