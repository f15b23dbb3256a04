/**
 * Vietnam has used UTC+7 with no daylight saving since 1975, so local time is a fixed offset.
 * The hub uses it for the service date (tickets roll over at local midnight with no reset job),
 * opening hours and everything printed; instants are stored in UTC.
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VnClock {
  /** `YYYY-MM-DD` in Vietnam. */
  readonly date: string;
  /** 0 = Chủ nhật … 6 = Thứ bảy. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
}

export function vnClock(epochMs: number): VnClock {
  const local = new Date(epochMs + VN_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    weekday: local.getUTCDay(),
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Days since 1970-01-01 in Vietnam time: orders and keys dates without formatting them (a year's report compares hundreds of thousands). */
export const vnDayNumber = (epochMs: number): number => Math.floor((epochMs + VN_OFFSET_MS) / 86_400_000);

export function vnDate(epochMs: number): string {
  return vnClock(epochMs).date;
}

/** The instant of local midnight starting a Vietnam date. */
export function vnMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) - VN_OFFSET_MS;
}

export function hhmmToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function minutesToHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `HH:MM dd/MM/yyyy` in Vietnam time, as printed on tickets. */
export function formatVnDateTime(epochMs: number): string {
  const c = vnClock(epochMs);
  const [y, mo, d] = c.date.split('-');
  return `${minutesToHhmm(c.minuteOfDay)} ${d}/${mo}/${y}`;
}

export const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** An instant as the API writes it (UTC ISO 8601), or null for "not yet". */
export const isoOrNull = (epochMs: number | null): string | null => (epochMs === null ? null : new Date(epochMs).toISOString());
