import { deskJson } from '../../core/desk-text';
import { SqlStore } from './sql-store';
import { uuidv7 } from './uuidv7';

/**
 * The sync outbox. Every change the central must know is appended here by the same transaction
 * that makes the change (callers are inside `db.transaction`), never found later by scanning.
 */
export class OutboxStore extends SqlStore {

  /** Appends an event; its strings are cleaned of what the central cannot store (main/core/desk-text.ts). */
  append(type: string, version: number, aggregateId: string, payload: unknown, now: number): number {
    const r = this
      .sql('INSERT INTO outbox (event_id, type, version, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(uuidv7(now), type, version, aggregateId, deskJson(payload), now);
    return Number(r.lastInsertRowid);
  }

  has(eventId: string): boolean {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE event_id = ?').get(eventId)!.n > 0;
  }

  /**
   * An event of this site fetched back from the central after a restore, appended as it was sent
   * (its id, type, payload text and time unchanged): the new stream sends it again and the central
   * recognises it by its id, so the outbox stays the site's whole history.
   */
  appendRecovered(e: { eventId: string; type: string; version: number; aggregateId: string; payload: string; createdAt: number }): void {
    this.sql('INSERT INTO outbox (event_id, type, version, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.eventId, e.type, e.version, e.aggregateId, e.payload, e.createdAt);
  }
}
