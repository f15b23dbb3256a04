import type { TimeWindow, WeeklyHours } from '../../contract/queue';
import { dayOffReason, queueWindowsOn, USUAL_DAY, type QueueDay } from './queue-day';
import { hhmmToMinutes, vnClock, weekdayNames } from './vn-time';

export type OpenState = { readonly open: true } | { readonly open: false; readonly reason: string };

/**
 * Whether numbers may be taken at this instant under these hours (Vietnam time), on a day the
 * working calendar describes (`queueDayOf`): no number on a holiday or a day off, whatever the
 * weekly hours say, and a làm bù Saturday takes numbers like a weekday.
 */
export function openStateAt(hours: WeeklyHours, epochMs: number, serviceName: string, day: QueueDay = USUAL_DAY): OpenState {
  const offReason = dayOffReason(day);
  if (offReason !== null) return { open: false, reason: offReason };
  const c = vnClock(epochMs);
  const today = queueWindowsOn(hours, day, c.weekday);
  if (today.some((w) => c.minuteOfDay >= hhmmToMinutes(w.from) && c.minuteOfDay < hhmmToMinutes(w.to))) {
    return { open: true };
  }
  const later = today.find((w) => hhmmToMinutes(w.from) > c.minuteOfDay);
  const reason = later
    ? `Dịch vụ ${serviceName} chưa đến giờ lấy số. Mời quay lại lúc ${later.from}.`
    : today.length > 0
      ? `Dịch vụ ${serviceName} đã hết giờ lấy số hôm nay (${windowsText(today)}).`
      : `Hôm nay (${weekdayNames[c.weekday]}) dịch vụ ${serviceName} không nhận số.`;
  return { open: false, reason };
}

function windowsText(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${w.from}–${w.to}`).join(', ');
}

function hoursOfDayText(hours: WeeklyHours, weekday: number): string {
  return windowsText(hours[weekday] ?? []);
}

/**
 * Hours in words, grouping weekdays with the same windows:
 * "Thứ Hai – Thứ Sáu: 07:30–11:00, 13:30–16:30; Thứ Bảy: 07:30–11:00".
 */
export function hoursText(hours: WeeklyHours): string {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const groups: { days: number[]; text: string }[] = [];
  for (const d of order) {
    const text = hoursOfDayText(hours, d);
    if (!text) continue;
    const last = groups[groups.length - 1];
    const prevDay = last?.days[last.days.length - 1];
    if (last && last.text === text && prevDay !== undefined && order.indexOf(prevDay) === order.indexOf(d) - 1) last.days.push(d);
    else groups.push({ days: [d], text });
  }
  if (groups.length === 0) return 'Không nhận số';
  return groups
    .map((g) => {
      const first = weekdayNames[g.days[0]!];
      const lastDay = weekdayNames[g.days[g.days.length - 1]!];
      return `${g.days.length > 1 ? `${first} – ${lastDay}` : first}: ${g.text}`;
    })
    .join('; ');
}
