import type { Logger } from 'pino';
import type { Rejection } from '../../contract/sync';
import { loggableError, sqlState, type Db, type Queryable } from '../db/db';
import { ensureCurrentPartitions, NO_PARTITION } from '../db/partitions';
import type { Decoders } from '../projection/decode';
import { checkEvents, type CheckedEvent, type PushEnvelope } from './event-check';
import { appendEvents, ID_CONFLICT, notStorable } from './append';

export type PushOutcome =
  | { readonly kind: 'ok'; readonly ackedThrough: number; readonly rejections: Rejection[] }
  /** The events before the gap are committed; the hub resends from expectedSeq. */
  | { readonly kind: 'gap'; readonly expectedSeq: number; readonly ackedThrough: number }
  /** A committed seq arrived with another payload: nothing of the request was committed. */
  | { readonly kind: 'conflict'; readonly seq: number }
  /** An event's hash does not match its content: nothing of the request was committed. */
  | { readonly kind: 'hashMismatch'; readonly seq: number }
  /** An event without the keys that place it in a stream: nothing of the request was committed. */
  | { readonly kind: 'malformed'; readonly seq: number | null; readonly message: string }
  /** The request would open one stream too many for the site: nothing was committed. */
  | { readonly kind: 'tooManyStreams'; readonly max: number };

export interface PushOptions {
  /** The hub's version as it announced itself (recorded on the stream). */
  readonly appVersion?: string;
  /** Runs after every write of the push and before COMMIT (the tests' crash point). */
  readonly beforeCommit?: () => void;
  /** Streams (incarnations) a site may have; a new one beyond this is refused. */
  readonly maxStreams: number;
  readonly log: Logger;
}

class Abort extends Error {
  constructor(readonly outcome: PushOutcome) {
    super(outcome.kind);
  }
}

/**
 * One push (docs/SYNC.md, "Push"), in one transaction. Every event is judged before the database
 * sees it (central/sync/event-check.ts). A push whose month has no `events` partition yet creates
 * it and runs again: the failed attempt committed nothing.
 */
