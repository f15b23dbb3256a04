import type { DossierStatus } from '../../../contract/dossier';
import { DOSSIER_RATED } from '../../core/rating-rules';
import type { CounterSpan, QueueLeg } from '../../core/reports/queue';
import { VN_OFFSET_MS } from '../../core/vn-time';
import { SqlStore } from './sql-store';

const DAY_MS = 86_400_000;

/** Where a ticket's turn ended and who ended it; null = any. */
export interface QueueFilter {
  readonly serviceId: string | null;
  readonly counterId: string | null;
  readonly staffId: string | null;
}

/** Which dossiers: by procedure code, channel, the officer who took them in; null = any. */
export interface DossierFilter {
  readonly procedureCode: string | null;
  readonly channel: 'direct' | 'postal' | null;
  readonly staffId: string | null;
}

/** `count` receipts of one procedure and channel on one day whose first scans were on one day (or none), by the earliest of each. */
export interface ReceivedRow { procedure_code: string; procedure_name: string; field: string; channel: 'direct' | 'postal'; received_at: number; first_scan_at: number | null; count: number }
export interface IntakeRow { first_type: string; refused: number; count: number }
export interface HandledRow { received_at: number; due_at: number; first_extension_previous_due: number | null; handled_at: number }
export interface DueRow { id: string; code: string | null; procedure_name: string; officer_name: string; status: DossierStatus; received_at: number | null; due_at: number }
export interface RatingReportRow { subject: 'ticket' | 'dossier'; counter_id: string | null; staff_id: string | null; score: string; score_label: string; reasons: string }

/** The statuses of a dossier with the back office, its clock running: the ones that can be overdue. */
const RUNNING: readonly DossierStatus[] = ['received', 'forwarded', 'processing'];

/**
 * The tickets of the period that continue a citizen's visit (moved to the back of another service:
 * their issue names the ticket they came from). Spelt as migration 009's partial index
 * `ticket_events_continuing` is, so that SQLite reads that small index, not every issue's row.
 */
const CONTINUING = `SELECT ticket_id FROM ticket_events WHERE service_date BETWEEN @from AND @to AND type = 'issued' AND json_extract(data, '$.redirectedFrom') IS NOT NULL`;

/**
 * The dossier of each event a report counts, through migration 009's covering index: SQLite,
 * without statistics, would go through the primary key's index and then the wide row.
 */
const DOSSIER_OF_EVENT = 'dossiers d INDEXED BY dossiers_for_reports ON d.id = e.dossier_id JOIN procedure_versions p ON p.id = d.procedure_version_id';

const DOSSIER_FILTER = `(@procedureCode IS NULL OR p.code = @procedureCode) AND (@channel IS NULL OR d.channel = @channel) AND (@staffId IS NULL OR d.officer_id = @staffId)`;

/**
 * The report queries: every figure is read from the logs the hub keeps (ticket events, dossier
 * history, ratings, counter sessions), never from counters kept on the side. The rules that turn
 * these rows into figures are in main/core/reports.
 */
export class ReportStore extends SqlStore {
  /**
   * Every ticket with events on the service dates of the period, one row per ticket: its issue,
   * first and last call, start, whether it was moved, and its last event (how its turn ended,
   * where and by whom: the counter and officer filters apply there; the service filter to the
   * service the number was taken for).
   */
  queueLegs(fromDate: string, toDate: string, f: QueueFilter): QueueLeg[] {
    type Row = { issued_at: number; continues: number; first_called_at: number | null; last_called_at: number | null; started_at: number | null; moved: number; last_type: string; last_at: number; counter_id: string | null };
    return this.sql<[Record<string, string | null>], Row>(
      `WITH legs AS (
         SELECT ticket_id, max(id) AS last_id,
           min(CASE WHEN type = 'issued' THEN at END) AS issued_at,
           min(CASE WHEN type = 'issued' THEN service_id END) AS issued_service_id,
           min(CASE WHEN type = 'called' THEN at END) AS first_called_at,
           max(CASE WHEN type = 'called' THEN at END) AS last_called_at,
           max(CASE WHEN type = 'started' THEN at END) AS started_at,
           max(CASE WHEN type IN ('transferred', 'redirected') THEN 1 ELSE 0 END) AS moved
         FROM ticket_events WHERE service_date BETWEEN @from AND @to GROUP BY service_date, ticket_id)
       SELECT l.issued_at, l.ticket_id IN (${CONTINUING}) AS continues, l.first_called_at, l.last_called_at, l.started_at, l.moved, e.type AS last_type, e.at AS last_at, e.counter_id
       FROM legs l JOIN ticket_events e ON e.id = l.last_id
       WHERE l.issued_at IS NOT NULL
         AND (@serviceId IS NULL OR l.issued_service_id = @serviceId)
         AND (@counterId IS NULL OR e.counter_id = @counterId)
         AND (@staffId IS NULL OR e.staff_id = @staffId)`,
    )
      .all({ from: fromDate, to: toDate, serviceId: f.serviceId, counterId: f.counterId, staffId: f.staffId })
      .map((r) => ({
        issuedAt: r.issued_at, continues: r.continues === 1, firstCalledAt: r.first_called_at, lastCalledAt: r.last_called_at,
        startedAt: r.started_at, moved: r.moved === 1, lastType: r.last_type, lastAt: r.last_at, counterId: r.counter_id,
      }));
  }

