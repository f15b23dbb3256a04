import { useState } from 'react';
import type { Dossier } from '../../../../contract/dossier';
import { HubError } from '../../../../contract/errors';
import { useHub } from '../../hub/session';
import { Field } from '../admin/Field';
import { ActionDialog } from './ActionDialog';
import { LocalProblem } from '../../hub/problem';
import { PaperChecklist } from './PaperChecklist';
import { DateField } from './DateField';
import { ListEditor } from './ListEditor';
import { SupplementItems, type SupplementItem } from './SupplementItems';
import { longTime } from './texts';
import { todayVn, vnInstant } from './vn-date';

interface StepProps {
  dossier: Dossier;
  onClose: () => void;
  /** The hub's new view of the dossier, after the step was recorded. */
  onDone: (d: Dossier) => void;
}

/**
 * The missing papers came back: tick them; the first complete receipt gives the dossier its code.
 * The due time restarts from the hub's clock: while it is off, the hub's question shows here and
 * the button becomes the confirmation.
 */
export function CompleteSupplementDialog(props: StepProps) {
  const { client } = useHub();
  const d = props.dossier;
  const [counts, setCounts] = useState(d.documents.map((x) => x.received));
  const [clockAsked, setClockAsked] = useState(false);
  const documents = d.documents.map(({ name, form, count, mandatory }) => ({ name, form, count, mandatory }));
  const send = async () => {
    try {
      props.onDone(await client['dossiers.completeSupplement']({ dossierId: d.id, documents: d.documents.map((x, i) => ({ index: x.index, count: counts[i] ?? 0 })), clockConfirmed: clockAsked }));
    } catch (e) {
      if (e instanceof HubError && e.code === 'CLOCK_SKEW_CONFIRM') setClockAsked(true);
      throw e;
    }
  };
  return (
    <ActionDialog
      title="Nhận đủ giấy tờ bổ sung"
      confirmLabel={clockAsked ? 'Vẫn tiếp nhận' : d.code ? 'Nhận bổ sung, tính lại thời hạn' : 'Tiếp nhận hồ sơ, cấp mã'}
      onClose={props.onClose}
      onConfirm={send}
    >
      <PaperChecklist legend="Giấy tờ đã nhận (kể cả lần nộp trước)" documents={documents} counts={counts} onChange={setCounts} />
    </ActionDialog>
  );
}

/** The deciding authority asks for more during processing: the clock stops until they arrive. */
export function RequestMoreDialog(props: StepProps) {
  const { client } = useHub();
  const [items, setItems] = useState<SupplementItem[]>([{ what: '', reason: '' }]);
  return (
    <ActionDialog
      title="Yêu cầu bổ sung trong quá trình giải quyết"
      confirmLabel="Lập yêu cầu bổ sung"
      names={{ items: 'Giấy tờ cần bổ sung' }}
      onClose={props.onClose}
      onConfirm={async () => props.onDone(await client['dossiers.requestMore']({ dossierId: props.dossier.id, items }))}
    >
      <p>Thời hạn giải quyết tạm dừng cho đến khi người nộp bổ sung đủ.</p>
      <SupplementItems value={items} onChange={setItems} />
    </ActionDialog>
  );
}

export function WithdrawDialog(props: StepProps) {
  const { client } = useHub();
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title="Dừng giải quyết hồ sơ theo đề nghị của người nộp"
      confirmLabel="Dừng giải quyết"
      danger
      onClose={props.onClose}
      onConfirm={async () => props.onDone(await client['dossiers.withdraw']({ dossierId: props.dossier.id, reason }))}
    >
      <Field kind="textarea" label="Lý do (theo đơn đề nghị rút hồ sơ)" value={reason} maxLength={1000} onChange={setReason} />
    </ActionDialog>
  );
}

