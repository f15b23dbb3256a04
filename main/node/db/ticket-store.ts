import type { Lang } from '../../../contract/locales';
import type { Call, NumberSequence, Ticket, TicketStatus } from '../../../contract/queue';
import type { Candidate } from '../../core/calling-order';
import { nextNumber } from '../../core/numbering';
import type { Db } from './open';
import { SqlStore } from './sql-store';
import type { OutboxStore } from './outbox-store';
import { uuidv7 } from './uuidv7';
import { isoOrNull } from '../../core/vn-time';

export interface TicketRow {
  id: string;
  service_date: string;
  sequence_id: string;
  number: number;
  display_code: string;
  service_id: string;
  priority_class_id: string | null;
  priority_weight: number | null;
  priority_label: string | null;
  language: Lang;
  source: Ticket['source'];
  status: TicketStatus;
  issued_at: number;
  queue_entered_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  staff_id: string | null;
  active_session_id: string | null;
  recall_count: number;
  parent_ticket_id: string | null;
  reserved_counter_id: string | null;
  call_reason_code: string | null;
  call_reason: string | null;
  est_wait_min: number | null;
  est_wait_max: number | null;
  /** The booking a checked-in appointment became (its slot time orders the call). */
  appointment_id: string | null;
}
type JoinedRow = TicketRow & { service_name: string; counter_number: number | null; appointment_time: string | null };

/** Columns a state change may set; the keys come from code, never from a request. */
export type TicketPatch = Partial<Omit<TicketRow, 'id' | 'service_date' | 'sequence_id' | 'number' | 'display_code' | 'issued_at' | 'source'>>;

export interface EventActor {
  readonly staffId: string | null;
  readonly deviceId: string | null;
  readonly counterId: string | null;
}

const SELECT_TICKET = `
  SELECT t.*, s.name AS service_name, c.number AS counter_number, a.slot_time AS appointment_time
  FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
  LEFT JOIN appointments a ON a.id = t.appointment_id`;


export function toTicket(r: JoinedRow): Ticket {
  return {
    id: r.id, serviceDate: r.service_date, number: r.number, displayCode: r.display_code, serviceId: r.service_id,
    serviceName: r.service_name, priorityClassId: r.priority_class_id, priorityLabel: r.priority_label, language: r.language, source: r.source,
    status: r.status, issuedAt: isoOrNull(r.issued_at)!, queueEnteredAt: isoOrNull(r.queue_entered_at)!, calledAt: isoOrNull(r.called_at),
    startedAt: isoOrNull(r.started_at), finishedAt: isoOrNull(r.finished_at), counterId: r.counter_id, counterNumber: r.counter_number,
    staffId: r.staff_id, recallCount: r.recall_count, parentTicketId: r.parent_ticket_id, reservedCounterId: r.reserved_counter_id,
    appointmentTime: r.appointment_time,
  };
}

type CandidateRow = Pick<TicketRow, 'id' | 'number' | 'display_code' | 'service_id' | 'priority_weight' | 'priority_label' | 'queue_entered_at' | 'reserved_counter_id'>;

/** A ticket as the calling rules see it; `appointmentAt` is read with the booking (absent: counted as a walk-in, for queue positions). */
export function toCandidate(r: CandidateRow & { appointment_at?: number | null }): Candidate {
  return {
    id: r.id, number: r.number, displayCode: r.display_code, serviceId: r.service_id, priorityWeight: r.priority_weight,
    priorityLabel: r.priority_label, queueEnteredAt: r.queue_entered_at, reservedCounterId: r.reserved_counter_id,
    appointmentAt: r.appointment_at ?? null,
  };
}

interface CallRow {
  id: number; ticket_id: string; kind: Call['kind']; at: number; display_code: string; counter_id: string;
  counter_number: number; counter_label: string; service_id: string; service_name: string; language: Lang;
  /** Read through the ticket's booking (`CALL_APPOINTMENT`), never stored on the call. */
  appointment_time: string | null;
}
/** A call's booking time: the call's ticket's booking, if any. */
const CALL_APPOINTMENT = `(SELECT a.slot_time FROM tickets t JOIN appointments a ON a.id = t.appointment_id WHERE t.id = c.ticket_id) AS appointment_time`;
const toCall = (r: CallRow): Call => ({
  id: r.id, at: isoOrNull(r.at)!, kind: r.kind, ticketId: r.ticket_id, displayCode: r.display_code, counterId: r.counter_id,
  counterNumber: r.counter_number, counterLabel: r.counter_label, serviceId: r.service_id, serviceName: r.service_name, language: r.language,
  appointmentTime: r.appointment_time,
});

