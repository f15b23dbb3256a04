import type { PushRequest, Rejection, WireEvent } from '../../contract/sync';
import { sqlState, type Db, type Queryable } from '../db/db';
import { ensureCurrentPartitions, NO_PARTITION } from '../db/partitions';
import type { Decoders } from '../projection/decode';
import type { StoredEvent } from '../projection/fold';
import { insertRejections, projectNew, type NewRejection } from '../projection/project';
import { eventHash } from '../../common/node/event-hash';

export type PushOutcome =
  | { readonly kind: 'ok'; readonly ackedThrough: number; readonly rejections: Rejection[] }
  /** The events before the gap are committed; the hub resends from expectedSeq. */
  | { readonly kind: 'gap'; readonly expectedSeq: number; readonly ackedThrough: number }
  /** A committed seq arrived with another payload: nothing of the request was committed. */
  | { readonly kind: 'conflict'; readonly seq: number }
  /** An event's hash does not match its content: nothing of the request was committed. */
  | { readonly kind: 'hashMismatch'; readonly seq: number };

export interface PushOptions {
  /** The hub's version as it announced itself (recorded on the stream). */
  readonly appVersion?: string;
  /** Runs after every write of the push and before COMMIT (the tests' crash point). */
  readonly beforeCommit?: () => void;
}

class Abort extends Error {
  constructor(readonly outcome: PushOutcome) {
    super(outcome.kind);
  }
}

/**
 * One push (docs/SYNC.md, "Push"), in one transaction. A push whose month has no `events`
 * partition yet creates it and runs again: the failed attempt committed nothing.
 */
export async function push(db: Db, siteId: string, req: PushRequest, decoders: Decoders, options: PushOptions = {}): Promise<PushOutcome> {
  // A hash that does not match the content means the hub or the link is broken: storing such an
  // event would make every later duplicate check meaningless, so the request is refused whole.
  for (const e of req.events) {
    if (eventHash(e.type, e.version, e.aggregateId, e.payload) !== e.hash) return { kind: 'hashMismatch', seq: e.seq };
  }
  const run = () => db.transaction((tx) => pushInTransaction(tx, siteId, req, decoders, options));
  try {
    return await run().catch(async (e: unknown) => {
      if (sqlState(e) !== NO_PARTITION) throw e;
      await ensureCurrentPartitions(db);
      return run();
    });
  } catch (e) {
    if (e instanceof Abort) return e.outcome;
    throw e;
  }
}

async function pushInTransaction(tx: Queryable, siteId: string, req: PushRequest, decoders: Decoders, options: PushOptions): Promise<PushOutcome> {
  const { incarnation } = req;
  // A site's pushes run one at a time (whatever their stream): arrival order in `events` is then
  // the order its projections were folded in. NO KEY UPDATE leaves foreign-key checks unblocked.
  await tx.query('SELECT 1 FROM sites WHERE site_id = $1 FOR NO KEY UPDATE', [siteId]);
  await tx.query(
    'INSERT INTO streams (site_id, incarnation, base_seq, last_seq) VALUES ($1, $2, $3::bigint, $3::bigint - 1) ON CONFLICT (site_id, incarnation) DO NOTHING',
    [siteId, incarnation, req.baseSeq],
  );
  const [stream] = await tx.query<{ last_seq: number }>('SELECT last_seq FROM streams WHERE site_id = $1 AND incarnation = $2 FOR UPDATE', [siteId, incarnation]);
  const startSeq = stream!.last_seq;

  const events = [...req.events].sort((a, b) => a.seq - b.seq);
  const seen = events.filter((e) => e.seq <= startSeq).map((e) => e.seq);
  const committed = new Map<number, string>();
  if (seen.length > 0) {
    const rows = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM event_index WHERE site_id = $1 AND incarnation = $2 AND seq = ANY($3::bigint[])',
      [siteId, incarnation, seen],
    );
    for (const r of rows) committed.set(r.seq, r.hash);
  }

  // Walk the request in seq order: duplicates, conflicts, the next seqs, a gap.
  let last = startSeq;
  let gap = false;
  const accepted: WireEvent[] = [];
  for (const e of events) {
    if (e.seq <= last) {
      // No record below the stream's start: acknowledged under an earlier incarnation.
      const known = committed.get(e.seq) ?? accepted.find((a) => a.seq === e.seq)?.hash;
      if (known !== undefined && known !== e.hash) throw new Abort({ kind: 'conflict', seq: e.seq });
      continue;
    }
    if (e.seq > last + 1) {
      gap = true;
      break;
    }
    accepted.push(e);
    last = e.seq;
  }

  if (accepted.length > 0) {
    await append(tx, siteId, incarnation, accepted, decoders);
    await tx.query(
      'UPDATE streams SET last_seq = $3, updated_at = now(), site_time = $4, app_version = $5 WHERE site_id = $1 AND incarnation = $2',
      [siteId, incarnation, last, req.siteTime, options.appVersion ?? null],
    );
  }
  const outcome: PushOutcome = gap
    ? { kind: 'gap', expectedSeq: last + 1, ackedThrough: last }
    : { kind: 'ok', ackedThrough: last, rejections: await rejectionsFor(tx, siteId, events) };
  options.beforeCommit?.();
  return outcome;
}