  /**
   * Every spell a ticket spent waiting for a service on the period's service dates: from the event
   * that put it in a queue (its issue, a transfer, being brought back) to its next event, or open.
   */
  waitingSpells(fromDate: string, toDate: string, serviceId: string | null): { serviceId: string; serviceDate: string; from: number; to: number | null }[] {
    return this.sql<[Record<string, string | null>], { service_id: string; service_date: string; at: number; next_at: number | null }>(
      `SELECT service_id, service_date, at, next_at FROM (
         SELECT type, at, service_id, service_date, lead(at) OVER (PARTITION BY service_date, ticket_id ORDER BY id) AS next_at
         FROM ticket_events WHERE service_date BETWEEN @from AND @to)
       WHERE type IN ('issued', 'transferred', 'returned') AND (@serviceId IS NULL OR service_id = @serviceId)`,
    )
      .all({ from: fromDate, to: toDate, serviceId })
      .map((r) => ({ serviceId: r.service_id, serviceDate: r.service_date, from: r.at, to: r.next_at }));
  }

  /** Counter sessions overlapping [start, end), of one officer or all. */
  counterSpans(start: number, end: number, staffId: string | null): CounterSpan[] {
    return this.sql<[Record<string, number | string | null>], { counter_id: string; opened_at: number; closed_at: number | null }>(
      `SELECT counter_id, opened_at, closed_at FROM counter_sessions
       WHERE opened_at < @end AND (closed_at IS NULL OR closed_at > @start) AND (@staffId IS NULL OR staff_id = @staffId)`,
    )
      .all({ start, end, staffId })
      .map((r) => ({ counterId: r.counter_id, openedAt: r.opened_at, closedAt: r.closed_at }));
  }

  /**
   * Dossiers given their code in [start, end) (their `received` event), with their first scan:
   * counted by procedure, channel, receipt day and first scan's day (Vietnam days), the earliest
   * instants of each group standing for it — a year's receipts are hundreds of thousands of rows,
   * their groups a few thousand, and every rule applied to them (digitised at intake: a scan by the
   * end of the receipt day) looks at those days only. Latest receipt last (a procedure's name is
   * the one of its latest version).
   */
  received(start: number, end: number, f: DossierFilter): ReceivedRow[] {
    return this.sql<[Record<string, number | string | null>], ReceivedRow>(
      `SELECT procedure_code, procedure_name, field, channel, min(received_at) AS received_at, min(first_scan_at) AS first_scan_at, count(*) AS count FROM (
         SELECT p.code AS procedure_code, p.name AS procedure_name, p.field, d.channel, e.at AS received_at,
           (SELECT min(s.at) FROM dossier_events s WHERE s.dossier_id = d.id AND s.type = 'file_attached') AS first_scan_at
         FROM dossier_events e JOIN ${DOSSIER_OF_EVENT}
         WHERE e.type = 'received' AND e.at >= @start AND e.at < @end AND ${DOSSIER_FILTER})
       GROUP BY procedure_code, procedure_name, field, channel, (received_at + ${VN_OFFSET_MS}) / ${DAY_MS}, (first_scan_at + ${VN_OFFSET_MS}) / ${DAY_MS}
       ORDER BY max(received_at)`,
    ).all({ start, end, ...f });
  }

