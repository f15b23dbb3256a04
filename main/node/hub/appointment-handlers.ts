import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { Appointment, AppointmentSettings, BookedEventPayload, BookingHour, MovedEventPayload } from '../../../contract/appointments';
import { HubError } from '../../../contract/errors';
import { bookingCode, withinBookingLimit } from '../../core/appointments/booking-code';
import { maskIdNumber } from '../../core/appointments/check-in';
import { normalSlotStart, type SlotTime } from '../../core/appointments/slots';
import { vnDate } from '../../core/vn-time';
import type { AppointmentRow } from '../db/appointment-store';
import { actorOf } from '../db/audit-store';
import { uuidv7 } from '../db/uuidv7';
import { appointmentSettings, bookingByKey, checkStillBooked, pushRules, ruleOf, saveAppointmentSettings, serviceSlots } from './appointment-rules';
import { checkInHandler } from './appointment-check-in';
import type { Handlers, HubDeps } from './context';

const bookedPayload = (r: AppointmentRow): z.input<typeof BookedEventPayload> => ({
  id: r.id, code: r.code, serviceId: r.service_id, slotStart: r.slot_start, owner: r.owner, idNumber: r.id_number,
  fullName: r.full_name, phone: r.phone, bookedAt: new Date(r.booked_at).toISOString(),
});

/** A code no stored booking has (a clash is one in millions; ten tries make it one in never). */
function freshCode(deps: HubDeps): string {
  for (let i = 0; i < 10; i++) {
    const code = bookingCode('site', (n) => randomInt(n));
    if (!deps.appointments.byCode(code)) return code;
  }
  throw new Error('no free booking code after 10 tries');
}

/** A day's bookings by service and the hour their slots start in. */
function byHour(list: readonly Appointment[]): BookingHour[] {
  const hours = new Map<string, BookingHour>();
  for (const a of list) {
    const hour = `${a.slotTime.slice(0, 2)}:00`;
    const key = `${a.serviceId}|${hour}`;
    const h = hours.get(key) ?? { serviceId: a.serviceId, serviceName: a.serviceName, hour, booked: 0, checkedIn: 0, noShows: 0, cancelled: 0 };
    if (a.status === 'cancelled') h.cancelled++;
    else if (a.status === 'checked_in') h.checkedIn++;
    else if (a.noShow) h.noShows++;
    else h.booked++;
    hours.set(key, h);
  }
  return [...hours.values()].sort((a, b) => a.hour.localeCompare(b.hour) || a.serviceName.localeCompare(b.serviceName, 'vi'));
}