/** A later return time with the apology's reason; the letter is printed right after. */
export function ExtendDialog(props: StepProps) {
  const { client } = useHub();
  const [date, setDate] = useState(todayVn());
  const [time, setTime] = useState('16:00');
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title="Gia hạn thời gian trả kết quả"
      confirmLabel="Gia hạn và in văn bản xin lỗi"
      names={{ reason: 'Lý do gia hạn', newDueAt: 'Thời gian trả mới' }}
      onClose={props.onClose}
      onConfirm={async () => {
        const newDueAt = vnInstant(date, time);
        if (!newDueAt) throw new LocalProblem('Thời gian trả mới phải có ngày (dd/mm/yyyy) và giờ (HH:MM).');
        return props.onDone(await client['dossiers.extend']({ dossierId: props.dossier.id, newDueAt, reason }));
      }}
    >
      <p>Hẹn trả hiện tại: {props.dossier.dueAt ? longTime(props.dossier.dueAt) : '—'}</p>
      <div className="form-grid">
        <DateField label="Ngày trả mới" value={date} onChange={setDate} />
        <Field kind="text" label="Giờ trả mới" value={time} maxLength={5} placeholder="HH:MM" inputMode="numeric" onChange={setTime} />
        <Field kind="textarea" className="span-2" label="Lý do gia hạn (ghi trong văn bản xin lỗi, ít nhất 10 ký tự)" value={reason} maxLength={1000} onChange={setReason} />
      </div>
    </ActionDialog>
  );
}

/** The result handed over: what was handed, and who took it (the applicant or someone for them). */
export function ReturnResultDialog(props: StepProps & { resultName: string }) {
  const { client } = useHub();
  const a = props.dossier.applicant;
  const [results, setResults] = useState([{ name: props.resultName, count: 1 }]);
  const [receiver, setReceiver] = useState({ name: a.kind === 'person' ? a.fullName : a.representative, idNumber: a.kind === 'person' ? a.idNumber : '', relation: a.kind === 'person' ? 'Người nộp hồ sơ' : 'Người đại diện' });
  const setR = (patch: Partial<typeof receiver>) => setReceiver({ ...receiver, ...patch });
  return (
    <ActionDialog
      title="Trả kết quả giải quyết"
      confirmLabel="Trả kết quả và in phiếu"
      names={{ results: 'Kết quả', 'receiver.name': 'Người nhận', 'receiver.idNumber': 'Số giấy tờ người nhận', 'receiver.relation': 'Quan hệ' }}
      onClose={props.onClose}
      onConfirm={async () => props.onDone(await client['dossiers.returnResult']({ dossierId: props.dossier.id, results, receiver }))}
    >
      <ResultList value={results} onChange={setResults} />
      <div className="form-grid">
        <Field kind="text" label="Người nhận kết quả" value={receiver.name} maxLength={120} onChange={(name) => setR({ name })} />
        <Field kind="text" label="Số giấy tờ tùy thân người nhận" value={receiver.idNumber} maxLength={20} onChange={(idNumber) => setR({ idNumber })} />
        <Field kind="text" className="span-2" label="Quan hệ với người nộp" value={receiver.relation} maxLength={80} onChange={(relation) => setR({ relation })} />
      </div>
    </ActionDialog>
  );
}

function ResultList(props: { value: readonly { name: string; count: number }[]; onChange: (v: { name: string; count: number }[]) => void }) {
  return (
    <ListEditor<{ name: string; count: number }>
      legend="Kết quả trả cho người nộp"
      itemName="Kết quả"
      value={props.value}
      onChange={props.onChange}
      blank={() => ({ name: '', count: 1 })}
      min={1}
      max={20}
      columns={['Tên giấy tờ kết quả', 'Số bản']}
      grid="minmax(0, 1fr) 6rem"
      row={(item, change, label) => (
        <>
          <Field kind="text" label={label('Tên giấy tờ kết quả')} value={item.name} maxLength={200} onChange={(name) => change({ name })} />
          <Field kind="number" label={label('Số bản')} value={item.count} min={1} max={50} onChange={(count) => change({ count })} />
        </>
      )}
    />
  );
}
