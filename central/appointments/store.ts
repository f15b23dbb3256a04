import { AppointmentFeedItem, RulesEventPayload, type AppointmentRule } from '../../contract/appointments';
import { CalendarYear } from '../../contract/calendar';
import type { WeeklyHours } from '../../contract/queue';
import type { Queryable } from '../db/db';
import { PROVINCE } from '../sync/feeds';
import { slotStartAt } from './slots';

/** Reads of the appointment tables (migration 009) the pages and the booking share. */

export interface BookingRow {
  site_id: string; appointment_id: string; code: string; service_id: string; slot_start: Date; owner: 'site' | 'central';
  id_number: string; full_name: string; phone: string | null; status: 'booked' | 'cancelled' | 'checked_in'; booked_at: Date; changed_at: Date;
}

export const BOOKING_COLUMNS = 'site_id, appointment_id, code, service_id, slot_start, owner, id_number, full_name, phone, status, booked_at, changed_at';

/** A booking as the `appointments` feed carries it to the hub. */
export function feedItemOf(r: BookingRow): AppointmentFeedItem {
  if (r.status === 'checked_in') throw new Error('a checked-in booking is never published: the hub checked it in');
  return {
    id: r.appointment_id, code: r.code, serviceId: r.service_id, slotStart: slotStartAt(r.slot_start.getTime()), owner: r.owner,
    idNumber: r.id_number, fullName: r.full_name, phone: r.phone, status: r.status, bookedAt: r.booked_at.toISOString(), changedAt: r.changed_at.toISOString(),
  };
}

export async function bookingByCode(db: Queryable, siteId: string, code: string, lock = false): Promise<BookingRow | null> {
  const [r] = await db.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM appointments WHERE site_id = $1 AND code = $2${lock ? ' FOR UPDATE' : ''}`, [siteId, code]);
  return r ?? null;
}

/** The site's latest rules as pushed (checked when they arrived), or null. */
export async function siteRules(db: Queryable, siteId: string): Promise<RulesEventPayload | null> {
  const [r] = await db.query<{ payload: unknown }>('SELECT payload FROM appointment_rules WHERE site_id = $1', [siteId]);
  if (!r) return null;
  const parsed = RulesEventPayload.safeParse(r.payload);
  return parsed.success ? parsed.data : null;
}

/** The sites that take bookings online, by name. */
export async function bookableSites(db: Queryable): Promise<{ siteId: string; name: string }[]> {
  const rows = await db.query<{ site_id: string; payload: unknown }>('SELECT site_id, payload FROM appointment_rules ORDER BY site_id');
  return rows
    .flatMap((r) => {
      const p = RulesEventPayload.safeParse(r.payload);
      return p.success && bookableServices(p.data).length > 0 ? [{ siteId: r.site_id, name: p.data.siteName }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export interface BookableService {
  readonly id: string;
  readonly name: string;
  readonly rule: AppointmentRule;
  /** The service's hours, or the site's. */
  readonly hours: WeeklyHours;
  /** The site's own calendar years, for a year the province published none of. */
  readonly siteCalendars: readonly CalendarYear[];
}

/** The services of a site's rules that take bookings online (enabled, named in the pushed list, with seats not all the desk's). */
export function bookableServices(rules: RulesEventPayload): BookableService[] {
  return rules.settings.rules.flatMap((rule) => {
    const s = rules.services.find((x) => x.id === rule.serviceId);
    return rule.enabled && rule.capacity > rule.siteSeats && s ? [{ id: s.id, name: s.name, rule, hours: s.hours ?? rules.hours, siteCalendars: rules.calendars }] : [];
  });
}

/**
 * The calendar years a service's slots follow: those the province published (the latest item of each
 * key of the `calendar` feed), and for a year it published none of, the site's own as its hub pushed it.
 */
export async function bookingCalendars(db: Queryable, service: BookableService): Promise<CalendarYear[]> {
  const published = await publishedCalendars(db);
  return [...published, ...service.siteCalendars.filter((c) => !published.some((p) => p.year === c.year))];
}

/** The calendar years the province published (the latest item of each key of the `calendar` feed). */
async function publishedCalendars(db: Queryable): Promise<CalendarYear[]> {
  const rows = await db.query<{ payload: string }>(
    `SELECT DISTINCT ON (key) payload FROM feed_items WHERE feed = 'calendar' AND scope = $1 ORDER BY key, version DESC`,
    [PROVINCE],
  );
  return rows.flatMap((r) => {
    const c = CalendarYear.safeParse(JSON.parse(r.payload));
    return c.success ? [c.data] : [];
  });
}

/** Seats taken per slot start (ms) of a service, both sides. */
export async function seatsTaken(db: Queryable, siteId: string, serviceId: string, from: number, to: number): Promise<Map<number, { site: number; central: number }>> {
  const rows = await db.query<{ slot_start: Date; site_taken: number; central_taken: number }>(
    'SELECT slot_start, site_taken, central_taken FROM appointment_seats WHERE site_id = $1 AND service_id = $2 AND slot_start >= $3 AND slot_start <= $4',
    [siteId, serviceId, new Date(from), new Date(to)],
  );
  return new Map(rows.map((r) => [r.slot_start.getTime(), { site: r.site_taken, central: r.central_taken }]));
}

/**
 * Moves a seat count by `delta` on `owner`'s side (the row is created at its first seat). The
 * central's own bookings take seats through `takeCentralSeat`, which checks the capacity.
 */
export async function adjustSeat(tx: Queryable, siteId: string, serviceId: string, slotStart: Date, owner: 'site' | 'central', delta: number): Promise<void> {
  const column = owner === 'site' ? 'site_taken' : 'central_taken';
  await tx.query(
    `INSERT INTO appointment_seats (site_id, service_id, slot_start, ${column}) VALUES ($1, $2, $3, GREATEST($4::int, 0))
     ON CONFLICT (site_id, service_id, slot_start) DO UPDATE SET ${column} = GREATEST(appointment_seats.${column} + $4::int, 0)`,
    [siteId, serviceId, slotStart, delta],
  );
}

/**
 * Takes one of the central's seats of a slot, or answers false when they are all taken. The
 * condition is re-checked by PostgreSQL on the row's newest version once a concurrent booking of
 * the same slot commits, so parallel requests for the last seat get it exactly once.
 */
export async function takeCentralSeat(tx: Queryable, siteId: string, serviceId: string, slotStart: Date, centralSeats: number): Promise<boolean> {
  await tx.query('INSERT INTO appointment_seats (site_id, service_id, slot_start) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [siteId, serviceId, slotStart]);
  const taken = await tx.query(
    'UPDATE appointment_seats SET central_taken = central_taken + 1 WHERE site_id = $1 AND service_id = $2 AND slot_start = $3 AND central_taken < $4 RETURNING 1',
    [siteId, serviceId, slotStart, centralSeats],
  );
  return taken.length === 1;
}
