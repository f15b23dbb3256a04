import { appointmentQrPayload, BookingCode, BookingKey, NewBooking, type RulesEventPayload } from '../../contract/appointments';
import { maskedName } from '../../contract/citizen-dossier';
import { offeredDays, type OfferedDay } from '../appointments/availability';
import { book, cancel, move } from '../appointments/booking';
import { BookingError, bookingErrorStatus } from '../appointments/booking-error';
import { slotStartAt } from '../appointments/slots';
import { bookableServices, bookableSites, bookingByCode, siteRules, type BookingRow } from '../appointments/store';
import { esc, type PageError } from './citizen-html';
import { messagePage, servicesPage, sitesPage, slotsPage, type SlotsPageInput } from './booking-pages';
import { changePage, confirmationPage, findBookingPage, type BookingSummary } from './confirmation-pages';
import { HttpError } from './http-error';
import { qrSvg } from './qr-svg';
import { readForm, redirect, sendPage } from './io';
import type { CentralDeps, Route, RouteRequest } from './routes';

/**
 * The public booking pages (issue 14, docs/APPOINTMENTS.md): no login, server-rendered forms
 * (POST, then a redirect), answered from what the sites pushed — so a citizen books while the site
 * is offline. Looking a booking up by its code, and changing or cancelling it with a wrong ID
 * number, count as wrong guesses on the `/tra-cuu` throttle of the address.
 */

const BOOKING_TITLE = 'Đặt lịch hẹn làm thủ tục';
const NOT_FOUND: PageError = { code: 'BOOKING_NOT_FOUND', message: 'Không có lịch hẹn với mã này ở nơi đã chọn. Mời kiểm tra lại mã lịch hẹn.' };
const NO_SITE: PageError = { code: 'SITE_NOT_BOOKABLE', message: 'Nơi này chưa nhận đặt lịch hẹn trực tuyến.' };
const NO_SERVICE: PageError = { code: 'SERVICE_NOT_BOOKABLE', message: 'Dịch vụ này không nhận đặt lịch hẹn trực tuyến.' };
const NOTICES: Readonly<Record<string, string>> = {
  moi: 'Đặt lịch thành công. Mời Ông/Bà lưu lại mã lịch hẹn hoặc in giấy hẹn.',
  doi: 'Đã đổi giờ hẹn.',
  huy: 'Đã hủy lịch hẹn.',
};
const FIELD_NAMES: Readonly<Record<string, string>> = { slotStart: 'Giờ hẹn', idNumber: 'Số CCCD', fullName: 'Họ và tên', phone: 'Số điện thoại' };

const pageError = (e: BookingError): PageError => ({ code: e.code, message: e.message });
const confirmationPath = (siteId: string, code: string, notice: string) => `/hen/${encodeURIComponent(siteId)}/${code}?da=${notice}`;

/** The day a picker shows: the one asked for, else the first with a free seat, else the first. */
const chosenDay = (days: readonly OfferedDay[], day: string | null): OfferedDay | null =>
  days.find((d) => d.date === day) ?? days.find((d) => d.slots.some((s) => s.free > 0)) ?? days[0] ?? null;

/**
 * Runs a page handler; a refusal it did not render itself (a blocked address, a body too large…)
 * becomes a page with the message, not the JSON the sync API answers with.
 */
const page = (handle: (deps: CentralDeps, r: RouteRequest) => Promise<void>) => async (deps: CentralDeps, r: RouteRequest): Promise<void> => {
  try {
    await handle(deps, r);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    await sendPage(r.req, r.res, messagePage(BOOKING_TITLE, { code: e.code, message: e.message }), { status: e.status, headers: e.headers, forms: true });
  }
};

async function serviceOf(deps: CentralDeps, siteId: string, serviceId: string) {
  const rules = await siteRules(deps.db, siteId);
  if (rules === null) throw new HttpError(404, NO_SITE.code, NO_SITE.message);
  const service = bookableServices(rules).find((s) => s.id === serviceId);
  if (!service) throw new HttpError(404, NO_SERVICE.code, NO_SERVICE.message);
  return { rules, service };
}

