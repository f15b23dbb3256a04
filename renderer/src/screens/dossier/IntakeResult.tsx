import { useLayoutEffect, useRef, useState } from 'react';
import type { Dossier, DossierForm, ReceivedDossier } from '../../../../contract/dossier';
import { Notice } from '../../ui/Notice';
import { ActionBar, type KeyAction } from './ActionBar';
import { SlipStatus } from './SlipStatus';
import { longTime, statusLabels } from './texts';
import { usePrinting, type StatusLine } from './use-printing';
import './dossier.css';

const outcomes: Partial<Record<Dossier['status'], { title: string; form: DossierForm; printLabel: string; noCode: string }>> = {
  received: { title: 'Đã tiếp nhận hồ sơ', form: 'receipt', printLabel: 'In giấy tiếp nhận (A4, 2 liên)', noCode: '' },
  supplement_requested: {
    title: 'Đã lập phiếu yêu cầu bổ sung — hồ sơ chưa được tiếp nhận',
    form: 'supplementRequest',
    printLabel: 'In phiếu yêu cầu bổ sung (A4)',
    noCode: 'Chưa cấp mã hồ sơ: mã được cấp khi nhận đủ giấy tờ.',
  },
  refused: { title: 'Đã từ chối tiếp nhận hồ sơ', form: 'refusal', printLabel: 'In phiếu từ chối (A4)', noCode: 'Hồ sơ không được tiếp nhận nên không có mã hồ sơ. Trao phiếu từ chối cho người nộp.' },
};

/**
 * What came of the intake: the dossier code and the secret lookup code large enough to read
 * out, and the papers to hand the applicant. "Tiếp nhận hồ sơ mới" starts a fresh form.
 */
export function IntakeResult(props: { dossier: Dossier | ReceivedDossier; onNew: () => void; onOpen: (id: string) => void }) {
  const d = props.dossier;
  const [status, setStatus] = useState<StatusLine | null>(null);
  const printing = usePrinting(setStatus);
  const outcome = outcomes[d.status] ?? outcomes.received!;
  const head = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => head.current?.focus(), []);
  const actions: KeyAction[] = [
    { key: 'F9', label: outcome.printLabel, variant: 'primary', enabled: true, run: () => printing.printForm(d.id, outcome.form) },
    ...(d.code ? [{ key: 'F8', label: 'In phiếu 80 mm', enabled: true, run: () => printing.printSlip(d.id) }] : []),
    { key: 'F6', label: 'Mở hồ sơ', enabled: true, run: () => props.onOpen(d.id) },
    { key: 'F2', label: 'Tiếp nhận hồ sơ mới', enabled: true, run: props.onNew },
  ];
  return (
    <div className="dossier intake-result">
      <h1 ref={head} tabIndex={-1} className={`result-title result-${d.status}`}>
        {outcome.title}
      </h1>
      <div className="result-card">
        {d.code ? (
          <dl className="result-codes">
            <div>
              <dt>Mã hồ sơ</dt>
              <dd data-testid="dossier-code">{d.code}</dd>
            </div>
            <div>
              <dt>Mã tra cứu</dt>
              <dd data-testid="lookup-code">{d.lookupCode}</dd>
            </div>
          </dl>
        ) : (
          <p className="result-nocode">{outcome.noCode}</p>
        )}
        <dl className="facts">
          <div>
            <dt>Người nộp</dt>
            <dd>{d.applicant.fullName}</dd>
          </div>
          <div>
            <dt>Thủ tục</dt>
            <dd>{d.procedure.name}</dd>
          </div>
          <div>
            <dt>Trạng thái</dt>
            <dd data-testid="dossier-status">{statusLabels[d.status]}</dd>
          </div>
          {d.receivedAt ? (
            <div>
              <dt>Tiếp nhận lúc</dt>
              <dd>{longTime(d.receivedAt)}</dd>
            </div>
          ) : null}
          {d.dueAt ? (
            <div>
              <dt>Hẹn trả kết quả</dt>
              <dd className="result-due">{longTime(d.dueAt)}</dd>
            </div>
          ) : null}
        </dl>
        {'slip' in d ? <SlipStatus slip={d.slip} /> : null}
      </div>
      <ActionBar label="Giấy tờ trao cho người nộp" actions={actions} />
      {status ? <Notice kind={status.kind}>{status.text}</Notice> : null}
    </div>
  );
}
