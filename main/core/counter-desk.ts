import type { DeskAction, DeskActionView, TicketStatus } from '../../contract/queue';
import { ticketActions, type TicketAction } from './ticket-lifecycle';

/** What the desk knows when it decides which actions to offer. */
export interface DeskSituation {
  /** The ticket the counter holds (called or being served), if any. */
  readonly current: TicketStatus | null;
  readonly paused: boolean;
  readonly canCallSpecific: boolean;
  /** Tickets marked absent today that this counter may bring back to the queue. */
  readonly absent: number;
}

interface DeskRule {
  readonly key: string;
  readonly label: string;
  readonly variant: DeskActionView['variant'];
  /** The lifecycle step the action performs on the current ticket: available exactly when the state machine allows it. */
  readonly ticket?: TicketAction;
  readonly enabled?: (s: DeskSituation) => boolean;
}

const free = (s: DeskSituation) => s.current === null && !s.paused;

/**
 * The desk's toolbar in its order: one table for buttons, F-keys and availability. Actions on the
 * current ticket take their availability from the ticket state machine, so the desk can never offer
 * a step the hub would refuse. `pause` and `resume` share F10: only one of them is in the toolbar.
 */
const deskRules: Record<DeskAction, DeskRule> = {
  callNext: { key: 'F1', label: 'Gọi số tiếp theo', variant: 'primary', enabled: free },
  recall: { key: 'F2', label: 'Gọi lại', variant: 'secondary', ticket: 'recall' },
  start: { key: 'F3', label: 'Bắt đầu phục vụ', variant: 'secondary', ticket: 'start' },
  finish: { key: 'F4', label: 'Kết thúc', variant: 'primary', ticket: 'finish' },
  skip: { key: 'F6', label: 'Vắng mặt', variant: 'danger', ticket: 'skip' },
  transfer: { key: 'F7', label: 'Chuyển (giữ thứ tự)', variant: 'secondary', ticket: 'transfer' },
  redirect: { key: 'F8', label: 'Chuyển dịch vụ khác', variant: 'secondary', ticket: 'redirect' },
  callSpecific: { key: 'F9', label: 'Gọi số chỉ định', variant: 'secondary', enabled: (s) => free(s) && s.canCallSpecific },
  pause: { key: 'F10', label: 'Tạm dừng quầy', variant: 'secondary', enabled: () => true },
  resume: { key: 'F10', label: 'Tiếp tục làm việc', variant: 'secondary', enabled: () => true },
  callFromService: { key: 'Shift+F1', label: 'Gọi theo dịch vụ', variant: 'secondary', enabled: free },
  reprint: { key: 'Shift+F2', label: 'In lại phiếu', variant: 'secondary', enabled: (s) => s.current !== null },
  // Intake needs the citizen at the desk: the ticket must still be one this counter holds.
  intake: { key: 'Shift+F3', label: 'Tiếp nhận hồ sơ', variant: 'primary', enabled: (s) => s.current === 'called' || s.current === 'serving' },
  // A citizen marked absent comes back: one key to the list instead of some fourteen Tabs.
  absentList: { key: 'Shift+F6', label: 'Số vắng mặt quay lại', variant: 'secondary', enabled: (s) => s.absent > 0 },
  printJobs: { key: 'Shift+F10', label: 'Lệnh in đang giữ', variant: 'secondary', enabled: () => true },
};

/** Every desk action with its key and label, and whether it is available in this situation. */
export function deskActions(s: DeskSituation): DeskActionView[] {
  return (Object.keys(deskRules) as DeskAction[])
    .filter((action) => action !== (s.paused ? 'pause' : 'resume'))
    .map((action) => {
      const rule = deskRules[action];
      const enabled = rule.ticket
        ? s.current !== null && (ticketActions[rule.ticket].from as readonly TicketStatus[]).includes(s.current)
        : rule.enabled!(s);
      return { action, key: rule.key, label: rule.label, variant: rule.variant, enabled };
    });
}

/** The current ticket's state as the officer reads it on the desk. */
export const deskStatusText: Record<TicketStatus, string> = {
  waiting: 'Đang chờ',
  called: 'Đang gọi — chờ công dân đến quầy',
  serving: 'Đang phục vụ',
  skipped: 'Vắng mặt',
  finished: 'Đã xong',
  cancelled: 'Đã hủy',
  redirected: 'Đã chuyển dịch vụ',
};
