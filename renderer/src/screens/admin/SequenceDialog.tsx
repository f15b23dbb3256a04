import type { OpInput } from '../../../../contract/ops';
import type { NumberSequence } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const names = { code: 'Mã dãy số', rangeStart: 'Số bắt đầu', rangeEnd: 'Số kết thúc', step: 'Bước nhảy', padWidth: 'Số chữ số' };
const blank: OpInput<'admin.saveSequence'> = { code: '', rangeStart: 1, rangeEnd: 999, step: 1, padWidth: 3 };

/** "A" + 7 with 3 digits → "A007": what the first and last tickets will look like. */
function code(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/**
 * Creates a number sequence on its own (one call), then hands it to the service form: services
 * that share a sequence share one run of numbers, so their prefixes may be the same.
 */
export function SequenceDialog(props: { prefix: string; onCreated: (s: NumberSequence) => void; onClose: () => void }) {
  const { client } = useHub();
  const draft = useDraft(blank);
  const v = draft.value;
  const last = v.rangeStart + Math.floor(Math.max(0, v.rangeEnd - v.rangeStart) / Math.max(1, v.step)) * Math.max(1, v.step);
  return (
    <Dialog title="Tạo dãy số mới" onClose={props.onClose}>
      <SaveForm
        label="Dãy số mới"
        dirty={draft.dirty}
        describe={fieldNames(names)}
        submitLabel="Tạo dãy số"
        actions={<Button onClick={props.onClose}>Hủy</Button>}
        save={async () => props.onCreated(await client['admin.saveSequence'](v))}
      >
        <div className="form-grid">
          <Field kind="text" className="span-2" label={names.code} value={v.code} maxLength={32} onChange={(c) => draft.update({ code: c })} hint="Tên ngắn để nhận ra dãy số, ví dụ HT hoặc TN." />
          <Field kind="number" label={names.rangeStart} value={v.rangeStart} min={0} max={999999} onChange={(rangeStart) => draft.update({ rangeStart })} />
          <Field kind="number" label={names.rangeEnd} value={v.rangeEnd} min={1} max={999999} onChange={(rangeEnd) => draft.update({ rangeEnd })} />
          <Field kind="number" label={names.step} value={v.step} min={1} max={1000} onChange={(step) => draft.update({ step })} />
          <Field kind="number" label={names.padWidth} value={v.padWidth} min={1} max={6} onChange={(padWidth) => draft.update({ padWidth })} />
        </div>
        <p className="section-intro">
          Mỗi ngày bắt đầu lại từ đầu: số đầu tiên <strong>{code(props.prefix || 'A', v.rangeStart, v.padWidth)}</strong>, số cuối cùng{' '}
          <strong>{code(props.prefix || 'A', last, v.padWidth)}</strong>.
        </p>
      </SaveForm>
    </Dialog>
  );
}
