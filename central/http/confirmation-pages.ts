import type { OfferedDay } from '../appointments/availability';
import { slotPicker } from './booking-pages';
import { citizenPage, dayLabel, errorLine, esc, type PageError } from './citizen-html';

/**
 * The confirmation `/hen/<siteId>/<code>` (what the booking QR opens: shareable, printable) and the
 * change page `/dat-lich/doi`. Neither shows personal data but the masked name; changing or
 * cancelling needs the ID number that booked.
 */

const STATUS_TEXT = { booked: 'Đã đặt lịch', cancelled: 'Đã hủy', checked_in: 'Đã đến làm thủ tục' } as const;

/** What both pages say of a booking: where, what, when (Vietnam date and HH:MM). */
export interface BookingSummary {
  readonly siteId: string;
  readonly siteName: string;
  readonly serviceName: string;
  readonly code: string;
  readonly date: string;
  readonly time: string;
}

export interface ConfirmationInput extends BookingSummary {
  readonly status: keyof typeof STATUS_TEXT;
  readonly maskedName: string;
  readonly qr: string;
  readonly notice: string | null;
  readonly checkIn: { readonly earlyMinutes: number; readonly lateMinutes: number } | null;
}

export function confirmationPage(c: ConfirmationInput): (nonce: string) => string {
  const change = `/dat-lich/doi?${new URLSearchParams({ site: c.siteId, code: c.code }).toString()}`;
  const body = `${c.notice ? `<section class="no-print"><p class="notice" role="status">${esc(c.notice)}</p></section>` : ''}
  <section class="${c.status === 'cancelled' ? 'cancelled' : ''}">
  <p class="muted">Mã lịch hẹn</p>
  <p class="code">${esc(c.code)}</p>
  <p class="when"><span class="time">${esc(c.time)}</span><span>${esc(dayLabel(c.date))}</span></p>
  ${c.status === 'booked' ? c.qr : ''}
  <dl>
    <dt>Trạng thái</dt><dd>${esc(STATUS_TEXT[c.status])}</dd>
    <dt>Dịch vụ</dt><dd>${esc(c.serviceName)}</dd>
    <dt>Nơi làm thủ tục</dt><dd>${esc(c.siteName)}</dd>
    <dt>Người đặt</dt><dd>${esc(c.maskedName)}</dd>
  </dl>
  ${c.status === 'booked' && c.checkIn
    ? `<p class="muted checkin">Khi đến, quét mã QR này hoặc nhập mã lịch hẹn tại máy lấy số, từ ${c.checkIn.earlyMinutes} phút trước đến ${c.checkIn.lateMinutes} phút sau giờ hẹn. Mang theo CCCD.</p>`
    : ''}
  ${c.status === 'booked'
    ? `<div class="actions no-print"><button type="button" id="print">In giấy hẹn</button><a class="button secondary" href="${esc(change)}">Đổi giờ hoặc hủy lịch</a></div>`
    : ''}
  </section>
  <p class="no-print"><a href="/dat-lich">← Đặt lịch hẹn khác</a></p>`;
  const script = `document.getElementById('print')?.addEventListener('click', () => window.print());`;
  return (nonce) => citizenPage(nonce, 'Giấy hẹn làm thủ tục', c.siteName, body, script);
}

/** Asks which booking to change: the site and the code (the ID number comes with the change). */
export function findBookingPage(
  sites: readonly { siteId: string; name: string }[], error: PageError | null, asked: { readonly siteId: string; readonly code: string } | null = null,
): (nonce: string) => string {
  const options = sites.map((s) => `<option value="${esc(s.siteId)}"${s.siteId === asked?.siteId ? ' selected' : ''}>${esc(s.name)}</option>`).join('');
  const body = `<section><h2>Tìm lịch hẹn</h2>
  <form method="get" action="/dat-lich/doi">
  ${errorLine(error)}
  <label>Nơi làm thủ tục <select name="site" required>${options}</select></label>
  <label>Mã lịch hẹn <input type="text" name="code" required autocomplete="off" spellcheck="false" maxlength="6" placeholder="6 ký tự, ví dụ T7K2MX" value="${esc(asked?.code ?? '')}"></label>
  <button>Tiếp tục</button>
  </form></section>`;
  return (nonce) => citizenPage(nonce, 'Đổi hoặc hủy lịch hẹn', '', body);
}

export interface ChangePageInput extends BookingSummary {
  readonly days: readonly OfferedDay[];
  readonly day: OfferedDay | null;
  /** The slot chosen before a refusal, chosen again. */
  readonly slot: string | null;
  readonly error: PageError | null;
}

export function changePage(p: ChangePageInput): (nonce: string) => string {
  const hidden = `<input type="hidden" name="site" value="${esc(p.siteId)}"><input type="hidden" name="code" value="${esc(p.code)}">`;
  const idField = `<label>Số CCCD (hoặc CMND) đã dùng khi đặt <input type="text" name="idNumber" inputmode="numeric" autocomplete="off" required pattern="\\d{9}|\\d{12}" maxlength="12"></label>`;
  const href = (date: string) => `/dat-lich/doi?${new URLSearchParams({ site: p.siteId, code: p.code, day: date }).toString()}`;
  const body = `<section><h2>Lịch hẹn ${esc(p.code)}</h2>
  ${errorLine(p.error)}
  <dl><dt>Dịch vụ</dt><dd>${esc(p.serviceName)}</dd><dt>Giờ hẹn</dt><dd>${esc(p.time)} — ${esc(dayLabel(p.date))}</dd></dl></section>
  <section><h2>Đổi sang giờ khác</h2>
  ${p.day === null
    ? '<p class="muted">Những ngày tới không còn khung giờ nào trống.</p>'
    : `<form method="post" action="/dat-lich/doi">${hidden}<input type="hidden" name="action" value="move">
  ${slotPicker(p.days, p.day, href, p.slot)}${idField}<button>Đổi giờ hẹn</button></form>`}
  </section>
  <section><h2>Hủy lịch hẹn</h2>
  <form method="post" action="/dat-lich/doi">${hidden}<input type="hidden" name="action" value="cancel">${idField}<button class="secondary">Hủy lịch hẹn</button></form>
  </section>`;
  return (nonce) => citizenPage(nonce, 'Đổi hoặc hủy lịch hẹn', p.siteName, body);
}