export async function push(db: Db, siteId: string, req: PushEnvelope, decoders: Decoders, options: PushOptions): Promise<PushOutcome> {
  const checked = checkEvents(req.events);
  if (checked.kind !== 'ok') return checked;
  const run = () => db.transaction((tx) => pushInTransaction(tx, siteId, req, checked.events, decoders, options));
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

async function pushInTransaction(
  tx: Queryable, siteId: string, req: PushEnvelope, checked: readonly CheckedEvent[], decoders: Decoders, options: PushOptions,
): Promise<PushOutcome> {
  const { incarnation } = req;
  // A site's pushes run one at a time (whatever their stream): arrival order in `events` is then
  // the order its projections were folded in. NO KEY UPDATE leaves foreign-key checks unblocked.
  await tx.query('SELECT 1 FROM sites WHERE site_id = $1 FOR NO KEY UPDATE', [siteId]);
  const created = await tx.query(
    'INSERT INTO streams (site_id, incarnation, base_seq, last_seq) VALUES ($1, $2, $3::bigint, $3::bigint - 1) ON CONFLICT (site_id, incarnation) DO NOTHING RETURNING 1',
    [siteId, incarnation, req.baseSeq],
  );
  // A new incarnation comes with a reinstall or a restore: a handful in a site's life. A hub (or a
  // stolen credential) opening streams without end would fill the table.
  if (created.length > 0) {
    const [n] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM streams WHERE site_id = $1', [siteId]);
    if (Number(n!.n) > options.maxStreams) throw new Abort({ kind: 'tooManyStreams', max: options.maxStreams });
    // The newest stream is the site's current one: the ones before it belong to copies of the
    // database the site no longer runs (what they hold past this stream's start was left behind).
    await tx.query('UPDATE streams SET superseded_by = $2 WHERE site_id = $1 AND incarnation <> $2 AND superseded_by IS NULL', [siteId, incarnation]);
  }
  const [stream] = await tx.query<{ last_seq: number }>('SELECT last_seq FROM streams WHERE site_id = $1 AND incarnation = $2 FOR UPDATE', [siteId, incarnation]);
  const startSeq = stream!.last_seq;

  const events = [...checked].sort((a, b) => a.e.seq - b.e.seq);
  const seen = events.filter((c) => c.e.seq <= startSeq).map((c) => c.e.seq);
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
  const accepted: CheckedEvent[] = [];
  for (const c of events) {
    const { e } = c;
    if (e.seq <= last) {
      // No record below the stream's start: acknowledged under an earlier incarnation.
      const known = committed.get(e.seq) ?? accepted.find((a) => a.e.seq === e.seq)?.e.hash;
      if (known !== undefined && known !== e.hash) throw new Abort({ kind: 'conflict', seq: e.seq });
      continue;
    }
    if (e.seq > last + 1) {
      gap = true;
      break;
    }
    accepted.push(c);
    last = e.seq;
  }

  if (accepted.length > 0) {
    await appendOneByOneIfNeeded(tx, siteId, incarnation, accepted, decoders, options.log);
    await tx.query(
      'UPDATE streams SET last_seq = $3, updated_at = now(), site_time = $4, app_version = $5 WHERE site_id = $1 AND incarnation = $2',
      [siteId, incarnation, last, req.siteTime, options.appVersion ?? null],
    );
  }
  const outcome: PushOutcome = gap
    ? { kind: 'gap', expectedSeq: last + 1, ackedThrough: last }
    : { kind: 'ok', ackedThrough: last, rejections: await rejectionsFor(tx, siteId, incarnation, events) };
  options.beforeCommit?.();
  return outcome;
}

/**
 * The accepted events in one go, each statement covering the whole batch. Should the database
 * still refuse one of them (something the checks before it did not foresee), the batch is undone
 * to its savepoint and stored again event by event, each under its own savepoint: the event the
 * database refuses is kept verbatim as rejected (`EVENT_NOT_STORABLE`) and the others go in.
 */
async function appendOneByOneIfNeeded(tx: Queryable, siteId: string, incarnation: string, accepted: readonly CheckedEvent[], decoders: Decoders, log: Logger): Promise<void> {
  const attempt = async (name: string, events: readonly CheckedEvent[]): Promise<unknown> => {
    await tx.query(`SAVEPOINT ${name}`);
    try {
      await appendEvents(tx, siteId, incarnation, events, decoders);
      await tx.query(`RELEASE SAVEPOINT ${name}`);
      return null;
    } catch (e) {
      if (!notStorable(e)) throw e;
      await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
      return e;
    }
  };
  if ((await attempt('push_batch', accepted)) === null) return;
  for (const c of accepted) {
    const error = await attempt('push_event', [c]);
    if (error === null) continue;
    log.error({ err: loggableError(error), siteId, seq: c.e.seq, type: c.e.type.slice(0, 80) }, 'the database refused an event the checks let through: kept as rejected');
    await appendEvents(tx, siteId, incarnation, [{ ...c, problem: { code: 'EVENT_NOT_STORABLE', message: 'Máy chủ tỉnh không lưu được sự kiện này vào sổ sự kiện: giữ nguyên văn và không tính vào số liệu.' } }], decoders);
  }
}

/**
 * The rejections of the request's events, wherever and whenever they were decided: a batch sent
 * again (its answer was lost) gets the same rejections as the first time, and so does an event
 * sent again under a new incarnation (by its id). Reported under the seq the hub sent them with.
 */
async function rejectionsFor(tx: Queryable, siteId: string, incarnation: string, events: readonly CheckedEvent[]): Promise<Rejection[]> {
  const rows = await tx.query<{ incarnation: string; seq: number; event_id: string; code: string; message: string }>(
    `SELECT incarnation, seq, event_id, code, message FROM rejections
     WHERE site_id = $1 AND ((incarnation = $2 AND seq = ANY($3::bigint[])) OR event_id = ANY($4::uuid[]))`,
    [siteId, incarnation, events.map((c) => c.e.seq), events.map((c) => c.e.eventId)],
  );
  const bySeq = new Map(rows.filter((r) => r.incarnation === incarnation).map((r) => [r.seq, r]));
  // An id conflict is a verdict on the later event only, never on the one first stored under the id.
  const byId = new Map(rows.filter((r) => r.code !== ID_CONFLICT).map((r) => [r.event_id, r]));
  return events.flatMap(({ e }) => {
    const r = bySeq.get(e.seq) ?? byId.get(e.eventId);
    return r ? [{ seq: e.seq, eventId: e.eventId, code: r.code, message: r.message }] : [];
  });
}
