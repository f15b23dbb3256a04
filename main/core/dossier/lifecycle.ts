import { DossierStatus, type DossierAction, type DossierForm } from '../../../contract/dossier';
import { dossierStatusLabels } from '../../../contract/dossier-texts';
import { HubError } from '../../../contract/errors';
import { vnDayNumber } from '../vn-time';

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
} as const satisfies Record<DossierAction, { from: readonly DossierStatus[]; to: DossierStatus | null; verb: string }>;

const allows = (action: DossierAction, status: DossierStatus) => (dossierActions[action].from as readonly DossierStatus[]).includes(status);

/** Statuses no action leads out of: the dossier's life at the desk is over (returned, withdrawn, refused). */
export const closedDossierStatuses: readonly DossierStatus[] = DossierStatus.options.filter((status) => !(Object.keys(dossierActions) as DossierAction[]).some((a) => allows(a, status)));

/** The status after an action (the same status for an extension), or why it is not allowed. */
export function dossierTransition(status: DossierStatus, action: DossierAction, code: string | null): DossierStatus {
  const rule = dossierActions[action];
  if (!allows(action, status)) {
    const where = `hồ sơ ${code ?? ''}`.trim();
    throw new HubError('ILLEGAL_TRANSITION', `Không thể ${rule.verb} ${where} vì hồ sơ ${dossierStatusLabels[status].toLowerCase()}.`, { status, action });
  }
  return rule.to ?? status;
}

/**
 * What may be done with a dossier now, in the table's order: the steps its status allows, and an
 * extension only once it has a return time to extend (a dossier waiting for its first papers has none).
 */
export function allowedDossierActions(d: { status: DossierStatus; hasDueTime: boolean }): DossierAction[] {
  return (Object.keys(dossierActions) as DossierAction[]).filter((a) => allows(a, d.status) && (a !== 'extend' || d.hasDueTime));
}

/** Returned before the due day (in Vietnam), on it, or after the due time (QĐ 766 "Trước hạn / Đúng hạn / Quá hạn"). */
export function timeliness(dueAt: number, doneAt: number): 'early' | 'on_time' | 'late' {
  if (doneAt > dueAt) return 'late';
  return vnDayNumber(doneAt) < vnDayNumber(dueAt) ? 'early' : 'on_time';
}

/**
 * The forms a dossier has reasons to print (again): the receipt once it has its code, the
 * supplement request once papers were asked for, the apology once extended, and the refusal,
 * withdrawal or hand-over record of the step that ended it.
 */
export function printableForms(d: { status: DossierStatus; hasCode: boolean; supplementRequested: boolean; extended: boolean }): DossierForm[] {
  const forms: [DossierForm, boolean][] = [
    ['receipt', d.hasCode],
    ['supplementRequest', d.supplementRequested],
    ['refusal', d.status === 'refused'],
    ['apology', d.extended],
    ['withdrawal', d.status === 'withdrawn'],
    ['handover', d.status === 'returned'],
  ];
  return forms.filter(([, yes]) => yes).map(([f]) => f);
}

/**
 * An extension moves the return time later, never earlier; it is late when asked for after the
 * time it extends had passed (the apology then says so).
 */
export function extensionOf(currentDue: number | null, newDue: number, now: number): { previousDue: number; late: boolean } {
  if (currentDue === null || newDue <= currentDue) throw new HubError('VALIDATION_FAILED', 'Thời gian trả mới phải sau thời gian hẹn trả hiện tại.');
  return { previousDue: currentDue, late: now > currentDue };
}