/** Stores the next seqs of a stream: new events in the log (projected), every seq in the index. */
async function append(tx: Queryable, siteId: string, incarnation: string, accepted: readonly WireEvent[], decoders: Decoders): Promise<void> {
  // Every seq goes into the index. An event already stored under another (incarnation, seq) —
  // resent after a restore — conflicts on its event id: it is a duplicate, recorded as such under
  // its new seq, and not stored twice. (DO NOTHING also settles an id repeated within the request.)
  const inserted = await tx.query<{ seq: number }>(
    `INSERT INTO event_index (site_id, incarnation, seq, event_id, hash, duplicate)
     SELECT $1, $2, x.seq, x."eventId", x.hash, false FROM json_to_recordset($3::json) AS x(seq bigint, "eventId" uuid, hash text)
     ON CONFLICT (site_id, event_id) WHERE NOT duplicate DO NOTHING
     RETURNING seq`,
    [siteId, incarnation, JSON.stringify(accepted.map((e) => ({ seq: e.seq, eventId: e.eventId, hash: e.hash })))],
  );
  const freshSeqs = new Set(inserted.map((r) => r.seq));
  const fresh = accepted.filter((e) => freshSeqs.has(e.seq));
  const duplicates = accepted.filter((e) => !freshSeqs.has(e.seq));
  if (duplicates.length > 0) {
    await tx.query(
      `INSERT INTO event_index (site_id, incarnation, seq, event_id, hash, duplicate)
       SELECT $1, $2, x.seq, x."eventId", x.hash, true FROM json_to_recordset($3::json) AS x(seq bigint, "eventId" uuid, hash text)`,
      [siteId, incarnation, JSON.stringify(duplicates.map((e) => ({ seq: e.seq, eventId: e.eventId, hash: e.hash })))],
    );
  }
  if (fresh.length === 0) return;

  const ids = (await tx.query<{ id: number }>('SELECT nextval(\'events_id_seq\') AS id FROM generate_series(1, $1)', [fresh.length]))
    .map((r) => r.id)
    .sort((a, b) => a - b);
  const rows: (StoredEvent & { e: WireEvent })[] = fresh.map((e, i) => ({ id: ids[i]!, type: e.type, version: e.version, aggregateId: e.aggregateId, payload: e.payload, e }));
  const verdicts = await projectNew(tx, siteId, rows, decoders);
  await tx.query(
    `INSERT INTO events (id, site_id, incarnation, seq, event_id, type, version, aggregate_id, payload, hash, site_created_at, projected)
     SELECT x.id, $1, $2, x.seq, x."eventId", x.type, x.version, x."aggregateId", x.payload, x.hash, x."createdAt", x.projected
     FROM json_to_recordset($3::json) AS x(id bigint, seq bigint, "eventId" uuid, type text, version integer, "aggregateId" text,
       payload text, hash text, "createdAt" timestamptz, projected boolean)`,
    [siteId, incarnation, JSON.stringify(rows.map((r) => ({ ...r.e, id: r.id, projected: verdicts.get(r.id)?.kind === 'applied' })))],
  );
  const rejected: NewRejection[] = rows.flatMap((r) => {
    const v = verdicts.get(r.id);
    return v?.kind === 'rejected' ? [{ eventId: r.e.eventId, incarnation, seq: r.e.seq, code: v.code, message: v.message }] : [];
  });
  if (rejected.length > 0) await insertRejections(tx, siteId, rejected);
}

/**
 * The rejections of the request's events, wherever and whenever they were decided: a batch sent
 * again (its answer was lost) gets the same rejections as the first time. Reported under the seq
 * the hub sent them with.
 */
async function rejectionsFor(tx: Queryable, siteId: string, events: readonly WireEvent[]): Promise<Rejection[]> {
  const rows = await tx.query<{ event_id: string; code: string; message: string }>(
    'SELECT event_id, code, message FROM rejections WHERE site_id = $1 AND event_id = ANY($2::uuid[])',
    [siteId, events.map((e) => e.eventId)],
  );
  const byId = new Map(rows.map((r) => [r.event_id, r]));
  return events.flatMap((e) => {
    const r = byId.get(e.eventId);
    return r ? [{ seq: e.seq, eventId: e.eventId, code: r.code, message: r.message }] : [];
  });
}
