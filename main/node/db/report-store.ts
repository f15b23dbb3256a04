import type { DossierStatus } from '../../../contract/dossier';
import { DOSSIER_RATED } from '../../core/rating-rules';
import type { BookingFact } from '../../core/reports/appointments';
import type { MonthlyDossier } from '../../core/reports/monthly';
import type { CounterSpan, QueueLeg } from '../../core/reports/queue';
import { vnDayNumber } from '../../core/vn-time';
import { SqlStore } from './sql-store';

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

/** The dossier filter on migration 010's fold (`f`): a procedure by its code, whichever version. */
const FACT_FILTER = `(@procedureCode IS NULL OR f.procedure_version_id IN (SELECT id FROM procedure_versions WHERE code = @procedureCode))
  AND (@channel IS NULL OR f.channel = @channel) AND (@staffId IS NULL OR f.officer_id = @staffId)`;

const DOSSIER_FILTER = `(@procedureCode IS NULL OR p.code = @procedureCode) AND (@channel IS NULL OR d.channel = @channel) AND (@staffId IS NULL OR d.officer_id = @staffId)`;

/**
 * The report queries: every figure is read from the logs the hub keeps (ticket events, dossier
 * history, ratings, counter sessions), never from counters kept on the side — the tickets' turns
 * and waits and the dossiers' facts through migration 010's folds of those logs, kept by triggers
 * with each event and rebuilt from the logs by the migration. The rules that turn these rows into
 * figures are in main/core/reports.
 */
export class ReportStore extends SqlStore {
  /**
   * Every ticket with events on the service dates of the period, one row per ticket: its issue,
   * first and last call, start, whether it was moved, and its last event (how its turn ended,
   * where and by whom: the counter and officer filters apply there; the service filter to the
   * service the number was taken for).
   */
  queueLegs(fromDate: string, toDate: string, f: QueueFilter): QueueLeg[] {
    type Row = [issuedAt: number, continues: number, firstCalledAt: number | null, lastCalledAt: number | null, startedAt: number | null, moved: number, lastType: string, lastAt: number, counterId: string | null];
    return this.tuples<Row, [Record<string, string | null>]>(
      `SELECT issued_at, continues, first_called_at, last_called_at, started_at, moved, last_type, last_at, last_counter_id FROM report_ticket_turns
       WHERE service_date BETWEEN @from AND @to AND issued_at IS NOT NULL
         AND (@serviceId IS NULL OR issued_service_id = @serviceId)
         AND (@counterId IS NULL OR last_counter_id = @counterId)
         AND (@staffId IS NULL OR last_staff_id = @staffId)`,
      ['issued_at', 'continues', 'first_called_at', 'last_called_at', 'started_at', 'moved', 'last_type', 'last_at', 'last_counter_id'],
      { from: fromDate, to: toDate, serviceId: f.serviceId, counterId: f.counterId, staffId: f.staffId },
    ).map(([issuedAt, continues, firstCalledAt, lastCalledAt, startedAt, moved, lastType, lastAt, counterId]) => ({
      issuedAt, continues: continues === 1, firstCalledAt, lastCalledAt, startedAt, moved: moved === 1, lastType, lastAt, counterId,
    }));
  }

