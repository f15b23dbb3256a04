import type { Feed } from '../../../contract/sync';
import { SqlStore } from './sql-store';

export interface StreamRow { incarnation: string; base_seq: number; acked_through: number; started_at: number }
export interface OutboxRow { seq: number; event_id: string; type: string; version: number; aggregate_id: string; payload: string; created_at: number }

/** Where the hub stands with the central: streams and their acknowledgements, rejections, feed cursors. */
export class SyncStore extends SqlStore {
  stream(incarnation: string): StreamRow | null {
    return this.sql<[string], StreamRow>('SELECT * FROM sync_streams WHERE incarnation = ?').get(incarnation) ?? null;
  }

  /** Every stream this database has written (the current one and those before it). */
  incarnations(): string[] {
    return this.sql<[], { incarnation: string }>('SELECT incarnation FROM sync_streams').all().map((r) => r.incarnation);
  }

  startStream(incarnation: string, baseSeq: number, now: number): void {
    this.sql('INSERT INTO sync_streams (incarnation, base_seq, acked_through, started_at) VALUES (?, ?, ?, ?)').run(incarnation, baseSeq, baseSeq - 1, now);
  }

  /** Outbox rows after `afterSeq`, oldest first, up to a count. */
  pending(afterSeq: number, limit: number): OutboxRow[] {
    return this.sql<[number, number], OutboxRow>('SELECT seq, event_id, type, version, aggregate_id, payload, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit);
  }

  /**
   * How many events wait and since when, in two key lookups: outbox seqs above the acknowledgement
   * have no holes (one AUTOINCREMENT; pruning deletes only acknowledged rows), so counting is a subtraction — a month's backlog of
   * 100 000 rows must not cost a scan each time a counter's sync badge asks.
   */
  pendingStats(afterSeq: number): { count: number; oldest: number | null } {
    const oldest = this.sql<[number], { created_at: number }>('SELECT created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT 1').get(afterSeq);
    return { count: oldest ? Math.max(0, this.lastSeq() - afterSeq) : 0, oldest: oldest?.created_at ?? null };
  }

  /** Seq and age of the outbox rows after `afterSeq`, oldest first: what pruning looks at. */
  outboxAges(afterSeq: number, limit: number): { seq: number; created_at: number }[] {
    return this.sql<[number, number], { seq: number; created_at: number }>('SELECT seq, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit);
  }

  /**
   * Deletes the outbox rows in (`after`, `through`] but those the central rejected (staff still
   * read them with their reason). AUTOINCREMENT never hands a deleted seq out again.
   */
  prune(after: number, through: number): number {
    return this.sql('DELETE FROM outbox WHERE seq > ? AND seq <= ? AND seq NOT IN (SELECT seq FROM sync_rejections)').run(after, through).changes;
  }

  /**
   * The highest seq the outbox ever handed out, whatever was pruned since (AUTOINCREMENT keeps it):
   * what this database wrote of its streams, to compare with what the central holds of them.
   */
  writtenThrough(): number {
    return this.sql<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get()?.seq ?? 0;
  }

  lastSeq(): number {
    return this.sql<[], { seq: number | null }>('SELECT max(seq) AS seq FROM outbox').get()!.seq ?? 0;
  }

  /** Only forward: an older acknowledgement arriving late must not undo a newer one. */
  markAcked(incarnation: string, through: number): void {
    this.sql('UPDATE sync_streams SET acked_through = max(acked_through, ?) WHERE incarnation = ?').run(through, incarnation);
  }

  /** The central lost the end of this stream (restored from a backup): send again from `through + 1`. */
  rewindAck(incarnation: string, through: number): void {
    this.sql('UPDATE sync_streams SET acked_through = ? WHERE incarnation = ?').run(through, incarnation);
  }

  addRejection(r: { seq: number; eventId: string; code: string; message: string }, now: number): void {
    this.sql('INSERT INTO sync_rejections (seq, event_id, code, message, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING').run(r.seq, r.eventId, r.code, r.message, now);
  }

  rejections(limit: number): { seq: number; event_id: string; code: string; message: string; at: number; type: string }[] {
    return this.sql<[number], { seq: number; event_id: string; code: string; message: string; at: number; type: string }>(
      'SELECT r.*, o.type FROM sync_rejections r JOIN outbox o ON o.seq = r.seq ORDER BY r.seq DESC LIMIT ?',
    ).all(limit);
  }

  cursor(feed: Feed): number {
    return this.sql<[string], { cursor: number }>('SELECT cursor FROM feed_cursors WHERE feed = ?').get(feed)?.cursor ?? 0;
  }

  setCursor(feed: Feed, cursor: number, now: number): void {
    this.sql('INSERT INTO feed_cursors (feed, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at').run(feed, cursor, now);
  }
}