/** One entry of a ticket's history as the hub reads it back. */
export interface TicketEventRow {
  type: string;
  at: number;
  counter_id: string | null;
  staff_id: string | null;
  data: string;
}

/**
 * Tickets, their numbering, the append-only event log and the call log. Every method runs in the
 * caller's transaction; `appendEvent` is the one write path for ticket history and writes the
 * outbox row for the central in the same transaction.
 */
export class TicketStore extends SqlStore {
  constructor(
    db: Db,
    private readonly outbox: OutboxStore,
  ) {
    super(db);
  }

  /** Takes the next number of a sequence for a service date (read-then-write is safe: one writer, one transaction). */
  allocateNumber(seq: NumberSequence, serviceDate: string): number {
    const number = nextNumber(seq, this.lastNumber(seq.id, serviceDate));
    this
      .sql(
        `INSERT INTO sequence_days (sequence_id, service_date, last_number) VALUES (?, ?, ?)
         ON CONFLICT (sequence_id, service_date) DO UPDATE SET last_number = excluded.last_number`,
      )
      .run(seq.id, serviceDate, number);
    return number;
  }

  lastNumber(sequenceId: string, serviceDate: string): number | null {
    return (
      this
        .sql<[string, string], { last_number: number }>('SELECT last_number FROM sequence_days WHERE sequence_id = ? AND service_date = ?')
        .get(sequenceId, serviceDate)?.last_number ?? null
    );
  }

