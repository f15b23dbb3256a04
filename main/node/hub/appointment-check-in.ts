import { parseAppointmentQr, type AppointmentSettings, type CheckedInEventPayload } from '../../../contract/appointments';
import { HubError } from '../../../contract/errors';
import { sayer, type MessageKey } from '../../../contract/locales';
import type { z } from 'zod';
import { checkInWindow } from '../../core/appointments/check-in';
import { ticketLanguage } from '../../core/citizen-language';
import { parseCccdQr } from '../../core/cccd-qr';
import { vnDate } from '../../core/vn-time';
import type { AppointmentRow } from '../db/appointment-store';
import type { CentralConfig } from '../sync/central-client';
import { appointmentSettings, checkStillBooked } from './appointment-rules';
import { throttled } from './attempts';
import type { Handler, HubDeps } from './context';
import { announcePrintJob } from './print-handlers';
import { guardNumbering } from './recovery-guard';
import { issueTicket } from './ticket-issue';

const vnDay = (date: string): string => date.split('-').reverse().join('/');

type Say = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** The booking a scanned booking QR or a typed code names, at this site. */
function byCode(deps: HubDeps, text: string, t: Say): AppointmentRow {
  const parsed = parseAppointmentQr(text);
  if (!parsed) throw new HubError('APPOINTMENT_NOT_FOUND', t('checkIn.unreadable'));
  const siteId = deps.site.get<CentralConfig>('sync')?.siteId ?? null;
  if (parsed.siteId !== null && siteId !== null && parsed.siteId !== siteId) throw new HubError('APPOINTMENT_NOT_FOUND', t('checkIn.otherSite'));
  const row = deps.appointments.byCode(parsed.code);
  if (!row) throw new HubError('APPOINTMENT_NOT_FOUND', t('checkIn.notFound'));
  return row;
}

/**
 * Today's booking of the ID number on a scanned CCCD (or of its old CMND number): the one whose
 * check-in window is open, else the next one (its answer says when to come back), else the last
 * one (missed).
 */
function byCccd(deps: HubDeps, raw: string, settings: AppointmentSettings, now: number, t: Say): AppointmentRow {
  const card = parseCccdQr(raw, now);
  // The parser's own words are for staff (which field is wrong); the citizen is asked to scan again.
  if (!card.ok) throw new HubError('SCAN_UNREADABLE', t('checkIn.cardUnreadable'), { reason: card.message });
  const today = vnDate(now);
  const rows = [card.value.idNumber, card.value.oldIdNumber]
    .filter((n): n is string => n !== null)
    .flatMap((n) => deps.appointments.bookedOnDay(n, today))
    .sort((a, b) => a.slot_at - b.slot_at);
  const open = rows.find((r) => checkInWindow(r.slot_at, now, settings.earlyMinutes, settings.lateMinutes).kind === 'open');
  const row = open ?? rows.find((r) => r.slot_at > now) ?? rows.at(-1);
  if (!row) throw new HubError('APPOINTMENT_NOT_FOUND', t('checkIn.noneToday'));
  return row;
}

/** Within the check-in window, or the error that says when to come back or to take a normal number. */
function checkWindow(row: AppointmentRow, settings: AppointmentSettings, now: number, t: Say): number {
  const w = checkInWindow(row.slot_at, now, settings.earlyMinutes, settings.lateMinutes);
  switch (w.kind) {
    case 'open':
      return w.minutesFromSlot;
    case 'tooEarly':
      throw new HubError('APPOINTMENT_TOO_EARLY', t('checkIn.tooEarly', { opensAt: w.opensAt }), { opensAt: w.opensAt, slotTime: row.slot_time });
    case 'notToday':
      throw new HubError('APPOINTMENT_NOT_TODAY', t('checkIn.notToday', { date: vnDay(w.slotDate), time: row.slot_time }), { slotDate: w.slotDate, slotTime: row.slot_time });
    case 'missed':
      throw new HubError(
        'APPOINTMENT_MISSED',
        t('checkIn.missed', { time: row.slot_time, date: vnDay(row.slot_date), closedAt: w.closedAt }),
        { closedAt: w.closedAt, slotTime: row.slot_time },
      );
  }
}

/**
 * `appointments.checkIn` (the kiosk's token may call it): the booking becomes a ticket of its
 * service, source `appointment`, issued by the same path as `tickets.issue` (number, event, print
 * job) in the same transaction as the booking's change — never a booking checked in without its
 * number, nor a number for a booking still open. The service's hours and daily cap are not asked
 * again: the slot was within its hours when booked, and the seat was promised.
 */
export function checkInHandler(deps: HubDeps): Handler<'appointments.checkIn'> {
  return async (input, ctx) => {
    await guardNumbering(deps, ctx.now);
    const language = ticketLanguage(input.language, deps.site.site().language);
    const t = sayer(language);
    // A code that names a booking is no guess, whatever the window says; one that names none is.
    if (input.by === 'code') {
      await throttled(() => deps.throttle.booking.begin(ctx.now, ctx.clientAddress), 'TOO_MANY_ATTEMPTS', async (attempt) => {
        byCode(deps, input.text, t);
        attempt.succeeded();
      });
    }
    const done = await deps.writer.run(() => {
      const settings = appointmentSettings(deps);
      const row = input.by === 'code' ? byCode(deps, input.text, t) : byCccd(deps, input.raw, settings, ctx.now, t);
      checkStillBooked(row, language);
      const minutesFromSlot = checkWindow(row, settings, ctx.now, t);
      const service = deps.catalog.service(row.service_id);
      if (!service) throw new HubError('NOT_FOUND', 'Không tìm thấy dịch vụ của lịch hẹn.');
      const { issued, printerId } = issueTicket(deps, ctx, { service, priorityClass: null, source: 'appointment', appointment: { id: row.id, time: row.slot_time }, language });
      deps.appointments.update(row.id, { status: 'checked_in', checked_in_at: ctx.now, ticket_id: issued.ticket.id, updated_at: ctx.now, updated_by: 'site' });
      const event: z.input<typeof CheckedInEventPayload> = { id: row.id, ticketId: issued.ticket.id, at: new Date(ctx.now).toISOString(), minutesFromSlot };
      deps.appointments.appendEvent('checkedIn', row.id, event, ctx.now);
      return { id: row.id, issued, printerId, lateMinutes: settings.lateMinutes };
    });
    ctx.notify.changed('queue', 'appointments');
    if (done.printerId) announcePrintJob(deps, ctx, done.printerId);
    return { appointment: deps.appointments.appointment(done.id, ctx.now, done.lateMinutes)!, ticket: done.issued };
  };
}
