import type { OpInput, OpOutput } from '../../../../contract/ops';
import type { Counter, CounterSkill, Service } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { useCatalog } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { MasterDetail, useSelection } from './MasterDetail';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

type Draft = OpInput<'admin.saveCounter'>;
type Overview = OpOutput<'counters.overview'>[number];

const names = { number: 'Số quầy', label: 'Tên hiển thị', kind: 'Loại', mode: 'Nhận loại số', skills: 'Dịch vụ phục vụ' };
const kinds = [
  { value: 'quay', label: 'Quầy' },
  { value: 'phong', label: 'Phòng' },
  { value: 'ban', label: 'Bàn' },
] as const;
const modes = [
  { value: 'all', label: 'Mọi số (thường và ưu tiên)' },
  { value: 'normal', label: 'Chỉ số thường' },
  { value: 'priority', label: 'Chỉ số ưu tiên' },
] as const;

/** "Nguyễn Văn A — đang gọi A003", or who is not there. */
function presence(o: Overview | undefined): string {
  if (!o?.session) return 'Chưa có cán bộ';
  const doing = o.session.paused ? 'tạm dừng' : o.current ? `${o.current.status === 'serving' ? 'đang phục vụ' : 'đang gọi'} ${o.current.displayCode}` : 'đang chờ gọi số';
  return `${o.session.staffName} — ${doing}`;
}

/** Section "Quầy": the counters, which services each serves (with a weight), and who is there now. */
export function CountersSection() {
  const { client, changes } = useHub();
  const catalog = useCatalog();
  const overview = useData(() => client['counters.overview']({}), ['counters', 'catalog', 'queue'], changes);
  const selection = useSelection();
  if (!catalog.data) return <Loading error={catalog.error} />;
  const { counters, services } = catalog.data;
  const current = selection.current(counters);
  const at = (c: Counter) => overview.data?.find((o) => o.counter.id === c.id);
  const nextNumber = counters.reduce((m, c) => Math.max(m, c.number), 0) + 1;
  const blank: Draft = { number: nextNumber, label: `Quầy số ${nextNumber}`, kind: 'quay', mode: 'all', skills: [], active: true };
  return (
    <MasterDetail
      label="Danh sách quầy"
      items={counters}
      editing={current?.id ?? null}
      onPick={selection.pick}
      newLabel="Thêm quầy"
      title={(c) => c.label}
      detail={(c) => presence(at(c))}
      inactive={(c) => !c.active}
    >
      <CounterForm key={selection.sel.key} source={current ?? blank} services={services} presence={current ? presence(at(current)) : null} onSaved={(c) => selection.adopt(c.id)} />
    </MasterDetail>
  );
}

function CounterForm(props: { source: Draft; services: readonly Service[]; presence: string | null; onSaved: (c: Counter) => void }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  const set = draft.update;
  const skill = (serviceId: string) => v.skills.find((k) => k.serviceId === serviceId);
  // Edited in place, so the skills keep their order and changing a weight back is not an edit.
  const setSkill = (serviceId: string, next: CounterSkill | null) =>
    set({
      skills: !next
        ? v.skills.filter((k) => k.serviceId !== serviceId)
        : skill(serviceId)
          ? v.skills.map((k) => (k.serviceId === serviceId ? next : k))
          : [...v.skills, next],
    });
  return (
    <SaveForm
      label={v.id ? 'Sửa quầy' : 'Quầy mới'}
      dirty={draft.dirty}
      describe={fieldNames(names)}
      save={async () => {
        const saved = await client['admin.saveCounter'](v);
        draft.saved(saved);
        props.onSaved(saved);
      }}
    >
      <h3 className="detail-title">{v.id ? `Sửa: ${props.source.label || v.label}` : 'Quầy mới'}</h3>
      {props.presence ? <p className="presence">Hiện tại: {props.presence}</p> : null}
      <div className="form-grid">
        <Field kind="number" label={names.number} value={v.number} min={1} max={999} onChange={(number) => set({ number })} hint="Số được đọc trên loa và hiện trên màn hình chờ." />
        <Field kind="text" label={names.label} value={v.label} maxLength={60} onChange={(label) => set({ label })} />
        <Field kind="select" label={names.kind} value={v.kind} options={kinds} onChange={(kind) => set({ kind })} />
        <Field kind="select" label={names.mode} value={v.mode} options={modes} onChange={(mode) => set({ mode })} />
        <Field kind="checkbox" label="Đang hoạt động" value={v.active} onChange={(active) => set({ active })} hint="Tắt: cán bộ không mở được quầy này." />
      </div>
      <fieldset className="skills">
        <legend>{names.skills}</legend>
        <p className="field-hint">Chọn các dịch vụ quầy này gọi số. Trọng số (1–100) cao hơn: quầy ưu tiên gọi dịch vụ đó trước (khi quy tắc trọng số đang bật).</p>
        <table className="skills-table">
          <tbody>
            {props.services.map((s) => {
              const k = skill(s.id);
              return (
                <tr key={s.id}>
                  <td>
                    <Field kind="checkbox" label={<><span className="prefix">{s.prefix}</span> {s.name}</>} value={k !== undefined} onChange={(on) => setSkill(s.id, on ? { serviceId: s.id, weight: 1 } : null)} />
                  </td>
                  <td>
                    {k ? (
                      <Field kind="number" className="field-inline" label={<><span className="visually-hidden">{s.name}: </span>Trọng số</>} value={k.weight} min={1} max={100} onChange={(weight) => setSkill(s.id, { serviceId: s.id, weight })} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    </SaveForm>
  );
}
