import { useState } from 'react';
import type { ProcedureVersion, RequiredDocument } from '../../../../contract/dossier';
import type { OpInput, OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { DateField } from '../dossier/DateField';
import { FilePicker } from '../dossier/FilePicker';
import { fileToBase64 } from '../dossier/files';
import { LocalProblem, problemOf } from '../../hub/problem';
import { ListEditor } from '../dossier/ListEditor';
import { formLabels } from '../dossier/texts';
import { showVnDate } from '../dossier/vn-date';
import { Field } from './Field';
import { Loading } from './Loading';
import { MasterDetail, useSelection } from './MasterDetail';
import { SaveForm, type DescribePath } from './SaveForm';
import { useDraft } from './use-draft';
import { ArrowLeft, ArrowRight } from 'lucide-react';

type Draft = OpInput<'admin.saveProcedure'>;
type Listed = OpOutput<'admin.listProcedures'>['items'][number];
type Unit = ProcedureVersion['processing']['unit'];
type Fee = Draft['fees'][number];

const sourceLabels: Record<ProcedureVersion['source'], string> = { sample: 'dữ liệu mẫu', import: 'nhập từ tệp', sync: 'đồng bộ từ tỉnh', admin: 'nhập tay' };
/** A version's state today, in words; the one in force needs no badge. */
const stateLabel = (p: Listed): string | null =>
  ({ in_force: null, future: `áp dụng từ ${showVnDate(p.validFrom)}`, superseded: 'đã có phiên bản mới hơn', inactive: 'ngừng áp dụng' })[p.state];
const PAGE = 50;
const units: readonly { value: Unit; label: string }[] = [
  { value: 'working_days', label: 'Ngày làm việc' },
  { value: 'working_hours', label: 'Giờ làm việc' },
  { value: 'same_day', label: 'Trong ngày' },
];
const formOptions = (Object.keys(formLabels) as RequiredDocument['form'][]).map((value) => ({ value, label: formLabels[value] }));

const names: Record<string, string> = {
  code: 'Mã thủ tục', name: 'Tên thủ tục', field: 'Lĩnh vực', authority: 'Cơ quan giải quyết', processing: 'Thời hạn giải quyết',
  result: 'Kết quả', validFrom: 'Áp dụng từ ngày', documents: 'Thành phần hồ sơ', fees: 'Phí, lệ phí',
};
const columns: Record<string, string> = { name: 'tên', form: 'hình thức', count: 'số lượng', mandatory: 'bắt buộc', amount: 'số tiền' };
/** "documents.1.name" → "Thành phần hồ sơ, giấy tờ 2, tên", for the hub's messages. */
const describe: DescribePath = (path) => {
  const [head, index, part] = path.split('.');
  const base = names[head ?? ''];
  if (!base || index === undefined) return base;
  return [base, `${head === 'fees' ? 'khoản' : 'giấy tờ'} ${Number(index) + 1}`, ...(part && columns[part] ? [columns[part]] : [])].join(', ');
};

/** A new version applies from the hub's today (or the later date a future version had) unless the admin says otherwise. */
function draftOf(p: (ProcedureVersion & Partial<Pick<Listed, 'state' | 'nextVersion'>>) | null, today: string): Draft {
  if (!p) return { code: '', name: '', field: '', authority: '', processing: { unit: 'working_days', value: 5 }, documents: [], fees: [], result: '', validFrom: today, active: true };
  const { id: _id, version: _version, source: _source, state: _state, nextVersion: _next, ...rest } = p;
  return { ...rest, validFrom: rest.validFrom > today ? rest.validFrom : today };
}

/**
 * Section "Thủ tục": the procedure catalogue — every version, including those not in force yet
 * and those switched off, a page at a time; import a file, or add a new version by hand.
 */
export function ProceduresSection() {
  const { client, changes } = useHub();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useData(() => client['admin.listProcedures']({ q: q.trim(), offset, limit: PAGE }), ['catalog'], changes, [q, offset]);
  const selection = useSelection();
  const items = list.data?.items ?? [];
  const current = list.data ? selection.current(items) : null;
  return (
    <div className="procedures">
      <Field
        kind="text"
        className="procedure-filter"
        label="Tìm trong danh mục"
        value={q}
        maxLength={200}
        placeholder="Tên (không cần dấu) hoặc mã thủ tục"
        onChange={(text) => {
          setQ(text);
          setOffset(0);
        }}
        hint="Mọi phiên bản của mỗi thủ tục: đang áp dụng, sắp áp dụng, đã có phiên bản mới hơn và đã ngừng áp dụng."
      />
      {!list.data ? (
        <Loading error={list.error} />
      ) : (
        <MasterDetail
          label="Danh sách thủ tục"
          items={items}
          editing={current?.id ?? null}
          onPick={selection.pick}
          newLabel="Thêm thủ tục"
          title={(p) => (
            <>
              {p.name}
              {p.source === 'sample' ? ' (mẫu)' : ''}
              {stateLabel(p) ? <span className={`badge ${p.state === 'future' ? 'badge-ok' : 'badge-warning'}`}>{stateLabel(p)}</span> : null}
            </>
          )}
          detail={(p) => `${p.code} · phiên bản ${p.version} · ${sourceLabels[p.source]}`}
        >
          <ProcedureForm key={selection.sel.key} source={draftOf(current, list.data.today)} existing={current} nextVersion={current?.nextVersion ?? 1} today={list.data.today} onSaved={(p) => selection.adopt(p.id)} />
        </MasterDetail>
      )}
      {list.data && list.data.total > PAGE ? <Pager offset={offset} total={list.data.total} onOffset={setOffset} /> : null}
      <ImportCard />
    </div>
  );
}

/** "Phiên bản 51–100 / 132" with the previous and next page. */
function Pager(props: { offset: number; total: number; onOffset: (offset: number) => void }) {
  const last = Math.min(props.total, props.offset + PAGE);
  return (
    <nav className="pager" aria-label="Trang danh mục thủ tục">
      <Button disabled={props.offset === 0} onClick={() => props.onOffset(Math.max(0, props.offset - PAGE))}>
        <ArrowLeft aria-hidden="true" /> Trang trước
      </Button>
      <span role="status">
        Phiên bản {props.offset + 1}–{last} / {props.total}
      </span>
      <Button disabled={last >= props.total} onClick={() => props.onOffset(props.offset + PAGE)}>
        Trang sau <ArrowRight aria-hidden="true" />
      </Button>
    </nav>
  );
}

function ProcedureForm(props: { source: Draft; existing: Listed | null; nextVersion: number; today: string; onSaved: (p: ProcedureVersion) => void }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  const set = draft.update;
  const p = props.existing;
  const value = v.processing.unit === 'same_day' ? 1 : v.processing.value;
  return (
    <SaveForm
      label={p ? `Phiên bản mới của ${p.name}` : 'Thủ tục mới'}
      submitLabel={p ? 'Lưu phiên bản mới' : 'Thêm thủ tục'}
      dirty={draft.dirty}
      describe={describe}
      save={async () => {
        const saved = await client['admin.saveProcedure'](v);
        draft.saved(draftOf(saved, props.today));
        props.onSaved(saved);
      }}
    >
      <h3 className="detail-title">{p ? `${p.name}${p.source === 'sample' ? ' (mẫu)' : ''} — phiên bản ${p.version}${stateLabel(p) ? ` (${stateLabel(p)})` : ' đang áp dụng'}` : 'Thủ tục mới'}</h3>
      {p ? <p className="section-intro">Lưu sẽ tạo phiên bản {props.nextVersion}; hồ sơ đã tiếp nhận giữ phiên bản cũ.</p> : null}
      <div className="form-grid">
        <Field kind="text" label={names.code} value={v.code} maxLength={60} disabled={p !== null} onChange={(code) => set({ code })} hint="Ví dụ 1.001193.000.00.00.H21" />
        <DateField label={names.validFrom} value={v.validFrom} onChange={(validFrom) => set({ validFrom })} />
        <Field kind="text" className="span-2" label={names.name} value={v.name} maxLength={500} onChange={(name) => set({ name })} />
        <Field kind="text" label={names.field} value={v.field} maxLength={200} onChange={(field) => set({ field })} />
        <Field kind="text" label={names.authority} value={v.authority} maxLength={300} onChange={(authority) => set({ authority })} />
        <Field<Unit> kind="select" label="Đơn vị thời hạn" value={v.processing.unit} options={units} onChange={(unit) => set({ processing: unit === 'same_day' ? { unit } : { unit, value } })} />
        {v.processing.unit !== 'same_day' ? (
          <Field kind="number" label="Thời hạn giải quyết" value={value} min={1} max={2000} onChange={(n) => set({ processing: { unit: v.processing.unit as Exclude<Unit, 'same_day'>, value: n } })} />
        ) : (
          <span />
        )}
        <Field kind="text" className="span-2" label={names.result} value={v.result} maxLength={500} onChange={(result) => set({ result })} />
        <Field kind="checkbox" label="Đang áp dụng" value={v.active} onChange={(active) => set({ active })} hint="Bỏ chọn: thủ tục không còn hiện khi tiếp nhận." />
      </div>
      <ListEditor<RequiredDocument>
        legend="Thành phần hồ sơ"
        itemName="Giấy tờ"
        value={v.documents}
        onChange={(documents) => set({ documents })}
        blank={() => ({ name: '', form: 'original', count: 1, mandatory: true })}
        max={60}
        columns={['Giấy tờ: tên, hình thức nộp, số lượng, bắt buộc hay không']}
        grid="minmax(0, 1fr)"
        row={(d, change, label) => (
          // A paper's name is long: it gets the whole line, its form and count go under it.
          <div className="document-edit">
            <Field kind="text" label={label('Tên giấy tờ')} value={d.name} maxLength={300} onChange={(name) => change({ name })} />
            <div className="document-edit-meta">
              <Field<RequiredDocument['form']> kind="select" label={label('Hình thức')} value={d.form} options={formOptions} onChange={(form) => change({ form })} />
              <Field kind="number" className="field-inline" label={<>{label('Số lượng')}<span aria-hidden="true">Số lượng</span></>} value={d.count} min={1} max={20} onChange={(count) => change({ count })} />
              <Field kind="checkbox" label={<>{label('Bắt buộc')}<span aria-hidden="true">Bắt buộc</span></>} value={d.mandatory} onChange={(mandatory) => change({ mandatory })} />
            </div>
          </div>
        )}
      />
      <ListEditor<Fee>
        legend="Phí, lệ phí"
        itemName="Khoản phí"
        value={v.fees}
        onChange={(fees) => set({ fees })}
        blank={() => ({ name: '', amount: 0 })}
        max={20}
        columns={['Tên phí, lệ phí', 'Số tiền (đồng)']}
        grid="minmax(0, 1fr) 10rem"
        row={(f, change, label) => (
          <>
            <Field kind="text" label={label('Tên phí, lệ phí')} value={f.name} maxLength={200} onChange={(name) => change({ name })} />
            <Field kind="number" label={label('Số tiền (đồng)')} value={f.amount} min={0} onChange={(amount) => change({ amount })} />
          </>
        )}
      />
    </SaveForm>
  );
}

type ImportResult = OpOutput<'admin.importProcedures'>;
const formats: Record<string, OpInput<'admin.importProcedures'>['format']> = { json: 'json', csv: 'csv', xlsx: 'xlsx' };

/** Import the province's catalogue (JSON, CSV or XLSX): what was added, and every row refused with why. */
function ImportCard() {
  const { client } = useHub();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      if (!file) throw new LocalProblem('Hãy chọn tệp danh mục (JSON, CSV hoặc XLSX).');
      const format = formats[file.name.split('.').pop()?.toLowerCase() ?? ''];
      if (!format) throw new LocalProblem('Chỉ nhận tệp .json, .csv hoặc .xlsx.');
      setResult(await client['admin.importProcedures']({ format, dataBase64: await fileToBase64(file) }));
    } catch (e) {
      setError(problemOf(e, 'Không nhập được tệp danh mục.').message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="admin-card" aria-labelledby="import-title">
      <h3 id="import-title">Nhập danh mục thủ tục từ tệp</h3>
      <p className="field-hint">
        CSV hoặc XLSX, mỗi dòng một thủ tục với các cột: code, name, field, authority, processing_unit (working_days | working_hours | same_day), processing_value,
        documents (“tên|hình thức|số lượng|bắt buộc”, cách nhau bởi dấu ;), fees (“tên|số tiền”), result, valid_from (YYYY-MM-DD), active. Hoặc JSON: danh sách thủ tục.
        Thủ tục đã có và không đổi được giữ nguyên; thủ tục thay đổi có phiên bản mới.
      </p>
      <div className="import-row">
        <FilePicker label="Chọn tệp danh mục…" accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" file={file} onChange={setFile} />
        <Button variant="primary" onClick={() => void run()} disabled={busy}>
          Nhập danh mục
        </Button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {result ? (
        <Notice kind={result.rejected.length > 0 ? 'warning' : 'success'}>
          Đã thêm {result.added} thủ tục (hoặc phiên bản mới), {result.unchanged} thủ tục không thay đổi
          {result.rejected.length > 0 ? `, ${result.rejected.length} dòng bị từ chối:` : '.'}
        </Notice>
      ) : null}
      {/* Each reason says where it is ("Dòng 12: …") and what to correct, as the hub wrote it. */}
      {result && result.rejected.length > 0 ? (
        <ul className="import-rejections" aria-label="Các dòng bị từ chối">
          {result.rejected.map((r, i) => (
            <li key={i}>{r.reason}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
