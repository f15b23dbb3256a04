import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Dossier, ReceivedDossier } from '../../../../contract/dossier';
import { HubError } from '../../../../contract/errors';
import { useHub } from '../../hub/session';
import { Field } from '../admin/Field';
import { ActionBar, type KeyAction } from './ActionBar';
import { ActionDialog } from './ActionDialog';
import { ApplicantFields } from './ApplicantFields';
import { formProblemOf, type Problem } from '../../hub/problem';
import { intakeFieldNames, intakeFormFields, intakeInput, missingPapers, type IntakeDraft } from './intake-draft';
import { PaperChecklist } from './PaperChecklist';
import { ProblemNotice } from './ProblemNotice';
import { ProcedureFacts } from './ProcedureFacts';
import { ProcedurePicker } from './ProcedurePicker';
import { ReturnTime } from './ReturnTime';
import { SupplementItems, type SupplementItem } from './SupplementItems';
import type { Intake } from './use-intake';
import './dossier.css';

type Dialog = { kind: 'supplement'; items: SupplementItem[] } | { kind: 'refuse'; reason: string } | { kind: 'clock'; message: string } | null;

/**
 * The intake form (Tiếp nhận hồ sơ): applicant, procedure and its papers, how the result goes
 * back, the return time; then one of three outcomes — received (complete), supplement requested
 * (what is missing, listed once), or refused (with the reason). The hub decides; the form keeps
 * everything typed when the hub refuses, and its request id makes a double click one dossier.
 * While the hub's clock is off, receiving asks first (the due time comes from that clock).
 */
