import type { DossierStatus } from '../../../contract/dossier';
import { HubError } from '../../../contract/errors';

/**
 * What the officer (or the back office, through sync) may do with a dossier in each state.
 * Intake ends in one of three states: received (complete: it gets its code), supplement requested
 * (papers missing: listed once, in writing) or refused. A supplement during processing stops the
 * clock; the complete dossier coming back restarts it.
 */
export const dossierActions = {
  receive: { from: ['supplement_requested'], to: 'received', verb: 'tiếp nhận' },
  requestSupplement: { from: ['received', 'forwarded', 'processing'], to: 'supplement_requested', verb: 'yêu cầu bổ sung' },
  refuse: { from: ['supplement_requested'], to: 'refused', verb: 'từ chối' },
  forward: { from: ['received'], to: 'forwarded', verb: 'chuyển xử lý' },
  startProcessing: { from: ['received', 'forwarded'], to: 'processing', verb: 'ghi nhận đang xử lý' },
  resultReady: { from: ['received', 'forwarded', 'processing'], to: 'result_ready', verb: 'ghi nhận có kết quả' },
  returnResult: { from: ['result_ready'], to: 'returned', verb: 'trả kết quả' },
  withdraw: { from: ['supplement_requested', 'received', 'forwarded', 'processing'], to: 'withdrawn', verb: 'dừng giải quyết (rút hồ sơ)' },
  extend: { from: ['received', 'forwarded', 'processing', 'supplement_requested'], to: null, verb: 'gia hạn' },
} as const satisfies Record<string, { from: readonly DossierStatus[]; to: DossierStatus | null; verb: string }>;

export type DossierAction = keyof typeof dossierActions;

export const dossierStatusLabels: Record<DossierStatus, string> = {
  supplement_requested: 'chờ bổ sung',
  refused: 'đã từ chối tiếp nhận',
  received: 'đã tiếp nhận',
  forwarded: 'đã chuyển xử lý',
  processing: 'đang xử lý',
  result_ready: 'đã có kết quả',
  returned: 'đã trả kết quả',
  withdrawn: 'đã dừng giải quyết',
};

/** The status after an action (the same status for an extension), or why it is not allowed. */
export function dossierTransition(status: DossierStatus, action: DossierAction, code: string | null): DossierStatus {
  const rule = dossierActions[action];
  if (!(rule.from as readonly DossierStatus[]).includes(status)) {
    throw new HubError('ILLEGAL_TRANSITION', `Không thể ${rule.verb} hồ sơ ${code ?? ''} vì hồ sơ ${dossierStatusLabels[status]}.`.replace('  ', ' '), { status, action });
  }
  return rule.to ?? status;
}

/** Returned before the due day, on it, or after the due time (QĐ 766 "Trước hạn / Đúng hạn / Quá hạn"). */
export function timeliness(dueAt: number, doneAt: number, dueDay: string, doneDay: string): 'early' | 'on_time' | 'late' {
  if (doneAt > dueAt) return 'late';
  return doneDay < dueDay ? 'early' : 'on_time';
}
