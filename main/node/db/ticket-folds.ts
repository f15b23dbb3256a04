import { TURNS_MERGE } from './migrations/010-report-folds';
import { SqlStore } from './sql-store';

/**
 * Events folded per transaction: a few milliseconds of the one writer at a time, so requests are
 * served between batches when there is a backlog (a restored hub's recovered events).
 */
export const FOLD_BATCH = 2_000;

/** The events (from, to] into the tickets' turns: one upsert per event, as migration 010's trigger did (its merge does not depend on the order). */
const FOLD_TURNS = `
  INSERT INTO report_ticket_turns
    SELECT service_date, ticket_id,
      CASE WHEN type = 'issued' THEN at END, CASE WHEN type = 'issued' THEN service_id END,
      CASE WHEN type = 'called' THEN at END, CASE WHEN type = 'called' THEN at END,
      CASE WHEN type = 'started' THEN at END,
      type IN ('transferred', 'redirected'),
      type = 'issued' AND json_extract(data, '$.redirectedFrom') IS NOT NULL,
      id, type, at, counter_id, staff_id
    FROM ticket_events WHERE id > @from AND id <= @to ORDER BY id
  ${TURNS_MERGE}`;

/**
 * A waiting spell open before the batch ends at its ticket's first event in the batch. Run before
 * the spells the batch opens are written. `+service_date`: the open spells' index by ticket, not
 * the primary key by day (every spell of the day for each ticket).
 */
const CLOSE_SPELLS = `
  UPDATE report_ticket_waits SET to_at = b.at
  FROM (SELECT service_date, ticket_id, at, min(id) FROM ticket_events WHERE id > @from AND id <= @to GROUP BY service_date, ticket_id) AS b
  WHERE report_ticket_waits.ticket_id = b.ticket_id AND +report_ticket_waits.service_date = b.service_date AND report_ticket_waits.to_at IS NULL`;

/** The spells the batch opens (an issue, a transfer, a return), each ended by its ticket's next event in the batch if there is one. */
const OPEN_SPELLS = `
  INSERT INTO report_ticket_waits (service_date, service_id, from_at, event_id, ticket_id, to_at)
    SELECT service_date, service_id, at, id, ticket_id, next_at FROM (
      SELECT id, type, ticket_id, service_date, service_id, at, lead(at) OVER (PARTITION BY service_date, ticket_id ORDER BY id) AS next_at
      FROM ticket_events WHERE id > @from AND id <= @to)
    WHERE type IN ('issued', 'transferred', 'returned')`;

/**
 * Folds the ticket events into the reports' tables (migration 010: a ticket's turn per day, its
 * waiting spells) after they are written, in batches, instead of by a trigger in the transaction
 * that issues the ticket (migration 011: ticket issue must not get slower for the reports). Folding
 * the events in the order of their ids gives what the triggers gave (test/unit/db/report-folds.test.ts).
 * `report_fold_marks` holds the last event folded, in the same transaction as the folds: a crash
 * between batches folds nothing twice and loses nothing.
 */
export class TicketFolds extends SqlStore {
  /** Whether events wait to be folded: cheap enough to ask every second. */
  pending(): boolean {
    return this.sql<[], number>(`SELECT (SELECT max(id) FROM ticket_events) > (SELECT folded_to FROM report_fold_marks WHERE log = 'ticket_events')`).pluck().get() === 1;
  }

  /** Folds up to `limit` events after the mark; how many it folded. Runs in the caller's transaction. */
  foldNext(limit: number = FOLD_BATCH): number {
    const from = this.sql<[], number>(`SELECT folded_to FROM report_fold_marks WHERE log = 'ticket_events'`).pluck().get()!;
    const batch = this.sql<[number, number], { n: number; to: number | null }>('SELECT count(*) AS n, max(id) AS "to" FROM (SELECT id FROM ticket_events WHERE id > ? ORDER BY id LIMIT ?)').get(from, limit)!;
    if (batch.to === null) return 0;
    const range = { from, to: batch.to };
    this.sql(FOLD_TURNS).run(range);
    this.sql(CLOSE_SPELLS).run(range);
    this.sql(OPEN_SPELLS).run(range);
    this.sql(`UPDATE report_fold_marks SET folded_to = ? WHERE log = 'ticket_events'`).run(batch.to);
    return batch.n;
  }
}
