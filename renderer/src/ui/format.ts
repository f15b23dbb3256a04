/** Vietnam time (UTC+7, no daylight saving), whatever the browser's own time zone. */
const VN_OFFSET_MS = 7 * 3_600_000;

function local(ms: number): Date {
  return new Date(ms + VN_OFFSET_MS);
}

export function hhmm(ms: number): string {
  const d = local(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export function hhmmss(ms: number): string {
  return `${hhmm(ms)}:${String(local(ms).getUTCSeconds()).padStart(2, '0')}`;
}

export function ddmmyyyy(ms: number): string {
  const d = local(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
export function weekdayVi(ms: number): string {
  return weekdays[local(ms).getUTCDay()]!;
}

/** Minutes since an ISO instant, for "chờ 12 phút". */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}
