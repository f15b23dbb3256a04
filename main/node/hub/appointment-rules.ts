import type { AppointmentRule, AppointmentSettings, BookingKey, RulesEventPayload } from '../../../contract/appointments';
import { HubError } from '../../../contract/errors';
import { say, type Lang } from '../../../contract/locales';
import { slotsOn, type SlotTime } from '../../core/appointments/slots';
import { queueDayOf } from '../../core/queue-day';
import { vnDate } from '../../core/vn-time';
import type { AppointmentRow } from '../db/appointment-store';
import type { HubDeps } from './context';
import { siteCalendar } from './site-calendar';

const SETTINGS_KEY = 'appointments';

/** The site's appointment settings (migration 015 stores the defaults: no service takes bookings). */
export const appointmentSettings = (deps: HubDeps): AppointmentSettings => deps.site.get<AppointmentSettings>(SETTINGS_KEY)!;

export const saveAppointmentSettings = (deps: HubDeps, settings: AppointmentSettings): void => deps.site.set(SETTINGS_KEY, settings);

/** The rule of a service that takes bookings, or SLOT_UNAVAILABLE. */
export function ruleOf(settings: AppointmentSettings, serviceId: string): AppointmentRule {
  const rule = settings.rules.find((r) => r.serviceId === serviceId && r.enabled);
  if (!rule) throw new HubError('SLOT_UNAVAILABLE', 'Dịch vụ này không nhận đặt lịch hẹn.');
  return rule;
}

/** The slots of a service on a Vietnam date, from its rule, its hours (or the site's) and the working calendar. */
export function serviceSlots(deps: HubDeps, rule: AppointmentRule, date: string, now: number): SlotTime[] {
  const service = deps.catalog.service(rule.serviceId);
  if (!service || !service.active) return [];
  return slotsOn({ rule, hours: service.hours ?? deps.site.site().queueHours, date, day: queueDayOf(siteCalendar(deps), date), now });
}

/**
 * Everything the central's booking page needs to offer this site's slots while it is offline
 * (docs/APPOINTMENTS.md, "Slots"), as an `appointment.rules` event in the caller's transaction.
 */
export function pushRules(deps: HubDeps, settings: AppointmentSettings, now: number): void {
  const site = deps.site.site();
  const calendar = siteCalendar(deps);
  const ids = new Set(settings.rules.map((r) => r.serviceId));
  const payload: RulesEventPayload = {
    settings,
    siteName: site.name,
    services: deps.catalog
      .services()
      .filter((s) => ids.has(s.id))
      .map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, hours: s.hours })),
    hours: site.queueHours,
    calendars: [0, 1].map((n) => calendar.year(Number(vnDate(now).slice(0, 4)) + n)),
  };
  deps.appointments.appendEvent('rules', 'appointment-rules', payload, now);
}

/** After a change the central's copy depends on (the site's name or hours, a booked service): pushed again if any service takes bookings. */
export function pushRulesIfBooking(deps: HubDeps, now: number, serviceId?: string): void {
  const settings = appointmentSettings(deps);
  if (settings.rules.length === 0) return;
  if (serviceId !== undefined && !settings.rules.some((r) => r.serviceId === serviceId)) return;
  pushRules(deps, settings, now);
}

/** A booking named by a citizen or a clerk; a wrong ID number gets the same answer as no booking, so a code alone reveals nothing. */
export function bookingByKey(deps: HubDeps, key: BookingKey): AppointmentRow {
  const row = deps.appointments.byCode(key.code);
  if (!row || row.id_number !== key.idNumber) throw new HubError('APPOINTMENT_NOT_FOUND');
  return row;
}

/** Cancelled and checked-in are final (docs/APPOINTMENTS.md): neither is moved, cancelled or checked in again. In the citizen's language at the kiosk. */
export function checkStillBooked(row: AppointmentRow, lang: Lang = 'vi'): void {
  if (row.status === 'cancelled') throw new HubError('APPOINTMENT_CANCELLED', say(lang, 'checkIn.cancelled'));
  if (row.status === 'checked_in') throw new HubError('APPOINTMENT_USED', say(lang, 'checkIn.used'));
}