  countIssued(serviceId: string, serviceDate: string): number {
    return this
      .sql<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM tickets WHERE service_id = ? AND service_date = ? AND parent_ticket_id IS NULL',
      )
      .get(serviceId, serviceDate)!.n;
  }

  insert(row: TicketRow): void {
    this
      .sql(
        `INSERT INTO tickets (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(', ')})`,
      )
      .run(row);
  }

  update(id: string, patch: TicketPatch): void {
    const keys = Object.keys(patch);
    if (keys.length === 0) return;
    this.sql(`UPDATE tickets SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }

  row(id: string): TicketRow | null {
    return this.sql<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?').get(id) ?? null;
  }

  /** The ticket a redirected one continues as (same number, another service), that day. */
  continuation(id: string, serviceDate: string): TicketRow | null {
    return this.sql<[string, string], TicketRow>('SELECT * FROM tickets WHERE service_date = ? AND parent_ticket_id = ?').get(serviceDate, id) ?? null;
  }

  ticket(id: string): Ticket | null {
    const r = this.sql<[string], JoinedRow>(`${SELECT_TICKET} WHERE t.id = ?`).get(id);
    return r ? toTicket(r) : null;
  }

  activeForSession(sessionId: string): TicketRow | null {
    return this.sql<[string], TicketRow>('SELECT * FROM tickets WHERE active_session_id = ?').get(sessionId) ?? null;
  }

  /** A day's waiting tickets as the calling rules see them (the rules in main/core do the ordering). */
  waiting(serviceDate: string): Candidate[] {
    return this.sql<[string], CandidateRow & { appointment_at: number | null }>(
      `SELECT t.id, t.number, t.display_code, t.service_id, t.priority_weight, t.priority_label, t.queue_entered_at, t.reserved_counter_id,
              a.slot_at AS appointment_at
       FROM tickets t LEFT JOIN appointments a ON a.id = t.appointment_id WHERE t.service_date = ? AND t.status = 'waiting'`,
    )
      .all(serviceDate)
      .map(toCandidate);
  }

  /** Waiting tickets of one service counted by priority weight (null = normal). */
  waitingByWeight(serviceDate: string, serviceId: string): { weight: number | null; count: number }[] {
    return this.sql<[string, string], { weight: number | null; count: number }>(
      `SELECT priority_weight AS weight, count(*) AS count FROM tickets
       WHERE service_date = ? AND status = 'waiting' AND service_id = ? GROUP BY priority_weight`,
    ).all(serviceDate, serviceId);
  }

  list(serviceDate: string, statuses: readonly TicketStatus[] | null): Ticket[] {
    const rows = this
      .sql<[string], JoinedRow>(
        `${SELECT_TICKET} WHERE t.service_date = ?
         ORDER BY t.priority_weight DESC NULLS LAST, t.queue_entered_at, t.number`,
      )
      .all(serviceDate);
    return rows.filter((r) => statuses === null || statuses.includes(r.status)).map(toTicket);
  }

  /** Finished tickets of a counter today, most recent first. */
  servedAt(counterId: string, serviceDate: string, limit: number): Ticket[] {
    return this
      .sql<[string, string, number], JoinedRow>(
        `${SELECT_TICKET} WHERE t.counter_id = ? AND t.service_date = ? AND t.status IN ('finished', 'redirected')
         ORDER BY t.finished_at DESC NULLS LAST LIMIT ?`,
      )
      .all(counterId, serviceDate, limit)
      .map(toTicket);
  }

  queueCounts(serviceDate: string): { service_id: string; waiting: number; waiting_priority: number }[] {
    return this
      .sql<[string], { service_id: string; waiting: number; waiting_priority: number }>(
        `SELECT service_id, count(*) AS waiting, count(priority_weight) AS waiting_priority
         FROM tickets WHERE service_date = ? AND status = 'waiting' GROUP BY service_id`,
      )
      .all(serviceDate);
  }

  /** Average service minutes and completions of a service since an instant (for the wait estimate). */
  recentThroughput(serviceId: string, serviceDate: string, since: number): { completions: number; avgServiceMinutes: number | null } {
    const r = this
      .sql<[string, string, number], { n: number; avg_ms: number | null }>(
        `SELECT count(*) AS n, avg(finished_at - coalesce(started_at, called_at)) AS avg_ms
         FROM tickets WHERE service_date = ? AND service_id = ? AND status = 'finished' AND finished_at >= ?`,
      )
      .get(serviceDate, serviceId, since)!;
    return { completions: r.n, avgServiceMinutes: r.avg_ms === null ? null : r.avg_ms / 60_000 };
  }

  /** Appends to the ticket's history and the sync outbox, in the caller's transaction. */
  appendEvent(ticket: TicketRow, type: string, actor: EventActor, data: Record<string, unknown>, now: number): void {
    const eventId = uuidv7(now);
    this
      .sql(
        `INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id, counter_id, staff_id, device_id, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(eventId, ticket.id, type, now, ticket.service_date, ticket.service_id, actor.counterId, actor.staffId, actor.deviceId, JSON.stringify(data));
    this.outbox.append(`ticket.${type}`, 1, ticket.id, {
      eventId, ticketId: ticket.id, serviceDate: ticket.service_date, serviceId: ticket.service_id,
      displayCode: ticket.display_code, priorityClassId: ticket.priority_class_id, status: ticket.status,
      at: new Date(now).toISOString(), counterId: actor.counterId, staffId: actor.staffId, deviceId: actor.deviceId, data,
    }, now);
  }

  events(ticketId: string): TicketEventRow[] {
    return this
      .sql<[string], TicketEventRow>(
        'SELECT type, at, counter_id, staff_id, data FROM ticket_events WHERE ticket_id = ? ORDER BY id',
      )
      .all(ticketId);
  }

  /** The ticket's latest event: whoever acted on it last. */
  lastEvent(ticketId: string): TicketEventRow | null {
    return this
      .sql<[string], TicketEventRow>('SELECT type, at, counter_id, staff_id, data FROM ticket_events WHERE ticket_id = ? ORDER BY id DESC LIMIT 1')
      .get(ticketId) ?? null;
  }

  /** The ticket of this counter's latest absent mark or transfer by this officer since `since`, if any. */
  lastUndoableAt(serviceDate: string, counterId: string, staffId: string, since: number): string | null {
    return this
      .sql<[string, string, string, number], string>(
        `SELECT ticket_id FROM ticket_events WHERE service_date = ? AND type IN ('skipped', 'transferred') AND counter_id = ? AND staff_id = ? AND at >= ?
         ORDER BY id DESC LIMIT 1`,
      )
      .pluck()
      .get(serviceDate, counterId, staffId, since) ?? null;
  }

  insertCall(c: Omit<CallRow, 'id'> & { service_date: string; is_priority: number; is_appointment: number }): Call {
    const { appointment_time: _readBack, ...stored } = c;
    const r = this
      .sql(
        `INSERT INTO calls (ticket_id, kind, at, service_date, display_code, counter_id, counter_number, counter_label, service_id, service_name, is_priority, language, is_appointment)
         VALUES (@ticket_id, @kind, @at, @service_date, @display_code, @counter_id, @counter_number, @counter_label, @service_id, @service_name, @is_priority, @language, @is_appointment)`,
      )
      .run(stored);
    return toCall({ ...c, id: Number(r.lastInsertRowid) });
  }

  callsSince(after: number, limit: number): Call[] {
    return this
      .sql<[number, number], CallRow>(`SELECT c.*, ${CALL_APPOINTMENT} FROM calls c WHERE c.id > ? ORDER BY c.id LIMIT ?`)
      .all(after, limit)
      .map(toCall);
  }

  lastCallId(): number {
    return this.sql<[], { id: number | null }>('SELECT max(id) AS id FROM calls').get()!.id ?? 0;
  }

  /** The latest call of each of the most recently called tickets, with the ticket's status now. */
  recentCalls(serviceDate: string, limit: number): { call: Call; status: TicketStatus; recalls: number }[] {
    return this
      .sql<[string, number], CallRow & { status: TicketStatus; recall_count: number }>(
        `SELECT c.*, ${CALL_APPOINTMENT}, t.status, t.recall_count FROM calls c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.id IN (SELECT max(id) FROM calls WHERE service_date = ? GROUP BY ticket_id)
         ORDER BY c.id DESC LIMIT ?`,
      )
      .all(serviceDate, limit)
      .map((r) => ({ call: toCall(r), status: r.status, recalls: r.recall_count }));
  }

  /** How many of this counter's latest first calls today were priority tickets, counting back to the last normal one. */
  priorityStreak(counterId: string, serviceDate: string, max: number): number {
    const flags = this
      .sql<[string, string, number], { is_priority: number }>(
        `SELECT is_priority FROM calls WHERE counter_id = ? AND service_date = ? AND kind = 'call' ORDER BY id DESC LIMIT ?`,
      )
      .all(counterId, serviceDate, max);
    const firstNormal = flags.findIndex((f) => f.is_priority === 0);
    return firstNormal === -1 ? flags.length : firstNormal;
  }

  /** How many of this counter's latest first calls today were of booked tickets, counting back to the last walk-in. */
  appointmentStreak(counterId: string, serviceDate: string, max: number): number {
    const flags = this
      .sql<[string, string, number], number>(
        `SELECT is_appointment FROM calls WHERE counter_id = ? AND service_date = ? AND kind = 'call' ORDER BY id DESC LIMIT ?`,
      )
      .pluck()
      .all(counterId, serviceDate, max);
    const firstWalkIn = flags.indexOf(0);
    return firstWalkIn === -1 ? flags.length : firstWalkIn;
  }

  /** Ticket row for a new ticket with the unchanging defaults filled in. */
  static newRow(fields: Pick<TicketRow, 'service_date' | 'sequence_id' | 'number' | 'display_code' | 'service_id' | 'priority_class_id' | 'priority_weight' | 'priority_label' | 'source' | 'issued_at' | 'queue_entered_at'> & Partial<TicketRow>): TicketRow {
    return {
      id: uuidv7(fields.issued_at), status: 'waiting', called_at: null, started_at: null, finished_at: null, counter_id: null,
      staff_id: null, active_session_id: null, recall_count: 0, parent_ticket_id: null, reserved_counter_id: null,
      call_reason_code: null, call_reason: null, est_wait_min: null, est_wait_max: null, language: 'vi', appointment_id: null, ...fields,
    };
  }
}