async function renderSlots(
  deps: CentralDeps, r: RouteRequest, siteId: string, serviceId: string, day: string | null, error: PageError | null, values: SlotsPageInput['values'], status = 200,
): Promise<void> {
  const { rules, service } = await serviceOf(deps, siteId, serviceId);
  const days = await offeredDays(deps.db, siteId, service, Date.now());
  await sendPage(r.req, r.res, slotsPage({ site: { siteId, name: rules.siteName }, service, days, day: chosenDay(days, day), error, values }), { status, forms: true });
}

/** A booking by its site and code, counting an unknown code as a wrong guess of the address. */
async function knownBooking(deps: CentralDeps, r: RouteRequest, siteId: string, code: string): Promise<BookingRow> {
  await deps.lookups.check(r.address);
  const parsed = BookingCode.safeParse(code);
  const row = parsed.success ? await bookingByCode(deps.db, siteId, parsed.data) : null;
  if (row === null) return deps.lookups.fail(r.address, new HttpError(404, NOT_FOUND.code, NOT_FOUND.message), { path: r.url.pathname });
  return row;
}

/** A booking in the site's words; names from its latest pushed rules (a service since dropped from them is "Dịch vụ"). */
function summaryOf(row: BookingRow, rules: RulesEventPayload | null): BookingSummary {
  const start = slotStartAt(row.slot_start.getTime());
  return {
    siteId: row.site_id, siteName: rules?.siteName ?? row.site_id, serviceName: rules?.services.find((s) => s.id === row.service_id)?.name ?? 'Dịch vụ',
    code: row.code, date: start.slice(0, 10), time: start.slice(11, 16),
  };
}

async function renderChange(
  deps: CentralDeps, r: RouteRequest, row: BookingRow, day: string | null, error: PageError | null, status = 200, slot: string | null = null,
): Promise<void> {
  if (row.status !== 'booked') return redirect(r.req, r.res, `/hen/${encodeURIComponent(row.site_id)}/${row.code}`);
  const rules = await siteRules(deps.db, row.site_id);
  const service = rules ? bookableServices(rules).find((s) => s.id === row.service_id) : undefined;
  const days = service ? await offeredDays(deps.db, row.site_id, service, Date.now()) : [];
  await sendPage(r.req, r.res, changePage({ ...summaryOf(row, rules), days, day: chosenDay(days, day), slot, error }), { status, forms: true });
}

