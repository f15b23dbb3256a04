import { sqlState, type Queryable } from '../db/db';
import type { Decoders } from '../projection/decode';
import type { StoredEvent } from '../projection/fold';
import { insertRejections, projectNew, type NewRejection } from '../projection/project';
import type { CheckedEvent } from './event-check';

/** An event id already stored with other content, sent again at a new position (docs/SYNC.md). */
export const ID_CONFLICT = 'EVENT_ID_CONFLICT';

/**
 * A database error that is about the data of one event (a data exception, a program limit such as
 * the stack depth, V8 running out of stack), not about the database or the transaction: the event
 * is rejected, the batch goes on. Anything else (a lost connection, a serialization failure, a
 * missing partition) fails the push as before.
 */
export function notStorable(e: unknown): boolean {
  const state = sqlState(e);
  return e instanceof RangeError || (state !== null && (state.startsWith('22') || state.startsWith('54')));
}

const indexRows = (events: readonly CheckedEvent[]) => JSON.stringify(events.map(({ e }) => ({ seq: e.seq, eventId: e.eventId, hash: e.hash })));

/**
 * Stores the next seqs of a stream: every seq in the index; new events in the log (projected);
 * an event the log cannot hold, or an id already stored with other content, as a rejection that
 * keeps it verbatim. Every seq is acknowledged.
 */
export async function appendEvents(tx: Queryable, siteId: string, incarnation: string, accepted: readonly CheckedEvent[], decoders: Decoders): Promise<void> {
  // An event already stored under another (incarnation, seq) — resent after a restore — conflicts
  // on its event id: with the same hash it is a duplicate, recorded as such under its new seq and
  // not stored twice; with another hash it is rejected. (DO NOTHING also settles an id repeated
  // within the request.)
  const inserted = await tx.query<{ seq: number }>(
    `INSERT INTO event_index (site_id, incarnation, seq, event_id, hash, duplicate)
     SELECT $1, $2, x.seq, x."eventId", x.hash, false FROM json_to_recordset($3::json) AS x(seq bigint, "eventId" uuid, hash text)
     ON CONFLICT (site_id, event_id) WHERE NOT duplicate DO NOTHING
     RETURNING seq`,
    [siteId, incarnation, indexRows(accepted)],
  );
  const freshSeqs = new Set(inserted.map((r) => r.seq));
  const fresh = accepted.filter((c) => freshSeqs.has(c.e.seq));
  const again = accepted.filter((c) => !freshSeqs.has(c.e.seq));
  const rejected: NewRejection[] = [];
  const reject = (c: CheckedEvent, code: string, message: string, raw: boolean) =>
    rejected.push({ eventId: c.e.eventId, incarnation, seq: c.e.seq, code, message, raw: raw ? JSON.stringify(c.e) : null });

  if (again.length > 0) {
    await tx.query(
      `INSERT INTO event_index (site_id, incarnation, seq, event_id, hash, duplicate)
       SELECT $1, $2, x.seq, x."eventId", x.hash, true FROM json_to_recordset($3::json) AS x(seq bigint, "eventId" uuid, hash text)`,
      [siteId, incarnation, indexRows(again)],
    );
    const first = await tx.query<{ event_id: string; hash: string }>(
      'SELECT event_id, hash FROM event_index WHERE site_id = $1 AND event_id = ANY($2::uuid[]) AND NOT duplicate',
      [siteId, again.map((c) => c.e.eventId)],
    );
    const hashOf = new Map(first.map((r) => [r.event_id, r.hash]));
    for (const c of again) {
      if (hashOf.get(c.e.eventId) !== c.e.hash) {
        reject(c, ID_CONFLICT, 'Mã sự kiện này đã được nhận trước đây với nội dung khác: không ghi đè, không tính vào số liệu.', true);
      }
    }
  }

  for (const c of fresh) if (c.problem) reject(c, c.problem.code, c.problem.message, true);
  const storable = fresh.filter((c) => c.problem === null);
  if (storable.length > 0) {
    const ids = (await tx.query<{ id: number }>('SELECT nextval(\'events_id_seq\') AS id FROM generate_series(1, $1)', [storable.length]))
      .map((r) => r.id)
      .sort((a, b) => a - b);
    const rows: (StoredEvent & { c: CheckedEvent })[] = storable.map((c, i) => ({
      id: ids[i]!, type: c.e.type, version: c.e.version, aggregateId: c.e.aggregateId, payload: c.e.payload, c,
    }));
    const verdicts = await projectNew(tx, siteId, rows, decoders);
    await tx.query(
      `INSERT INTO events (id, site_id, incarnation, seq, event_id, type, version, aggregate_id, payload, hash, site_created_at, projected)
       SELECT x.id, $1, $2, x.seq, x."eventId", x.type, x.version, x."aggregateId", x.payload, x.hash, x."createdAt", x.projected
       FROM json_to_recordset($3::json) AS x(id bigint, seq bigint, "eventId" uuid, type text, version integer, "aggregateId" text,
         payload text, hash text, "createdAt" timestamptz, projected boolean)`,
      [siteId, incarnation, JSON.stringify(rows.map((r) => ({ ...r.c.e, id: r.id, projected: verdicts.get(r.id)?.kind === 'applied' })))],
    );
    for (const r of rows) {
      const v = verdicts.get(r.id);
      if (v?.kind === 'rejected') reject(r.c, v.code, v.message, false);
    }
  }
  if (rejected.length > 0) await insertRejections(tx, siteId, rejected);
}
