import type { OfferedDay } from '../appointments/availability';
import { citizenPage, dayLabel, errorLine, esc, shortDayLabel, type PageError } from './citizen-html';

/**
 * The booking page `/dat-lich`, one step per screen on a phone: the site, the service, then the
 * day, the slot and the citizen's details in one form (POST, then a redirect to the confirmation).
 */

const TITLE = 'Đặt lịch hẹn làm thủ tục';
const q = (params: Record<string, string>): string => `?${new URLSearchParams(params).toString()}`;

export function sitesPage(sites: readonly { siteId: string; name: string }[]): (nonce: string) => string {
  const list = sites.length === 0
    ? '<p class="muted">Hiện chưa có nơi nào nhận đặt lịch hẹn trực tuyến.</p>'
    : `<ul class="choices">${sites.map((s) => `<li><a href="/dat-lich${q({ site: s.siteId })}">${esc(s.name)}</a></li>`).join('')}</ul>`;
  return (nonce) => citizenPage(nonce, TITLE, 'Bước 1/3: chọn nơi làm thủ tục', `<section><h2>Chọn nơi làm thủ tục</h2>${list}</section>${changeLink()}`);
}

export function servicesPage(site: { siteId: string; name: string }, services: readonly { id: string; name: string }[]): (nonce: string) => string {
  const list = `<ul class="choices">${services.map((s) => `<li><a href="/dat-lich${q({ site: site.siteId, service: s.id })}">${esc(s.name)}</a></li>`).join('')}</ul>`;
  return (nonce) => citizenPage(nonce, TITLE, site.name, `<section><h2>Chọn dịch vụ</h2><p class="steps">Bước 2/3</p>${list}</section><p><a href="/dat-lich">← Chọn nơi khác</a></p>`);
}

/** Day buttons (links) and the chosen day's slots as radio tiles; full slots shown, not choosable. */
export function slotPicker(days: readonly OfferedDay[], day: OfferedDay, dayHref: (date: string) => string, checked: string | null): string {
  const chips = days
    .map((d) => {
      const free = d.slots.reduce((n, s) => n + s.free, 0);
      return `<a href="${esc(dayHref(d.date))}"${d.date === day.date ? ' aria-current="date"' : ''}>${esc(shortDayLabel(d.date))}<small>${free > 0 ? `còn ${free} chỗ` : 'hết chỗ'}</small></a>`;
    })
    .join('');
  const tiles = day.slots
    .map((s) =>
      s.free > 0
        ? `<label class="slot"><input type="radio" name="slot" value="${esc(s.start)}" required${s.start === checked ? ' checked' : ''}><b>${esc(s.time)}</b><small>còn ${s.free} chỗ</small></label>`
        : `<span class="slot full"><b>${esc(s.time)}</b><small>hết chỗ</small></span>`,
    )
    .join('');
  return `<nav class="days" aria-label="Chọn ngày">${chips}</nav>
  <fieldset><legend>Giờ hẹn ${esc(dayLabel(day.date))}</legend><div class="slots">${tiles}</div></fieldset>`;
}

export interface SlotsPageInput {
  readonly site: { siteId: string; name: string };
  readonly service: { id: string; name: string };
  readonly days: readonly OfferedDay[];
  readonly day: OfferedDay | null;
  readonly error: PageError | null;
  readonly values: { readonly idNumber: string; readonly fullName: string; readonly phone: string; readonly slot: string | null };
}

export function slotsPage(p: SlotsPageInput): (nonce: string) => string {
  const href = (date: string) => `/dat-lich${q({ site: p.site.siteId, service: p.service.id, day: date })}`;
  const body = p.day === null
    ? `<section><h2>${esc(p.service.name)}</h2><p class="muted">Trong những ngày tới dịch vụ này không còn khung giờ nào nhận đặt lịch. Mời Ông/Bà quay lại sau hoặc đến trực tiếp.</p></section>`
    : `<section><h2>${esc(p.service.name)}</h2><p class="steps">Bước 3/3: chọn ngày, giờ và điền thông tin</p></section>
  <section>
  <form method="post" action="/dat-lich">
  ${errorLine(p.error)}
  <input type="hidden" name="site" value="${esc(p.site.siteId)}"><input type="hidden" name="service" value="${esc(p.service.id)}"><input type="hidden" name="day" value="${esc(p.day.date)}">
  ${slotPicker(p.days, p.day, href, p.values.slot)}
  <label>Số CCCD (hoặc CMND) <input type="text" name="idNumber" inputmode="numeric" autocomplete="off" required pattern="\\d{9}|\\d{12}" maxlength="12" value="${esc(p.values.idNumber)}"><span class="hint">Cần khi đổi hoặc hủy lịch, và khi đến làm thủ tục.</span></label>
  <label>Họ và tên <input type="text" name="fullName" autocomplete="name" required minlength="2" maxlength="100" value="${esc(p.values.fullName)}"></label>
  <label>Số điện thoại (không bắt buộc) <input type="tel" name="phone" autocomplete="tel" maxlength="13" value="${esc(p.values.phone)}"></label>
  <button>Đặt lịch hẹn</button>
  </form>
  </section>`;
  return (nonce) => citizenPage(nonce, TITLE, p.site.name, `${body}<p><a href="/dat-lich${q({ site: p.site.siteId })}">← Chọn dịch vụ khác</a></p>`);
}

const changeLink = (): string => '<p class="muted">Đã đặt lịch? <a href="/dat-lich/doi">Đổi giờ hoặc hủy lịch hẹn</a></p>';

/** A refusal the page cannot show in its own form (an unknown site, a blocked address…). */
export function messagePage(title: string, error: PageError): (nonce: string) => string {
  return (nonce) => citizenPage(nonce, title, '', `<section>${errorLine(error)}</section><p><a href="/dat-lich">← Đặt lịch hẹn</a></p>`);
}
