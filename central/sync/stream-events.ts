import type { WireEvent } from '../../contract/sync';
import type { Queryable } from '../db/db';

export interface StreamPage {
  /** The stream's events after the cursor, in seq order, as the site sent them. */
  readonly events: WireEvent[];
  /** Seqs acknowledged whose event the log does not hold (kept verbatim as a rejection only). */
  readonly unavailable: { seq: number; eventId: string }[];
  /** The highest seq this page covers (the next page starts after it). */
  readonly through: number;
  readonly hasMore: boolean;
}

/**
 * A page of one of a site's streams, read back for the site itself (a hub restored from an older
 * copy fetches what it lost: docs/SYNC.md, "Incarnations and restored backups"). Every seq comes
 * from the stream's index; its event from the log by its id, wherever it was first stored (an
 * event re-sent under a later stream is stored once). One index range and one probe per event.
 */
export async function streamPage(db: Queryable, siteId: string, incarnation: string, after: number, limit: number): Promise<StreamPage | null> {
  const [stream] = await db.query('SELECT 1 FROM streams WHERE site_id = $1 AND incarnation = $2', [siteId, incarnation]);
  if (!stream) return null;
  const rows = await db.query<{
    seq: number; event_id: string; type: string | null; version: number | null; aggregate_id: string | null; payload: string | null; hash: string | null; created_at: Date | null;
  }>(
    `SELECT i.seq, i.event_id, e.type, e.version, e.aggregate_id, e.payload, e.hash, e.site_created_at AS created_at
     FROM event_index i
     LEFT JOIN LATERAL (
       SELECT type, version, aggregate_id, payload, hash, site_created_at FROM events x WHERE x.site_id = i.site_id AND x.event_id = i.event_id LIMIT 1
     ) e ON true
     WHERE i.site_id = $1 AND i.incarnation = $2 AND i.seq > $3
     ORDER BY i.seq LIMIT $4`,
    [siteId, incarnation, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const events: WireEvent[] = [];
  const unavailable: { seq: number; eventId: string }[] = [];
  for (const r of page) {
    const seq = Number(r.seq);
    if (r.type === null) unavailable.push({ seq, eventId: r.event_id });
    else {
      events.push({
        seq, eventId: r.event_id, type: r.type, version: r.version!, aggregateId: r.aggregate_id!, payload: r.payload!,
        createdAt: r.created_at!.toISOString(), hash: r.hash!,
      });
    }
  }
  return { events, unavailable, through: page.length > 0 ? Number(page.at(-1)!.seq) : after, hasMore: rows.length > limit };
}