export const appointmentRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: /^\/dat-lich$/,
    handle: page(async (deps, r) => {
      const siteId = r.url.searchParams.get('site');
      const serviceId = r.url.searchParams.get('service');
      if (siteId === null) return sendPage(r.req, r.res, sitesPage(await bookableSites(deps.db)));
      if (serviceId === null) {
        const rules = await siteRules(deps.db, siteId);
        if (rules === null) throw new HttpError(404, NO_SITE.code, NO_SITE.message);
        return sendPage(r.req, r.res, servicesPage({ siteId, name: rules.siteName }, bookableServices(rules)));
      }
      await renderSlots(deps, r, siteId, serviceId, r.url.searchParams.get('day'), null, { idNumber: '', fullName: '', phone: '', slot: null });
    }),
  },
  {
    method: 'POST',
    path: /^\/dat-lich$/,
    handle: page(async (deps, r) => {
      const form = await readForm(r.req, deps.limits);
      const get = (k: string) => form.get(k) ?? '';
      const [siteId, serviceId, day] = [get('site'), get('service'), get('day')];
      const values = { idNumber: get('idNumber'), fullName: get('fullName'), phone: get('phone'), slot: form.get('slot') };
      const again = (error: PageError, status: number) => renderSlots(deps, r, siteId, serviceId, day, error, values, status);
      if (values.slot === null) return again({ code: 'VALIDATION_FAILED', message: 'Mời chọn giờ hẹn.' }, 400);
      const input = NewBooking.safeParse({ serviceId, slotStart: values.slot, idNumber: values.idNumber, fullName: values.fullName, phone: values.phone.trim() === '' ? null : values.phone });
      if (!input.success) {
        const issue = input.error.issues[0]!;
        return again({ code: 'VALIDATION_FAILED', message: `${FIELD_NAMES[String(issue.path[0])] ?? 'Dữ liệu'}: ${issue.message}` }, 400);
      }
      await deps.bookings.take(r.address);
      try {
        const row = await book(deps.db, siteId, input.data, Date.now());
        await redirect(r.req, r.res, confirmationPath(siteId, row.code, 'moi'));
      } catch (e) {
        if (!(e instanceof BookingError)) throw e;
        await again(pageError(e), bookingErrorStatus[e.code]);
      }
    }),
  },
  {
    method: 'GET',
    path: /^\/hen\/([^/]+)\/([^/]+)$/,
    handle: page(async (deps, r) => {
      const [siteId, code] = r.params as [string, string];
      const row = await knownBooking(deps, r, siteId, code);
      const rules = await siteRules(deps.db, siteId);
      const qr = qrSvg(appointmentQrPayload(siteId, row.code, deps.publicUrl), esc(`Mã QR của lịch hẹn ${row.code}`));
      await sendPage(r.req, r.res, confirmationPage({
        ...summaryOf(row, rules), status: row.status, maskedName: maskedName(row.full_name), qr,
        notice: NOTICES[r.url.searchParams.get('da') ?? ''] ?? null,
        checkIn: rules ? { earlyMinutes: rules.settings.earlyMinutes, lateMinutes: rules.settings.lateMinutes } : null,
      }));
    }),
  },
  {
    method: 'GET',
    path: /^\/dat-lich\/doi$/,
    handle: page(async (deps, r) => {
      const siteId = r.url.searchParams.get('site');
      const code = r.url.searchParams.get('code');
      const sites = await bookableSites(deps.db);
      if (siteId === null || code === null) return sendPage(r.req, r.res, findBookingPage(sites, null), { forms: true });
      let row: BookingRow;
      try {
        row = await knownBooking(deps, r, siteId, code.trim().toUpperCase());
      } catch (e) {
        if (!(e instanceof HttpError) || e.code !== NOT_FOUND.code) throw e;
        return sendPage(r.req, r.res, findBookingPage(sites, NOT_FOUND, { siteId, code }), { status: 404, forms: true });
      }
      await renderChange(deps, r, row, r.url.searchParams.get('day'), null);
    }),
  },
  {
    method: 'POST',
    path: /^\/dat-lich\/doi$/,
    handle: page(async (deps, r) => {
      const form = await readForm(r.req, deps.limits);
      const siteId = form.get('site') ?? '';
      const row = await knownBooking(deps, r, siteId, (form.get('code') ?? '').trim().toUpperCase());
      const action = form.get('action');
      const slot = form.get('slot');
      const again = (error: PageError, status: number) => renderChange(deps, r, row, slot?.slice(0, 10) ?? null, error, status, slot);
      const key = BookingKey.safeParse({ code: row.code, idNumber: form.get('idNumber') ?? '' });
      if (!key.success) return again({ code: 'VALIDATION_FAILED', message: `Số CCCD: ${key.error.issues[0]!.message}` }, 400);
      if (action !== 'move' && action !== 'cancel') return again({ code: 'VALIDATION_FAILED', message: 'Mời chọn đổi giờ hoặc hủy lịch.' }, 400);
      if (action === 'move' && slot === null) return again({ code: 'VALIDATION_FAILED', message: 'Mời chọn giờ hẹn mới.' }, 400);
      if (action === 'move') await deps.bookings.take(r.address);
      try {
        const done = action === 'move' ? await move(deps.db, siteId, key.data, slot!, Date.now()) : await cancel(deps.db, siteId, key.data, Date.now());
        await redirect(r.req, r.res, confirmationPath(siteId, done.code, action === 'move' ? 'doi' : 'huy'));
      } catch (e) {
        if (!(e instanceof BookingError)) throw e;
        if (e.code !== 'BOOKING_NOT_FOUND') return again(pageError(e), bookingErrorStatus[e.code]);
        // A wrong ID number is a wrong guess: counted, and refused in the same words until blocked.
        try {
          await deps.lookups.fail(r.address, new HttpError(404, e.code, e.message), { path: r.url.pathname });
        } catch (refusal) {
          if (!(refusal instanceof HttpError) || refusal.status === 429) throw refusal;
          await again(pageError(e), 404);
        }
      }
    }),
  },
];