  /**
   * Every spell a ticket spent waiting for a service on the period's service dates: from the event
   * that put it in a queue (its issue, a transfer, being brought back) to its next event, or open.
   */
  waitingSpells(fromDate: string, toDate: string, serviceId: string | null): { serviceId: string; serviceDate: string; from: number; to: number | null }[] {
    return this.tuples<[serviceId: string, serviceDate: string, from: number, to: number | null], [Record<string, string | null>]>(
      `SELECT service_id, service_date, from_at, to_at FROM report_ticket_waits WHERE service_date BETWEEN @from AND @to AND (@serviceId IS NULL OR service_id = @serviceId)`,
      ['service_id', 'service_date', 'from_at', 'to_at'],
      { from: fromDate, to: toDate, serviceId },
    ).map(([serviceId, serviceDate, from, to]) => ({ serviceId, serviceDate, from, to }));
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
   * counted by procedure version, channel, receipt day and first scan's day (Vietnam days), the earliest
   * instants of each group standing for it — a year's receipts are hundreds of thousands of rows,
   * their groups a few thousand, and every rule applied to them (digitised at intake: a scan by the
   * end of the receipt day) looks at those days only. Latest receipt last (a procedure's name is
   * the one of its latest version).
   */
  received(start: number, end: number, f: DossierFilter): ReceivedRow[] {
    return this.sql<[Record<string, number | string | null>], ReceivedRow>(
      `SELECT p.code AS procedure_code, p.name AS procedure_name, p.field, g.channel, g.received_at, g.first_scan_at, g.count FROM (
         SELECT f.procedure_version_id, f.channel, min(f.received_at) AS received_at, min(f.first_scan_at) AS first_scan_at, count(*) AS count, max(f.received_at) AS latest
         FROM report_dossier_facts f
         WHERE f.received_day BETWEEN @fromDay AND @toDay AND f.received_at >= @start AND f.received_at < @end AND ${FACT_FILTER}
         GROUP BY f.received_day, f.procedure_version_id, f.channel, f.first_scan_day) g
       JOIN procedure_versions p ON p.id = g.procedure_version_id
       ORDER BY g.latest`,
    ).all({ start, end, fromDay: vnDayNumber(start), toDay: vnDayNumber(end - 1), ...f });
  }

  /**
   * Dossiers first brought to the desk in [start, end), counted by how their intake ended (their
   * first event: received, papers asked for, refused) and whether they were refused since.
   */
  intakes(start: number, end: number, f: DossierFilter): IntakeRow[] {
    return this.sql<[Record<string, number | string | null>], IntakeRow>(
      `SELECT f.first_type, f.refused, count(*) AS count FROM report_dossier_facts f
       WHERE f.first_at >= @start AND f.first_at < @end AND f.first_type IN ('received', 'supplement_requested', 'refused') AND ${FACT_FILTER}
       GROUP BY f.first_type, f.refused`,
    ).all({ start, end, ...f });
  }

  /** Dossiers whose result became ready (their first `resultReady` event) in [start, end), with the due times to score them by. */
  handled(start: number, end: number, f: DossierFilter): HandledRow[] {
    return this.tuples<[receivedAt: number, dueAt: number, firstExtensionPreviousDue: number | null, handledAt: number], [Record<string, number | string | null>]>(
      `SELECT f.received_at, f.due_at, f.first_extension_previous_due, f.handled_at FROM report_dossier_facts f
       WHERE f.handled_at >= @start AND f.handled_at < @end AND f.due_at IS NOT NULL AND ${FACT_FILTER}`,
      ['received_at', 'due_at', 'first_extension_previous_due', 'handled_at'],
      { start, end, ...f },
    ).map(([received_at, due_at, first_extension_previous_due, handled_at]) => ({ received_at, due_at, first_extension_previous_due, handled_at }));
  }

  /**
   * The dossiers open at some time in [start, end) — received before its end, neither handled nor
   * withdrawn before its start — with their field, for the monthly report (main/core/reports/monthly.ts).
   */
  monthlyDossiers(start: number, end: number, f: DossierFilter): MonthlyDossier[] {
    return this.tuples<[field: string, receivedAt: number, handledAt: number | null, dueAt: number | null, firstExtensionPreviousDue: number | null, withdrawnAt: number | null], [Record<string, number | string | null>]>(
      `SELECT * FROM (
         SELECT p.field, f.received_at, f.handled_at, f.due_at, f.first_extension_previous_due,
           (SELECT min(w.at) FROM dossier_events w WHERE w.dossier_id = f.dossier_id AND w.type = 'withdrawn') AS withdrawn_at
         FROM report_dossier_facts f JOIN procedure_versions p ON p.id = f.procedure_version_id
         WHERE f.received_day <= @toDay AND f.received_at < @end AND (f.handled_at IS NULL OR f.handled_at >= @start) AND ${FACT_FILTER})
       WHERE withdrawn_at IS NULL OR withdrawn_at >= @start`,
      ['field', 'received_at', 'handled_at', 'due_at', 'first_extension_previous_due', 'withdrawn_at'],
      { start, end, toDay: vnDayNumber(end - 1), ...f },
    ).map(([field, receivedAt, handledAt, dueAt, firstExtensionPreviousDue, withdrawnAt]) => ({ field, receivedAt, handledAt, dueAt, firstExtensionPreviousDue, withdrawnAt }));
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

  /** Every booking whose slot falls on the period's dates (migration 016's `appointments`), of one service or all. */
  appointmentFacts(fromDate: string, toDate: string, serviceId: string | null): BookingFact[] {
    type Row = [serviceId: string, status: BookingFact['status'], slotAt: number, checkedInAt: number | null];
    return this.tuples<Row, [Record<string, string | null>]>(
      `SELECT service_id, status, slot_at, checked_in_at FROM appointments
       WHERE slot_date BETWEEN @from AND @to AND (@serviceId IS NULL OR service_id = @serviceId)`,
      ['service_id', 'status', 'slot_at', 'checked_in_at'],
      { from: fromDate, to: toDate, serviceId },
    ).map(([serviceId, status, slotAt, checkedInAt]) => ({ serviceId, status, slotAt, checkedInAt }));
  }
}
