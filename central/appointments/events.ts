import { z } from 'zod';
import { BookedEventPayload, CancelledEventPayload, CheckedInEventPayload, MovedEventPayload, RulesEventPayload } from '../../contract/appointments';
import type { Queryable } from '../db/db';
import type { Verdict } from '../projection/fold';
import { StorableTime } from '../sync/storable';
import { publish } from '../sync/feeds';
import { adjustSeat, BOOKING_COLUMNS, feedItemOf, type BookingRow } from './store';

/**
 * The appointment events a hub pushes (docs/APPOINTMENTS.md, "Sync"), as the projector decodes
 * them, and their effect on the central's tables. Unlike tickets and dossiers they are not folded
 * from the event log alone: a booking made online here is part of the same rows, so each event is
 * applied to the stored bookings in arrival order, inside the push's transaction (the site's lock
 * is held). Every statement is one that cannot fail on the event's content (conflicts are looked
 * for, not caught), so an event the central cannot use becomes a rejection and the push goes on.
 */

/** The times of the contract's payloads, checked to be ones PostgreSQL can hold. */
const Booked = BookedEventPayload.extend({ slotStart: StorableTime, bookedAt: StorableTime });
const Moved = MovedEventPayload.extend({ slotStart: StorableTime });
const Cancelled = CancelledEventPayload.extend({ at: StorableTime });
const CheckedIn = CheckedInEventPayload.extend({ at: StorableTime });

export type AppointmentEvent =
  | { readonly type: 'rules'; readonly p: RulesEventPayload }
  | { readonly type: 'booked'; readonly p: z.infer<typeof Booked> }
  | { readonly type: 'moved'; readonly p: z.infer<typeof Moved> }
  | { readonly type: 'cancelled'; readonly p: z.infer<typeof Cancelled> }
  | { readonly type: 'checkedIn'; readonly p: z.infer<typeof CheckedIn> };

/** The payload schema of each pushed appointment type (version 1). */
export const appointmentSchemas = {
  'appointment.rules': { type: 'rules', schema: RulesEventPayload },
  'appointment.booked': { type: 'booked', schema: Booked },
  'appointment.moved': { type: 'moved', schema: Moved },
  'appointment.cancelled': { type: 'cancelled', schema: Cancelled },
  'appointment.checkedIn': { type: 'checkedIn', schema: CheckedIn },
} as const;

const applied: Verdict = { kind: 'applied' };
const reject = (code: string, message: string): Verdict => ({ kind: 'rejected', code, message });
const UNKNOWN = reject('APPOINTMENT_UNKNOWN', 'Máy chủ tỉnh không có lịch hẹn này (chưa nhận sự kiện đặt lịch của nó).');

async function current(tx: Queryable, siteId: string, id: string): Promise<BookingRow | null> {
  const [r] = await tx.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM appointments WHERE site_id = $1 AND appointment_id = $2 FOR UPDATE`, [siteId, id]);
  return r ?? null;
}

/** Applies one decoded appointment event of `siteId`, received at `now`. */
export async function applyAppointmentEvent(tx: Queryable, siteId: string, e: AppointmentEvent, now: Date): Promise<Verdict> {
  switch (e.type) {
    case 'rules': {
      await tx.query(
        `INSERT INTO appointment_rules (site_id, payload, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (site_id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
        [siteId, JSON.stringify(e.p), now],
      );
      return applied;
    }
    case 'booked': {
      const p = e.p;
      const inserted = await tx.query(
        `INSERT INTO appointments (site_id, appointment_id, code, service_id, slot_start, owner, id_number, full_name, phone, status, booked_at, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $10) ON CONFLICT DO NOTHING RETURNING 1`,
        [siteId, p.id, p.code, p.serviceId, new Date(p.slotStart), p.owner, p.idNumber, p.fullName, p.phone, new Date(p.bookedAt)],
      );
      if (inserted.length === 0) return reject('APPOINTMENT_DUPLICATE', `Máy chủ tỉnh đã có một lịch hẹn mang mã này hoặc mã lịch hẹn ${p.code}: lịch hẹn sau không được ghi.`);
      await adjustSeat(tx, siteId, p.serviceId, new Date(p.slotStart), p.owner, 1);
      return applied;
    }
    case 'moved': {
      const r = await current(tx, siteId, e.p.id);
      if (!r) return UNKNOWN;
      // Cancelled is final (docs/APPOINTMENTS.md): the citizen cancelled online before the desk's
      // move arrived; the hub hears of the cancellation from the feed and applies it.
      if (r.status !== 'booked') return applied;
      const slot = new Date(e.p.slotStart);
      await adjustSeat(tx, siteId, r.service_id, r.slot_start, r.owner, -1);
      await adjustSeat(tx, siteId, r.service_id, slot, e.p.owner, 1);
      const [moved] = await tx.query<BookingRow>(
        `UPDATE appointments SET slot_start = $3, owner = $4, changed_at = $5 WHERE site_id = $1 AND appointment_id = $2 RETURNING ${BOOKING_COLUMNS}`,
        [siteId, r.appointment_id, slot, e.p.owner, now],
      );
      // The hub may still pull an online change of this booking it had not seen when it moved it
      // (the citizen moved it online meanwhile): the desk's move, published after it, is what
      // both sides end with. A booking the feed never carried needs nothing.
      const [published] = await tx.query(`SELECT 1 FROM feed_items WHERE feed = 'appointments' AND scope = $1 AND key = $2 LIMIT 1`, [siteId, r.appointment_id]);
      if (published) await publish(tx, 'appointments', siteId, r.appointment_id, JSON.stringify(feedItemOf(moved!)));
      return applied;
    }
    case 'cancelled': {
      const r = await current(tx, siteId, e.p.id);
      if (!r) return UNKNOWN;
      if (r.status !== 'booked') return applied; // cancelled already, or checked in (final)
      await adjustSeat(tx, siteId, r.service_id, r.slot_start, r.owner, -1);
      await tx.query(`UPDATE appointments SET status = 'cancelled', changed_at = $3 WHERE site_id = $1 AND appointment_id = $2`, [siteId, r.appointment_id, new Date(e.p.at)]);
      return applied;
    }
    case 'checkedIn': {
      const r = await current(tx, siteId, e.p.id);
      if (!r) return UNKNOWN;
      if (r.status === 'checked_in') return applied;
      // The citizen is at the desk: that wins over a cancellation made online meanwhile, and the
      // seat it had given back is taken again (a fact, whatever the count says).
      if (r.status === 'cancelled') await adjustSeat(tx, siteId, r.service_id, r.slot_start, r.owner, 1);
      await tx.query(
        `UPDATE appointments SET status = 'checked_in', checked_in_at = $3, changed_at = $3 WHERE site_id = $1 AND appointment_id = $2`,
        [siteId, r.appointment_id, new Date(e.p.at)],
      );
      return applied;
    }
  }
}
