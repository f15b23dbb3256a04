/**
 * Dates as officers type them (dd/mm/yyyy) and as the hub stores them (YYYY-MM-DD, Vietnam
 * calendar date). A typed text that is not a date yet is kept as typed, so a field never jumps
 * while someone types; the hub rejects what is still not a date on saving.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "1/5/1990" or "01/05/1990" (also with - or .) → "1990-05-01"; null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** "1990-05-01" → "01/05/1990"; anything else is returned as it is (a half-typed date). */
export function showVnDate(value: string): string {
  const m = ISO.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** Today's calendar date in Vietnam (UTC+7, no daylight saving). */
export function todayVn(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A Vietnam date and "HH:MM" as an instant with its offset; null when either is not valid. */
export function vnInstant(date: string, time: string): string | null {
  if (!isIsoDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time.trim())) return null;
  return `${date}T${time.trim()}:00+07:00`;
}
