import { HubError } from '../../contract/errors';
import type { TicketStatus } from '../../contract/queue';

/**
 * The ticket state machine. Each action lists the states it may start from and the state it
 * leads to; anything else is an illegal transition with a message the officer understands.
 * `finish` also accepts a called ticket because officers often skip the "start" key.
 */
export const ticketActions = {
  call: { from: ['waiting'], to: 'called', verb: 'gọi' },
  recall: { from: ['called'], to: 'called', verb: 'gọi lại' },
  start: { from: ['called'], to: 'serving', verb: 'bắt đầu phục vụ' },
  skip: { from: ['called'], to: 'skipped', verb: 'đánh dấu vắng mặt' },
  finish: { from: ['called', 'serving'], to: 'finished', verb: 'kết thúc' },
  returnToQueue: { from: ['skipped'], to: 'waiting', verb: 'đưa lại vào hàng chờ' },
  transfer: { from: ['called', 'serving'], to: 'waiting', verb: 'chuyển' },
  redirect: { from: ['called', 'serving'], to: 'redirected', verb: 'chuyển sang dịch vụ khác' },
  cancel: { from: ['waiting', 'skipped'], to: 'cancelled', verb: 'hủy' },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus; verb: string }>;

export type TicketAction = keyof typeof ticketActions;

export const statusLabels: Record<TicketStatus, string> = {
  waiting: 'đang chờ',
  called: 'đang được gọi',
  serving: 'đang phục vụ',
  skipped: 'vắng mặt',
  finished: 'đã xong',
  cancelled: 'đã hủy',
  redirected: 'đã chuyển dịch vụ',
};

/** The status after `action`, or an ILLEGAL_TRANSITION error naming the ticket and its state. */
export function transition(status: TicketStatus, action: TicketAction, displayCode: string): TicketStatus {
  const rule = ticketActions[action];
  if (!(rule.from as readonly TicketStatus[]).includes(status)) {
    throw new HubError(
      'ILLEGAL_TRANSITION',
      `Không thể ${rule.verb} số ${displayCode} vì số này ${statusLabels[status]}.`,
      { status, action },
    );
  }
  return rule.to;
}

/** Statuses in which a ticket occupies its counter session (at most one per session, enforced by the database too). */
export const activeStatuses = ['called', 'serving'] as const satisfies readonly TicketStatus[];
