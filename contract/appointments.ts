import { z } from 'zod';
import { CalendarYear } from './calendar';
import { Lang } from './locales';
import { TimeWindow, WeeklyHours } from './queue';
import { HhMm, Id, IsoTime, VnDate } from './scalars';

/**
 * Appointments (docs/APPOINTMENTS.md): the shapes both the hub and the central use — the site's
 * booking rules, a booking, the booking code and QR, the sync event payloads and the
 * `appointments` feed item. The hub decides check-in and calling (main/core); the central takes
 * online bookings into the seats it owns.
 */

/** The booking code's alphabet: no vowels (no words), no 0/O, 1/I (read aloud over the phone). */
export const BOOKING_ALPHABET = '23456789BCDFGHKLMNPQRTVX';
/** One owner letter then five of the alphabet: `Q…` booked by the desk (quầy), `T…` online (trực tuyến). */
export const BookingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[QT][${BOOKING_ALPHABET}]{5}$`), 'Mã lịch hẹn gồm 6 ký tự, bắt đầu bằng Q hoặc T');
export type BookingCode = z.infer<typeof BookingCode>;

/**
 * Whose seat a booking holds. Each slot's capacity is split once, by the site's rule: `siteSeats`
 * are the desk's (phone and counter bookings, taken offline), the rest are the central's (online).
 * Each side books only into its own seats, so the two never overbook a slot between syncs.
 */
export const SeatOwner = z.enum(['site', 'central']);
export type SeatOwner = z.infer<typeof SeatOwner>;

/** A 12-digit CCCD number or a 9-digit old CMND number. */
export const IdNumber = z.string().trim().regex(/^(\d{9}|\d{12})$/, 'Số định danh gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)');

/** Bookable hours of one service, on every working day of the site's calendar. */
export const AppointmentRule = z
  .object({
    serviceId: Id,
    enabled: z.boolean(),
    /** Within the site's working hours; a slot must end by the window's end. (Each window starts before it ends: 10:00–08:00 has no slot.) */
    windows: z.array(TimeWindow).min(1).max(6),
    slotMinutes: z.int().min(5).max(240),
    /** Citizens per slot. */
    capacity: z.int().min(1).max(50),
    /** Of `capacity`, the seats the desk books (phone, counter); the rest are booked online. */
    siteSeats: z.int().min(0).max(50),
    /** How many days ahead a booking may be made (1 = tomorrow at most). */
    daysAhead: z.int().min(1).max(90),
  })
  .strict()
  .refine((r) => r.siteSeats <= r.capacity, { message: 'Số chỗ dành cho bộ phận một cửa không được lớn hơn số chỗ mỗi khung giờ', path: ['siteSeats'] });
export type AppointmentRule = z.infer<typeof AppointmentRule>;

export const AppointmentSettings = z
  .object({
    /** A booking may be checked in from this many minutes before its slot… */
    earlyMinutes: z.int().min(0).max(240),
    /** …to this many minutes after the slot's start. */
    lateMinutes: z.int().min(0).max(240),
    /** Calling: at most this many due appointment tickets in a row before a walk-in (docs/APPOINTMENTS.md). */
    maxInARow: z.int().min(1).max(10),
    /** Active (booked, not yet past) bookings one ID number may hold at this site. */
    maxActivePerId: z.int().min(1).max(10),
    rules: z.array(AppointmentRule),
  })
  .strict();
export type AppointmentSettings = z.infer<typeof AppointmentSettings>;

export const AppointmentStatus = z.enum(['booked', 'cancelled', 'checked_in']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** A booking as the hub's staff see it (`appointments.*`). No-show is derived: booked and past the late window. */
export const Appointment = z.object({
  id: Id,
  code: BookingCode,
  serviceId: Id,
  serviceName: z.string(),
  /** The slot's start, with the +07:00 offset. */
  slotStart: IsoTime,
  slotDate: VnDate,
  slotTime: HhMm,
  owner: SeatOwner,
  idNumber: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  status: AppointmentStatus,
  /** Booked, and the late window has passed. */
  noShow: z.boolean(),
  bookedAt: IsoTime,
  checkedInAt: IsoTime.nullable(),
  ticketId: Id.nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

/** What a citizen may type or a clerk may read out: the code and the ID number that booked it. */
export const BookingKey = z.object({ code: BookingCode, idNumber: IdNumber }).strict();
export type BookingKey = z.infer<typeof BookingKey>;

export const NewBooking = z
  .object({
    serviceId: Id,
    slotStart: IsoTime,
    idNumber: IdNumber,
    fullName: z.string().trim().min(2).max(100),
    phone: z
      .string()
      .trim()
      .regex(/^(\+84|0)\d{9,10}$/, 'Số điện thoại không hợp lệ')
      .nullable()
      .default(null),
  })
  .strict();
export type NewBooking = z.infer<typeof NewBooking>;

/** A slot of one service on one day: the seats of the side asking (`siteSeats` at the hub) and how many are still free. */
export const Slot = z.object({ start: IsoTime, time: HhMm, capacity: z.int(), free: z.int() });
export type Slot = z.infer<typeof Slot>;

/** How the kiosk (or a clerk) identifies a booking at check-in. */
export const CheckInInput = z.discriminatedUnion('by', [
  /** A scanned booking QR (either form of `appointmentQrPayload`) or a typed code. */
  z.object({ by: z.literal('code'), text: z.string().min(1).max(300), language: Lang.optional() }).strict(),
  /** The raw text of a scanned CCCD QR: today's booking of that ID number. */
  z.object({ by: z.literal('cccd'), raw: z.string().min(1).max(1000), language: Lang.optional() }).strict(),
]);
// `language`: the kiosk's, in which the hub words its refusals and the ticket speaks (default: the site's).
export type CheckInInput = z.infer<typeof CheckInInput>;

/** Today's bookings of one service in one hour (the counter's and the supervisor's view). */
export const BookingHour = z.object({
  serviceId: Id,
  serviceName: z.string(),
  /** The hour the slots start in ("09:00" holds 09:00, 09:20, 09:40). */
  hour: HhMm,
  /** Still expected: booked, not checked in, the late window not yet past. */
  booked: z.int(),
  checkedIn: z.int(),
  noShows: z.int(),
  cancelled: z.int(),
});
export type BookingHour = z.infer<typeof BookingHour>;

// ---- sync ----------------------------------------------------------------------------------

/**
 * Pushed by the hub (aggregate `appointment-rules`, type `appointment.rules`) whenever the admin
 * saves the settings or a service's name changes: everything the central's booking page needs to
 * offer the site's slots while the site is offline, its calendar included (the province's wins where published).
 */
export const RulesEventPayload = z.object({
  settings: AppointmentSettings,
  siteName: z.string(),
  /** The services that take bookings; `hours` = the service's own hours (null: the site's). */
  services: z.array(z.object({ id: Id, name: z.string(), nameEn: z.string(), hours: WeeklyHours.nullable() })),
  /** The site's hours for taking numbers (index = weekday, Sunday 0, as in `Site`): slots lie within them. */
  hours: WeeklyHours,
  /**
   * The site's working calendar for this year and the next, as the hub holds it (built in, synced or
   * edited there): the central offers slots by it in a year the province published no calendar for.
   * Absent from older hubs.
   */
  calendars: z.array(CalendarYear).default([]),
});
export type RulesEventPayload = z.infer<typeof RulesEventPayload>;

/**
 * Pushed by the hub (aggregate = the booking id): `appointment.booked` (a desk booking, whole),
 * `appointment.moved` (`slotStart`, `owner`: a move at the desk takes a desk seat),
 * `appointment.cancelled`, `appointment.checkedIn` (`ticketId`, `at`).
 */
export const BookedEventPayload = z.object({
  id: Id,
  code: BookingCode,
  serviceId: Id,
  slotStart: IsoTime,
  owner: SeatOwner,
  idNumber: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  bookedAt: IsoTime,
});
export const MovedEventPayload = z.object({ id: Id, slotStart: IsoTime, owner: SeatOwner });
export const CancelledEventPayload = z.object({ id: Id, at: IsoTime });
export const CheckedInEventPayload = z.object({ id: Id, ticketId: Id, at: IsoTime, minutesFromSlot: z.int() });

/**
 * The site-scoped `appointments` feed (central → hub), key = booking id: the latest state of an
 * online booking, or of a desk booking the citizen cancelled or moved online. The hub applies it
 * unless the booking is already checked in or cancelled there (those are final).
 */
export const AppointmentFeedItem = BookedEventPayload.extend({
  status: z.enum(['booked', 'cancelled']),
  changedAt: IsoTime,
});
export type AppointmentFeedItem = z.infer<typeof AppointmentFeedItem>;

// ---- the booking QR ------------------------------------------------------------------------

/**
 * The QR on a booking confirmation: the central's confirmation page when the province gave its
 * central a public address (a phone opens it), else a compact reference; ASCII either way, and
 * the kiosk's scanner reads both forms.
 */
export function appointmentQrPayload(siteId: string, code: string, publicBaseUrl: string | null): string {
  return publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}/hen/${encodeURIComponent(siteId)}/${code}` : `MCA1|${siteId}|${code}`;
}

/** The booking code in a scanned booking QR (either form) or a typed code, or null. */
export function parseAppointmentQr(scanned: string): { siteId: string | null; code: string } | null {
  const text = scanned.trim();
  const compact = /^MCA1\|([^|]+)\|([A-Za-z0-9]+)$/i.exec(text);
  const link = /\/hen\/([^/?#\s]+)\/([A-Za-z0-9]+)\/?$/.exec(text);
  const [siteId, code] = compact ? [compact[1]!, compact[2]!] : link ? [decodeURIComponent(link[1]!), link[2]!] : [null, text];
  const parsed = BookingCode.safeParse(code);
  return parsed.success ? { siteId, code: parsed.data } : null;
}

/** Slot starts are written with Vietnam's offset: the day and time a citizen reads are the string's. */
export const slotStartOf = (date: string, time: string): string => `${date}T${time}:00+07:00`;