/** Bookings at the desk (phone, counter), their check-in, and the admin's settings (docs/APPOINTMENTS.md). */
export function appointmentHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { appointments, catalog } = deps;
  const view = (id: string, now: number): Appointment => appointments.appointment(id, now, appointmentSettings(deps).lateMinutes)!;

  /** A slot of the service that the desk may still book into: offered on its day, with a desk seat free. */
  const deskSeat = (settings: AppointmentSettings, serviceId: string, slotStart: string, now: number): SlotTime => {
    const rule = ruleOf(settings, serviceId);
    const slot = normalSlotStart(slotStart);
    if (!slot || !serviceSlots(deps, rule, slot.date, now).some((s) => s.at === slot.at)) throw new HubError('SLOT_UNAVAILABLE');
    if (appointments.seatsTaken(serviceId, slot.at, 'site') >= rule.siteSeats) throw new HubError('SLOT_FULL');
    return slot;
  };

  return {
    'appointments.settings': () => appointmentSettings(deps),

    'appointments.saveSettings': async (settings, ctx) => {
      await write(() => {
        const seen = new Set<string>();
        for (const r of settings.rules) {
          const service = catalog.service(r.serviceId);
          if (!service) throw new HubError('NOT_FOUND', 'Quy định đặt lịch hẹn chứa dịch vụ không tồn tại.');
          if (seen.has(r.serviceId)) throw new HubError('VALIDATION_FAILED', `Dịch vụ ${service.name} có hai quy định đặt lịch hẹn: chỉ giữ một.`);
          seen.add(r.serviceId);
        }
        saveAppointmentSettings(deps, settings);
        pushRules(deps, settings, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'appointments.settingsSaved', null, settings, ctx.now);
      });
      ctx.notify.changed('appointments');
      return appointmentSettings(deps);
    },

    'appointments.slots': ({ serviceId, date }, ctx) => {
      const rule = ruleOf(appointmentSettings(deps), serviceId);
      const taken = appointments.seatsTakenOnDay(serviceId, date, 'site');
      return serviceSlots(deps, rule, date, ctx.now).map((s) => ({
        start: s.start, time: s.time, capacity: rule.siteSeats, free: Math.max(0, rule.siteSeats - (taken.get(s.at) ?? 0)),
      }));
    },

    'appointments.book': async (input, ctx) => {
      const id = await write(() => {
        const settings = appointmentSettings(deps);
        const slot = deskSeat(settings, input.serviceId, input.slotStart, ctx.now);
        // Counted over bookings whose check-in has not closed yet: a missed one no longer holds a place.
        const active = appointments.activeFor(input.idNumber, ctx.now - settings.lateMinutes * 60_000);
        if (!withinBookingLimit(active, settings.maxActivePerId)) throw new HubError('BOOKING_LIMIT', `Số định danh này đã có ${active} lịch hẹn chưa đến giờ (tối đa ${settings.maxActivePerId}). Hãy hủy hoặc dùng lịch hẹn đã đặt trước khi đặt thêm.`);
        const row: AppointmentRow = {
          id: uuidv7(ctx.now), code: freshCode(deps), service_id: input.serviceId, slot_start: slot.start, slot_at: slot.at,
          slot_date: vnDate(slot.at), slot_time: slot.time, owner: 'site', id_number: input.idNumber, full_name: input.fullName,
          phone: input.phone, status: 'booked', booked_at: ctx.now, cancelled_at: null, checked_in_at: null, ticket_id: null,
          updated_at: ctx.now, updated_by: 'site',
        };
        appointments.insert(row);
        appointments.appendEvent('booked', row.id, bookedPayload(row), ctx.now);
        return row.id;
      });
      ctx.notify.changed('appointments');
      return view(id, ctx.now);
    },

    'appointments.find': (key, ctx) => view(bookingByKey(deps, key).id, ctx.now),

    'appointments.move': async ({ slotStart, ...key }, ctx) => {
      const id = await write(() => {
        const row = bookingByKey(deps, key);
        checkStillBooked(row);
        const settings = appointmentSettings(deps);
        const target = normalSlotStart(slotStart);
        // Already there: nothing moves, no seat changes hands.
        if (target?.at === row.slot_at) return row.id;
        const slot = deskSeat(settings, row.service_id, slotStart, ctx.now);
        // A move at the desk takes a desk seat; the seat left behind is freed on its owner's side.
        appointments.update(row.id, { slot_start: slot.start, slot_at: slot.at, slot_date: vnDate(slot.at), slot_time: slot.time, owner: 'site', updated_at: ctx.now, updated_by: 'site' });
        const moved: z.input<typeof MovedEventPayload> = { id: row.id, slotStart: slot.start, owner: 'site' };
        appointments.appendEvent('moved', row.id, moved, ctx.now);
        return row.id;
      });
      ctx.notify.changed('appointments');
      return view(id, ctx.now);
    },

    'appointments.cancel': async (key, ctx) => {
      const id = await write(() => {
        const row = bookingByKey(deps, key);
        checkStillBooked(row);
        appointments.update(row.id, { status: 'cancelled', cancelled_at: ctx.now, updated_at: ctx.now, updated_by: 'site' });
        appointments.appendEvent('cancelled', row.id, { id: row.id, at: new Date(ctx.now).toISOString() }, ctx.now);
        return row.id;
      });
      ctx.notify.changed('appointments');
      return view(id, ctx.now);
    },

    'appointments.checkIn': checkInHandler(deps),

    'appointments.today': ({ date }, ctx) => {
      const list = appointments.onDay(date ?? vnDate(ctx.now), ctx.now, appointmentSettings(deps).lateMinutes);
      return { hours: byHour(list), bookings: list.map((a) => ({ ...a, idNumber: maskIdNumber(a.idNumber) })) };
    },
  } satisfies Partial<Handlers>;
}
