import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { BOOKING_ALPHABET, type BookingKey, type NewBooking } from '../../contract/appointments';
import type { Db, Queryable } from '../db/db';
import { publish } from '../sync/feeds';
import { BookingError } from './booking-error';
import { offeredSlots, slotInstant } from './slots';
import {
  adjustSeat, BOOKING_COLUMNS, bookableServices, bookingByCode, feedItemOf, bookingCalendars, siteRules, takeCentralSeat, type BookableService, type BookingRow,
} from './store';

/**
 * Online bookings (docs/APPOINTMENTS.md): each one, and each change made online, in one
 * transaction with its item of the site's `appointments` feed, so the hub hears of exactly what
 * was committed. The central books only into its own seats of a slot (capacity − siteSeats).
 */

/** Codes tried before giving up (a collision among 24⁵ codes per site is rare; ten in a row is a bug). */
const CODE_TRIES = 10;

const onlineCode = (): string => `T${Array.from({ length: 5 }, () => BOOKING_ALPHABET[randomInt(BOOKING_ALPHABET.length)]).join('')}`;

const sameIdNumber = (given: string, stored: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
};

async function bookableService(tx: Queryable, siteId: string, serviceId: string): Promise<{ service: BookableService; maxActivePerId: number }> {
  const rules = await siteRules(tx, siteId);
  if (rules === null) throw new BookingError('SITE_NOT_BOOKABLE', 'Nơi này chưa nhận đặt lịch hẹn trực tuyến.');
  const service = bookableServices(rules).find((s) => s.id === serviceId);
  if (!service) throw new BookingError('SERVICE_NOT_BOOKABLE', 'Dịch vụ này không nhận đặt lịch hẹn trực tuyến.');
  return { service, maxActivePerId: rules.settings.maxActivePerId };
}

/** The slot asked for, if the central offers it now; its instant. */
async function offeredSlot(tx: Queryable, service: BookableService, slotStart: string, now: number): Promise<Date> {
  const wanted = slotInstant(slotStart);
  const slot = offeredSlots(service.rule, service.hours, await bookingCalendars(tx, service), now).find((s) => slotInstant(s.start) === wanted);
  if (!slot) throw new BookingError('SLOT_NOT_OFFERED', 'Khung giờ này không nhận đặt lịch (đã qua, ngoài giờ làm việc hoặc vào ngày nghỉ). Mời chọn khung giờ khác.');
  return new Date(wanted);
}

async function takeSeat(tx: Queryable, siteId: string, service: BookableService, slot: Date): Promise<void> {
  if (!(await takeCentralSeat(tx, siteId, service.id, slot, service.rule.capacity - service.rule.siteSeats))) {
    throw new BookingError('SLOT_FULL', 'Khung giờ này đã hết chỗ đặt trực tuyến. Mời chọn khung giờ khác.');
  }
}

async function published(tx: Queryable, row: BookingRow): Promise<BookingRow> {
  await publish(tx, 'appointments', row.site_id, row.appointment_id, JSON.stringify(feedItemOf(row)));
  return row;
}

/** Books a slot online; the booking as stored. */
export function book(db: Db, siteId: string, input: NewBooking, now: number): Promise<BookingRow> {
  return db.transaction(async (tx) => {
    const { service, maxActivePerId } = await bookableService(tx, siteId, input.serviceId);
    const slot = await offeredSlot(tx, service, input.slotStart, now);
    // One ID number's bookings at a site are counted one request at a time (parallel requests of
    // the same person would each count the others as not there yet).
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`appointments|${siteId}|${input.idNumber}`]);
    const [active] = await tx.query<{ n: number }>(
      `SELECT count(*) AS n FROM appointments WHERE site_id = $1 AND id_number = $2 AND status = 'booked' AND slot_start > $3`,
      [siteId, input.idNumber, new Date(now)],
    );
    if (Number(active!.n) >= maxActivePerId) {
      throw new BookingError('ID_LIMIT', `Số định danh này đã có ${maxActivePerId} lịch hẹn chưa đến giờ tại đây, là số lịch tối đa. Mời hủy một lịch cũ trước khi đặt thêm.`);
    }
    await takeSeat(tx, siteId, service, slot);
    const at = new Date(now);
    for (let i = 0; i < CODE_TRIES; i++) {
      const [row] = await tx.query<BookingRow>(
        `INSERT INTO appointments (site_id, appointment_id, code, service_id, slot_start, owner, id_number, full_name, phone, status, booked_at, changed_at)
         VALUES ($1, $2, $3, $4, $5, 'central', $6, $7, $8, 'booked', $9, $9) ON CONFLICT (site_id, code) DO NOTHING RETURNING ${BOOKING_COLUMNS}`,
        [siteId, randomUUID(), onlineCode(), service.id, slot, input.idNumber, input.fullName, input.phone, at],
      );
      if (row) return published(tx, row);
    }
    throw new Error(`no free booking code after ${CODE_TRIES} tries`);
  });
}

