import type { Appointment, AppointmentStatus, SeatOwner } from '../../../contract/appointments';
import { isNoShow } from '../../core/appointments/check-in';
import { isoOrNull } from '../../core/vn-time';
import type { Db } from './open';
import type { OutboxStore } from './outbox-store';
import { SqlStore } from './sql-store';

export interface AppointmentRow {
  id: string;
  code: string;
  service_id: string;
  slot_start: string;
  slot_at: number;
  slot_date: string;
  slot_time: string;
  owner: SeatOwner;
  id_number: string;
  full_name: string;
  phone: string | null;
  status: AppointmentStatus;
  booked_at: number;
  cancelled_at: number | null;
  checked_in_at: number | null;
  ticket_id: string | null;
  updated_at: number;
  updated_by: SeatOwner;
}

/** Columns a change may set; the keys come from code, never from a request. */
export type AppointmentPatch = Partial<Omit<AppointmentRow, 'id' | 'code' | 'booked_at'>>;

type JoinedRow = AppointmentRow & { service_name: string };
const SELECT = 'SELECT a.*, s.name AS service_name FROM appointments a JOIN services s ON s.id = a.service_id';

/** A stored booking as staff see it; `noShow` is derived at `now` with the site's late window. */
export function toAppointment(r: JoinedRow, now: number, lateMinutes: number): Appointment {
  return {
    id: r.id, code: r.code, serviceId: r.service_id, serviceName: r.service_name, slotStart: r.slot_start, slotDate: r.slot_date,
    slotTime: r.slot_time, owner: r.owner, idNumber: r.id_number, fullName: r.full_name, phone: r.phone, status: r.status,
    noShow: isNoShow(r.status, r.slot_at, now, lateMinutes), bookedAt: isoOrNull(r.booked_at)!, checkedInAt: isoOrNull(r.checked_in_at),
    ticketId: r.ticket_id,
  };
}

/**
 * Bookings: the desk's own and the central's (from the `appointments` feed). Every method runs in
 * the caller's transaction; `appendEvent` writes the outbox row for the central in it.
 */
export class AppointmentStore extends SqlStore {
  constructor(
    db: Db,
    private readonly outbox: OutboxStore,
  ) {
    super(db);
  }

  insert(row: AppointmentRow): void {
    this.sql(`INSERT INTO appointments (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(', ')})`).run(row);
  }

  update(id: string, patch: AppointmentPatch): void {
    const keys = Object.keys(patch);
    if (keys.length === 0) return;
    this.sql(`UPDATE appointments SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }

  row(id: string): AppointmentRow | null {
    return this.sql<[string], AppointmentRow>('SELECT * FROM appointments WHERE id = ?').get(id) ?? null;
  }

  byCode(code: string): AppointmentRow | null {
    return this.sql<[string], AppointmentRow>('SELECT * FROM appointments WHERE code = ?').get(code) ?? null;
  }

  appointment(id: string, now: number, lateMinutes: number): Appointment | null {
    const r = this.sql<[string], JoinedRow>(`${SELECT} WHERE a.id = ?`).get(id);
    return r ? toAppointment(r, now, lateMinutes) : null;
  }

  /** A day's bookings, by slot then booking time. */
  onDay(date: string, now: number, lateMinutes: number): Appointment[] {
    return this.sql<[string], JoinedRow>(`${SELECT} WHERE a.slot_date = ? ORDER BY a.slot_at, a.booked_at, a.id`)
      .all(date)
      .map((r) => toAppointment(r, now, lateMinutes));
  }

  /** Seats of one side taken in a slot: booked or checked in (a cancelled booking frees its seat). */
  seatsTaken(serviceId: string, slotAt: number, owner: SeatOwner): number {
    return this.sql<[string, number, SeatOwner], number>(
      `SELECT count(*) FROM appointments WHERE service_id = ? AND slot_at = ? AND owner = ? AND status IN ('booked', 'checked_in')`,
    )
      .pluck()
      .get(serviceId, slotAt, owner)!;
  }

  /** Seats of one side taken in each slot of a service on a day, by slot instant. */
  seatsTakenOnDay(serviceId: string, date: string, owner: SeatOwner): Map<number, number> {
    const rows = this.sql<[string, string, SeatOwner], { slot_at: number; n: number }>(
      `SELECT slot_at, count(*) AS n FROM appointments WHERE service_id = ? AND slot_date = ? AND owner = ? AND status IN ('booked', 'checked_in')
       GROUP BY slot_at`,
    ).all(serviceId, date, owner);
    return new Map(rows.map((r) => [r.slot_at, r.n]));
  }

  /** An ID number's bookings still to come: booked and its check-in not yet closed at `openAfter` (slot start + late window ≥ now). */
  activeFor(idNumber: string, openAfter: number): number {
    return this.sql<[string, number], number>(`SELECT count(*) FROM appointments WHERE id_number = ? AND status = 'booked' AND slot_at >= ?`)
      .pluck()
      .get(idNumber, openAfter)!;
  }

  /** An ID number's bookings still booked on a day, by slot (CCCD check-in takes the one whose window is open). */
  bookedOnDay(idNumber: string, date: string): AppointmentRow[] {
    return this.sql<[string, string], AppointmentRow>(`SELECT * FROM appointments WHERE id_number = ? AND slot_date = ? AND status = 'booked' ORDER BY slot_at`).all(
      idNumber,
      date,
    );
  }

  /** Sends a change of a booking (or of the rules) to the central, in the caller's transaction. */
  appendEvent(type: 'rules' | 'booked' | 'moved' | 'cancelled' | 'checkedIn', aggregateId: string, payload: unknown, now: number): void {
    this.outbox.append(`appointment.${type}`, 1, aggregateId, payload, now);
  }
}
