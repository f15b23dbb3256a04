import { HubError } from '../../contract/errors';
import type { PriorityClass, Service, WeeklyHours } from '../../contract/queue';
import { openStateAt } from './hours';
import type { QueueDay } from './queue-day';

export interface IssueCheck {
  readonly service: Service;
  readonly priorityClass: PriorityClass | null;
  /** The site's hours for taking numbers, used when the service has none of its own. */
  readonly siteHours: WeeklyHours;
  /** Tickets already issued today for this service (redirected copies not counted). */
  readonly issuedToday: number;
  readonly now: number;
  /** What the working calendar says of today (`queueDayOf`): holidays and làm bù days override the weekly hours. */
  readonly day: QueueDay;
}

/** Throws the reason a number cannot be taken now, in words for the citizen at the kiosk. */
export function checkCanIssue(c: IssueCheck): void {
  const s = c.service;
  if (!s.active) throw new HubError('SERVICE_INACTIVE', `Dịch vụ ${s.name} đã ngừng hoạt động.`);
  if (c.priorityClass && !c.priorityClass.active) throw new HubError('NOT_FOUND', 'Đối tượng ưu tiên này không còn áp dụng.');
  if (c.priorityClass && s.priorityMode === 'normal') {
    throw new HubError('PRIORITY_NOT_ACCEPTED', `Dịch vụ ${s.name} không nhận số ưu tiên; mời lấy số thường.`);
  }
  if (!c.priorityClass && s.priorityMode === 'priority') {
    throw new HubError('PRIORITY_REQUIRED', `Dịch vụ ${s.name} chỉ dành cho đối tượng ưu tiên.`);
  }
  const state = openStateAt(s.hours ?? c.siteHours, c.now, s.name, c.day);
  if (!state.open) throw new HubError('SERVICE_CLOSED', state.reason);
  if (s.dailyCap !== null && c.issuedToday >= s.dailyCap) {
    throw new HubError('DAILY_CAP_REACHED', `Dịch vụ ${s.name} đã hết số trong ngày hôm nay (tối đa ${s.dailyCap} số). Mời quay lại vào ngày làm việc tiếp theo.`);
  }
}
