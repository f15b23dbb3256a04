/**
 * Dates, times, counts and amounts as Vietnamese administrative documents write them.
 * Instants are UTC milliseconds; every text is in Vietnam time (see vn-time).
 */
import { vnClock } from './vn-time';

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * "ngày 05 tháng 02 năm 2026", "ngày 26 tháng 11 năm 2026": NĐ 30/2020 (Phụ lục I) writes a day
 * below 10 and the months 1 and 2 with a leading zero, and no other month.
 */
export function vnDateText(epochMs: number): string {
  const [year, month, day] = vnClock(epochMs).date.split('-').map(Number);
  return `ngày ${twoDigits(day)} tháng ${month <= 2 ? twoDigits(month) : String(month)} năm ${year}`;
}

/** "08 giờ 05 phút". */
export function vnTimeText(epochMs: number): string {
  const { minuteOfDay } = vnClock(epochMs);
  return `${twoDigits(Math.floor(minuteOfDay / 60))} giờ ${twoDigits(minuteOfDay % 60)} phút`;
}

/** "14 giờ 05 phút, ngày 26 tháng 11 năm 2026": how the receipt prints the received and return times. */
export function vnDateTimeText(epochMs: number): string {
  return `${vnTimeText(epochMs)}, ${vnDateText(epochMs)}`;
}

/** The dateline under the national motto: "Ia Grai, ngày 26 tháng 11 năm 2026". */
export function vnPlaceDateText(place: string, epochMs: number): string {
  return `${place}, ${vnDateText(epochMs)}`;
}

/** Counts of sets and papers are written with two digits on the forms: "01", "12". */
export function vnCountText(n: number): string {
  return twoDigits(n);
}

/** "1.250.000 đồng": Vietnamese groups thousands with dots. Amounts are whole đồng. */
export function vnMoneyText(amountVnd: number): string {
  const digits = String(Math.round(Math.abs(amountVnd)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${amountVnd < 0 ? '-' : ''}${grouped} đồng`;
}

/** "16 giờ 00 phút, ngày 06/12/2026": a time in a sentence on screen (history, messages). */
export function vnTimeDateText(epochMs: number): string {
  const [year, month, day] = vnClock(epochMs).date.split('-');
  return `${vnTimeText(epochMs)}, ngày ${day}/${month}/${year}`;
}

/** "Từ ngày 01/11/2026 đến ngày 30/11/2026": a period of Vietnam dates (YYYY-MM-DD) as registers and reports head it. */
export function vnPeriodText(from: string, to: string): string {
  const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');
  return `Từ ngày ${ddmmyyyy(from)} đến ngày ${ddmmyyyy(to)}`;
}