/** The booking of a code and the ID number that booked it, still to come; refused alike when either is wrong. */
async function activeBooking(tx: Queryable, siteId: string, key: BookingKey, now: number): Promise<BookingRow> {
  const row = await bookingByCode(tx, siteId, key.code, true);
  if (!row || !sameIdNumber(key.idNumber, row.id_number)) throw new BookingError('BOOKING_NOT_FOUND', 'Không có lịch hẹn với mã và số định danh này. Mời kiểm tra lại mã lịch hẹn và số CCCD đã dùng khi đặt.');
  if (row.status === 'cancelled') throw new BookingError('BOOKING_NOT_ACTIVE', 'Lịch hẹn này đã được hủy.');
  if (row.status === 'checked_in') throw new BookingError('BOOKING_NOT_ACTIVE', 'Lịch hẹn này đã được dùng: Ông/Bà đã đến làm thủ tục.');
  if (row.slot_start.getTime() <= now) throw new BookingError('BOOKING_NOT_ACTIVE', 'Lịch hẹn này đã qua giờ hẹn, không đổi hay hủy được nữa.');
  return row;
}

/** Cancels a booking by its code and ID number; its seat goes back to its owner's side. */
export function cancel(db: Db, siteId: string, key: BookingKey, now: number): Promise<BookingRow> {
  return db.transaction(async (tx) => {
    const row = await activeBooking(tx, siteId, key, now);
    await adjustSeat(tx, siteId, row.service_id, row.slot_start, row.owner, -1);
    const [next] = await tx.query<BookingRow>(
      `UPDATE appointments SET status = 'cancelled', changed_at = $3 WHERE site_id = $1 AND appointment_id = $2 RETURNING ${BOOKING_COLUMNS}`,
      [siteId, row.appointment_id, new Date(now)],
    );
    return published(tx, next!);
  });
}

/**
 * Moves a booking to another slot of its service. A move online takes one of the central's seats
 * (the booking's owner becomes `central`); the seat left behind goes back to its owner's side — at
 * the hub on its next pull when the desk owned it (docs/APPOINTMENTS.md, "Who owns a seat").
 */
export function move(db: Db, siteId: string, key: BookingKey, slotStart: string, now: number): Promise<BookingRow> {
  return db.transaction(async (tx) => {
    const row = await activeBooking(tx, siteId, key, now);
    const { service } = await bookableService(tx, siteId, row.service_id);
    const slot = await offeredSlot(tx, service, slotStart, now);
    if (slot.getTime() === row.slot_start.getTime()) throw new BookingError('SAME_SLOT', 'Lịch hẹn đang ở đúng khung giờ này rồi.');
    await takeSeat(tx, siteId, service, slot);
    await adjustSeat(tx, siteId, row.service_id, row.slot_start, row.owner, -1);
    const [next] = await tx.query<BookingRow>(
      `UPDATE appointments SET slot_start = $3, owner = 'central', changed_at = $4 WHERE site_id = $1 AND appointment_id = $2 RETURNING ${BOOKING_COLUMNS}`,
      [siteId, row.appointment_id, slot, new Date(now)],
    );
    return published(tx, next!);
  });
}