export function IntakeForm(props: { intake: Intake }) {
  const { client } = useHub();
  const { draft } = props.intake.state;
  const set = props.intake.update;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // The hub's word on each field, by the input's path; a new answer takes the officer to the first.
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  // Counts the hub's answers that named a field: only a new answer moves the focus, not a note
  // cleared while the officer types.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) box.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [refused]);
  /** A change to a field clears what was said about it. */
  const setApplicant = (patch: Partial<IntakeDraft>) => {
    set(patch);
    const cleared = Object.keys(patch).map((k) => `applicant.${k}`);
    if (cleared.some((k) => k in fieldErrors)) setFieldErrors(Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => !cleared.includes(k))));
  };
  const applicantErrors = Object.fromEntries(
    Object.entries(fieldErrors).filter(([k]) => k.startsWith('applicant.')).map(([k, m]) => [k.slice('applicant.'.length), m]),
  );
  const box = useRef<HTMLDivElement>(null);
  const missing = missingPapers(draft);
  const procedure = draft.procedure;

  // The officer starts typing at once: the name field (or the procedure, when the name came from a scan).
  useLayoutEffect(() => {
    const name = box.current?.querySelector<HTMLInputElement>('.applicant input[type=text]');
    const search = box.current?.querySelector<HTMLInputElement>('[role=combobox]');
    (draft.fromCccd && !procedure ? search : name)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Sends the form as one of the three outcomes; errors stay next to the buttons (or in the dialog). */
  const send = async (outcome: (input: ReturnType<typeof intakeInput>) => Promise<Dossier | ReceivedDossier>, inDialog: boolean) => {
    try {
      const d = await outcome(intakeInput(draft));
      setProblem(null);
      setFieldErrors({});
      props.intake.finish(d);
    } catch (e) {
      if (inDialog) throw e;
      if (e instanceof HubError && e.code === 'CLOCK_SKEW_CONFIRM') {
        setProblem(null);
        setDialog({ kind: 'clock', message: e.message });
        return;
      }
      const found = formProblemOf(e, 'Không gửi được hồ sơ. Vui lòng thử lại.', intakeFieldNames, intakeFormFields);
      setProblem(found.problem);
      setFieldErrors(found.fields);
      if (Object.keys(found.fields).length > 0) setRefused((n) => n + 1);
    }
  };

  const actions: KeyAction[] = [
    { key: 'F9', label: 'Tiếp nhận', variant: 'primary', enabled: procedure !== null && missing.length === 0, run: () => send((input) => client['dossiers.receive'](input), false) },
    {
      key: 'F8',
      label: 'Yêu cầu bổ sung',
      enabled: procedure !== null,
      run: () =>
        setDialog({
          kind: 'supplement',
          items: missing.length > 0 ? missing.map((m) => ({ what: m.name, reason: m.have === 0 ? 'Chưa nộp' : `Mới nộp ${m.have}/${m.need} bản` })) : [{ what: '', reason: '' }],
        }),
    },
    { key: 'F7', label: 'Từ chối', variant: 'danger', enabled: procedure !== null, run: () => setDialog({ kind: 'refuse', reason: '' }) },
  ];

  return (
    <div className="dossier intake" ref={box}>
      <div className="intake-head">
        <h1>Tiếp nhận hồ sơ</h1>
        {draft.ticket ? <span className="badge badge-ok">Số thứ tự {draft.ticket.displayCode}</span> : <span className="muted">Không gắn với số thứ tự</span>}
      </div>
      <div className="intake-columns">
        <ApplicantFields value={draft} onChange={setApplicant} errors={applicantErrors} />

        <section className="intake-box" aria-labelledby="intake-procedure">
          <h2 id="intake-procedure">Thủ tục hành chính</h2>
          <ProcedurePicker value={procedure} onPick={(p) => set({ procedure: p, received: p.documents.map(() => 0) })} />
          {procedure ? (
            <>
              <ProcedureFacts procedure={procedure} />
              <PaperChecklist legend="Thành phần hồ sơ nộp" documents={procedure.documents} counts={draft.received} onChange={(received) => set({ received })} />
            </>
          ) : (
            <p className="muted">Gõ tên thủ tục không cần dấu, dùng ↑ ↓ để chọn, Enter để xác nhận.</p>
          )}
        </section>

        <section className="intake-box" aria-labelledby="intake-receive">
          <h2 id="intake-receive">Tiếp nhận và trả kết quả</h2>
          <div className="intake-grid">
            <Field kind="number" label="Số bộ hồ sơ" value={draft.sets} min={1} max={20} onChange={(sets) => set({ sets })} />
            <Field<IntakeDraft['channel']>
              kind="select"
              label="Hình thức nộp"
              value={draft.channel}
              options={[
                { value: 'direct', label: 'Trực tiếp' },
                { value: 'postal', label: 'Qua bưu chính' },
              ]}
              onChange={(channel) => set({ channel })}
            />
            <Field<IntakeDraft['returnMethod']>
              kind="select"
              className="span-2"
              label="Nhận kết quả"
              value={draft.returnMethod}
              options={[
                { value: 'desk', label: 'Tại Bộ phận một cửa' },
                { value: 'post', label: 'Qua bưu điện (gửi về địa chỉ)' },
              ]}
              onChange={(returnMethod) => set({ returnMethod, deliveryAddress: returnMethod === 'post' && !draft.deliveryAddress ? draft.address : draft.deliveryAddress })}
            />
            {draft.returnMethod === 'post' ? (
              <Field kind="text" className="span-2" label="Địa chỉ nhận kết quả" value={draft.deliveryAddress} maxLength={300} {...(fieldErrors.deliveryAddress ? { error: fieldErrors.deliveryAddress } : {})} onChange={(deliveryAddress) => set({ deliveryAddress })} />
            ) : null}
            <Field kind="text" className="span-2" label="Ghi chú" value={draft.note} maxLength={1000} {...(fieldErrors.note ? { error: fieldErrors.note } : {})} onChange={(note) => set({ note })} />
          </div>
          <ReturnTime procedureCode={procedure?.code ?? null} override={draft.override} onOverride={(override) => set({ override })} />
          {procedure && missing.length > 0 ? (
            <p className="intake-missing" role="status">
              Còn thiếu {missing.length} giấy tờ bắt buộc: chưa thể tiếp nhận. Nhấn <kbd>F8</kbd> Yêu cầu bổ sung để lập phiếu hướng dẫn bổ sung.
            </p>
          ) : null}
          <ProblemNotice problem={problem} />
          <ActionBar label="Kết quả tiếp nhận" actions={actions} paused={dialog !== null} />
        </section>
      </div>

      {dialog?.kind === 'supplement' ? (
        <ActionDialog
          title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
          confirmLabel="Lập phiếu yêu cầu bổ sung"
          names={intakeFieldNames}
          onClose={() => setDialog(null)}
          onConfirm={() => send((input) => client['dossiers.requestSupplement']({ ...input, items: dialog.items }), true)}
        >
          <p>Ghi một lần tất cả giấy tờ còn thiếu hoặc cần hoàn thiện, kèm lý do. Hồ sơ chưa được cấp mã cho đến khi nhận đủ.</p>
          <SupplementItems value={dialog.items} onChange={(items) => setDialog({ kind: 'supplement', items })} />
        </ActionDialog>
      ) : null}
      {dialog?.kind === 'clock' ? (
        <ActionDialog
          title="Đồng hồ của máy chủ đang lệch"
          confirmLabel="Vẫn tiếp nhận"
          names={intakeFieldNames}
          onClose={() => setDialog(null)}
          onConfirm={() => send((input) => client['dossiers.receive']({ ...input, clockConfirmed: true }), true)}
        >
          <p className="clock-confirm">{dialog.message}</p>
        </ActionDialog>
      ) : null}
      {dialog?.kind === 'refuse' ? (
        <ActionDialog
          title="Từ chối tiếp nhận hồ sơ"
          confirmLabel="Từ chối tiếp nhận"
          danger
          names={intakeFieldNames}
          onClose={() => setDialog(null)}
          onConfirm={() => send((input) => client['dossiers.refuse']({ ...input, reason: dialog.reason }), true)}
        >
          <Field kind="textarea" label="Lý do từ chối (ghi rõ, ít nhất 10 ký tự)" value={dialog.reason} maxLength={1000} onChange={(reason) => setDialog({ kind: 'refuse', reason })} />
        </ActionDialog>
      ) : null}
    </div>
  );
}
