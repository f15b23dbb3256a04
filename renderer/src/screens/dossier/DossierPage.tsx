import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Dossier, DossierAction, DossierForm, ReceivedDossier } from '../../../../contract/dossier';
import type { PrintJob } from '../../../../contract/printing';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { ChoiceDialog } from '../../ui/ChoiceDialog';
import { Notice } from '../../ui/Notice';
import { ActionBar, type KeyAction } from './ActionBar';
import { ApplicantFacts, HistoryList, ProcedureSummary, TimeFacts } from './DossierDetails';
import { problemOf } from '../../hub/problem';
import { PapersAndScans } from './PapersAndScans';
import { SlipStatus } from './SlipStatus';
import { CompleteSupplementDialog, ExtendDialog, RequestMoreDialog, ReturnResultDialog, WithdrawDialog } from './StepDialogs';
import { formTitles, statusLabels } from './texts';
import { usePrinting, type StatusLine } from './use-printing';
import './dossier.css';
import { ArrowLeft } from 'lucide-react';

type Step = 'forward' | 'startProcessing' | 'resultReady';
type Dialog = 'return' | 'extend' | 'withdraw' | 'requestMore' | 'complete' | 'reprint' | null;

/** One dossier: what it is, where it stands, its papers and scans, its history, and the next steps. */
export function DossierPage(props: { dossierId: string; onBack: () => void; backLabel: string }) {
  const { client, changes } = useHub();
  const loaded = useData(() => client['dossiers.get']({ dossierId: props.dossierId }), [], changes, [props.dossierId]);
  const [shown, setShown] = useState<Dossier | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [slip, setSlip] = useState<{ job: PrintJob | null } | null>(null);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const printing = usePrinting(setStatus);
  const head = useRef<HTMLHeadingElement>(null);
  // Whichever came last is the freshest view: the answer of this officer's step, or a reload.
  useEffect(() => {
    if (loaded.data) setShown(loaded.data);
  }, [loaded.data]);
  // Another officer changed this dossier (or the province did, through sync): load it again.
  const reload = loaded.reload;
  useEffect(
    () => changes.on((topics, detail) => {
      if (topics !== 'all' && topics.includes('dossiers') && (!detail?.dossierIds || detail.dossierIds.includes(props.dossierId))) void reload();
    }),
    [changes, reload, props.dossierId],
  );
  const d = shown && shown.id === props.dossierId ? shown : loaded.data;
  useLayoutEffect(() => head.current?.focus(), [d?.id]);
  if (!d) return loaded.error ? <Notice kind="error">{loaded.error.message}</Notice> : <p role="status">Đang tải hồ sơ…</p>;

  /** The buttons follow the steps the hub says this dossier allows now (it checks each one again). */
  const can = (action: DossierAction) => d.allowedActions.includes(action);
  /** A step's dialog answered: show the new state, close the dialog, then print its paper. */
  const after = (form: DossierForm | null) => (next: Dossier | ReceivedDossier) => {
    setShown(next);
    setDialog(null);
    // The dossier just got its code: its receipt slip was queued (or the counter has no printer for it).
    if ('slip' in next && d.code === null && next.code !== null) setSlip({ job: next.slip });
    if (form) void printing.printForm(next.id, form);
  };
  const advance = (step: Step) => async () => {
    try {
      setShown(await client['dossiers.advance']({ dossierId: d.id, step, note: '' }));
      setStatus(null);
    } catch (e) {
      setStatus({ kind: 'error', text: problemOf(e, 'Không ghi nhận được bước xử lý.').message });
    }
  };
  const forms = d.printableForms;
  const actions: KeyAction[] = [
    { key: 'F2', label: 'Chuyển xử lý', enabled: can('forward'), run: advance('forward') },
    { key: 'F3', label: 'Đang xử lý', enabled: can('startProcessing'), run: advance('startProcessing') },
    { key: 'F4', label: 'Đã có kết quả', enabled: can('resultReady'), run: advance('resultReady') },
    { key: 'F6', label: 'Trả kết quả', variant: 'primary', enabled: can('returnResult'), run: () => setDialog('return') },
    { key: 'F7', label: 'Gia hạn', enabled: can('extend'), run: () => setDialog('extend') },
    { key: 'F8', label: 'Yêu cầu bổ sung', enabled: can('requestSupplement'), run: () => setDialog('requestMore') },
    { key: 'F9', label: 'Nhận đủ bổ sung', variant: 'primary', enabled: can('receive'), run: () => setDialog('complete') },
    { key: 'F10', label: 'Dừng giải quyết', variant: 'danger', enabled: can('withdraw'), run: () => setDialog('withdraw') },
    { key: 'Shift+F9', label: 'In lại giấy tờ', enabled: forms.length > 0, run: () => setDialog('reprint') },
    { key: 'Shift+F8', label: 'In phiếu 80 mm', enabled: d.code !== null, run: () => printing.printSlip(d.id) },
  ];
  const close = () => setDialog(null);
  const step = { dossier: d, onClose: close };

  return (
    <div className="dossier dossier-page">
      <div className="dossier-head">
        <Button variant="ghost" onClick={props.onBack}>
          <ArrowLeft aria-hidden="true" /> {props.backLabel}
        </Button>
        <h1 ref={head} tabIndex={-1} data-testid="dossier-code">
          {d.code ?? 'Chưa cấp mã hồ sơ'}
        </h1>
        <span className={`status status-${d.status}`} data-testid="dossier-status">
          {statusLabels[d.status]}
        </span>
        {d.lookupCode ? <span className="muted">Mã tra cứu {d.lookupCode}</span> : null}
      </div>
      {/* Only the steps this status allows: the keys stay the same, the row stays short. */}
      <ActionBar label="Thao tác với hồ sơ" actions={actions.filter((a) => a.enabled)} paused={dialog !== null} />
      {status ? <Notice kind={status.kind}>{status.text}</Notice> : null}
      {slip ? <SlipStatus slip={slip.job} /> : null}
      <div className="dossier-columns">
        <div className="dossier-column">
          <ApplicantFacts dossier={d} />
          <ProcedureSummary dossier={d} />
        </div>
        <div className="dossier-column">
          <PapersAndScans dossier={d} reload={async () => setShown(await loaded.reload())} />
        </div>
        <div className="dossier-column">
          <TimeFacts dossier={d} />
          <HistoryList dossier={d} />
        </div>
      </div>

      {/* The result the procedure version of this dossier states, as a first line the officer can correct. */}
      {dialog === 'return' ? <ReturnResultDialog {...step} resultName={d.procedure.result || d.procedure.name} onDone={after('handover')} /> : null}
      {dialog === 'extend' ? <ExtendDialog {...step} onDone={after('apology')} /> : null}
      {dialog === 'withdraw' ? <WithdrawDialog {...step} onDone={after('withdrawal')} /> : null}
      {dialog === 'requestMore' ? <RequestMoreDialog {...step} onDone={after('supplementRequest')} /> : null}
      {dialog === 'complete' ? <CompleteSupplementDialog {...step} onDone={after(d.code ? null : 'receipt')} /> : null}
      {dialog === 'reprint' ? (
        <ChoiceDialog
          title="In lại giấy tờ của hồ sơ"
          choices={forms.map((f) => ({ value: f, label: formTitles[f] }))}
          onCancel={close}
          onPick={(f) => {
            close();
            void printing.printForm(d.id, f);
          }}
        />
      ) : null}
    </div>
  );
}