  /**
   * Dossiers first brought to the desk in [start, end), counted by how their intake ended (their
   * first event: received, papers asked for, refused) and whether they were refused since.
   */
  intakes(start: number, end: number, f: DossierFilter): IntakeRow[] {
    return this.sql<[Record<string, number | string | null>], IntakeRow>(
      `SELECT first_type, refused, count(*) AS count FROM (
         SELECT e.type AS first_type, EXISTS (SELECT 1 FROM dossier_events r WHERE r.dossier_id = d.id AND r.type = 'refused') AS refused
         FROM dossier_events e JOIN ${DOSSIER_OF_EVENT}
         WHERE e.type IN ('received', 'supplement_requested', 'refused') AND e.at >= @start AND e.at < @end
           AND NOT EXISTS (SELECT 1 FROM dossier_events x WHERE x.dossier_id = e.dossier_id AND x.id < e.id) AND ${DOSSIER_FILTER})
       GROUP BY first_type, refused`,
    ).all({ start, end, ...f });
  }

  /** Dossiers whose result became ready (their first `resultReady` event) in [start, end), with the due times to score them by. */
  handled(start: number, end: number, f: DossierFilter): HandledRow[] {
    return this.sql<[Record<string, number | string | null>], HandledRow>(
      `SELECT d.received_at, d.due_at, e.at AS handled_at,
         (SELECT x.previous_due FROM dossier_extensions x WHERE x.dossier_id = d.id ORDER BY x.at LIMIT 1) AS first_extension_previous_due
       FROM dossier_events e JOIN ${DOSSIER_OF_EVENT}
       WHERE e.type = 'resultReady' AND e.at >= @start AND e.at < @end AND d.due_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM dossier_events x WHERE x.dossier_id = e.dossier_id AND x.type = 'resultReady' AND x.id < e.id) AND ${DOSSIER_FILTER}`,
    ).all({ start, end, ...f });
  }

  /** Dossiers with the back office, clock running, due by `until` (overdue ones included), soonest first. */
  dueBy(until: number, f: DossierFilter): DueRow[] {
    return this.sql<[Record<string, number | string | null>], DueRow>(
      `SELECT d.id, d.code, p.name AS procedure_name, coalesce(s.full_name, '') AS officer_name, d.status, d.received_at, d.due_at
       FROM dossiers d JOIN procedure_versions p ON p.id = d.procedure_version_id LEFT JOIN staff s ON s.id = d.officer_id
       WHERE d.status IN (SELECT value FROM json_each(@running)) AND d.due_at <= @until AND ${DOSSIER_FILTER}
       ORDER BY d.due_at, d.code`,
    ).all({ until, running: JSON.stringify(RUNNING), ...f });
  }

  /** When the longest-waiting ticket of each service joined the queue (its place, kept through transfers). */
  oldestWaiting(serviceDate: string): Map<string, number> {
    const rows = this.sql<[string], { service_id: string; since: number }>(
      `SELECT service_id, min(queue_entered_at) AS since FROM tickets WHERE service_date = ? AND status = 'waiting' GROUP BY service_id`,
    ).all(serviceDate);
    return new Map(rows.map((r) => [r.service_id, r.since]));
  }

  /**
   * Ratings given in [start, end): of tickets, by the counter and officer who served them, and of
   * dossiers (their history's `rated` entries), by the tablet's counter and the officer who handed
   * the result over. A dossier counts for a service through the ticket it was taken in with.
   */
  ratings(start: number, end: number, f: QueueFilter): RatingReportRow[] {
    return this.sql<[Record<string, number | string | null>], RatingReportRow>(
      `SELECT 'ticket' AS subject, r.counter_id, r.staff_id, r.score, r.score_label, r.reasons, r.at FROM ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE r.at >= @start AND r.at < @end AND (@serviceId IS NULL OR t.service_id = @serviceId)
         AND (@counterId IS NULL OR r.counter_id = @counterId) AND (@staffId IS NULL OR r.staff_id = @staffId)
       UNION ALL
       SELECT 'dossier', r.counter_id, r.staff_id, r.score, r.score_label, r.reasons, r.at FROM (
         SELECT e.at, json_extract(e.data, '$.counterId') AS counter_id, json_extract(e.data, '$.officerId') AS staff_id,
           json_extract(e.data, '$.score') AS score, json_extract(e.data, '$.scoreLabel') AS score_label, json_extract(e.data, '$.reasons') AS reasons,
           (SELECT t.service_id FROM dossiers d JOIN tickets t ON t.id = d.ticket_id WHERE d.id = e.dossier_id) AS service_id
         FROM dossier_events e WHERE e.type = @rated AND e.at >= @start AND e.at < @end) r
       WHERE (@serviceId IS NULL OR r.service_id = @serviceId)
         AND (@counterId IS NULL OR r.counter_id = @counterId) AND (@staffId IS NULL OR r.staff_id = @staffId)
       ORDER BY at`,
    ).all({ start, end, rated: DOSSIER_RATED, ...f });
  }
}
