import type { OpInput } from '../../../../contract/ops';
import { priorityIconNames, priorityIcons } from '../../../../contract/pictograms';
import type { PriorityClass } from '../../../../contract/queue';
import { PriorityPictogram } from '../../ui/pictograms/PriorityPictogram';
import { useHub } from '../../hub/session';
import { Notice } from '../../ui/Notice';
import { useCatalog } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { MasterDetail, useSelection } from './MasterDetail';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

type Draft = OpInput<'admin.savePriorityClass'>;

const iconOptions = priorityIcons.map((value) => ({ value, label: priorityIconNames[value] }));

const names = { code: 'Mã', label: 'Tên đối tượng', labelEn: 'Tên tiếng Anh', icon: 'Hình minh họa', weight: 'Mức ưu tiên (1–100)', sortOrder: 'Thứ tự hiển thị' };

/** Section "Đối tượng ưu tiên": the categories a citizen may pick at the kiosk. */
export function PriorityClassesSection() {
  const catalog = useCatalog();
  const selection = useSelection();
  if (!catalog.data) return <Loading error={catalog.error} />;
  const classes = catalog.data.priorityClasses;
  const current = selection.current(classes);
  const blank: Draft = { code: '', label: '', labelEn: '', icon: 'generic', weight: 1, active: true, sortOrder: classes.length };
  return (
    <>
      <Notice kind="info">
        Chỉ lưu loại đối tượng ưu tiên mà công dân chọn trên kiosk. Phần mềm không bao giờ lưu thông tin sức khỏe, khuyết tật hay giấy tờ của công dân.
      </Notice>
      <MasterDetail
        label="Danh sách đối tượng ưu tiên"
        items={classes}
        editing={current?.id ?? null}
        onPick={selection.pick}
        newLabel="Thêm đối tượng"
        title={(p) => p.label}
        detail={(p) => `Mức ưu tiên ${p.weight}`}
        inactive={(p) => !p.active}
      >
        <PriorityClassForm key={selection.sel.key} source={current ?? blank} onSaved={(p) => selection.adopt(p.id)} />
      </MasterDetail>
    </>
  );
}

function PriorityClassForm(props: { source: Draft; onSaved: (p: PriorityClass) => void }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  const set = draft.update;
  return (
    <SaveForm
      label={v.id ? 'Sửa đối tượng ưu tiên' : 'Đối tượng ưu tiên mới'}
      dirty={draft.dirty}
      describe={fieldNames(names)}
      save={async () => {
        const saved = await client['admin.savePriorityClass'](v);
        draft.saved(saved);
        props.onSaved(saved);
      }}
    >
      <h3 className="detail-title">{v.id ? `Sửa: ${props.source.label || v.label}` : 'Đối tượng ưu tiên mới'}</h3>
      <div className="form-grid">
        <Field kind="text" label={names.label} value={v.label} maxLength={80} onChange={(label) => set({ label })} hint="Hiện trên kiosk, trên phiếu và ở quầy." />
        <Field kind="text" label={names.labelEn} value={v.labelEn} maxLength={80} onChange={(labelEn) => set({ labelEn })} />
        <div className="icon-field">
          <Field kind="select" label={names.icon} value={v.icon ?? 'generic'} options={iconOptions} onChange={(icon) => set({ icon })} hint="Hiện trên nút chọn đối tượng của kiosk." />
          <PriorityPictogram icon={v.icon ?? 'generic'} className="icon-preview" />
        </div>
        <Field kind="text" label={names.code} value={v.code} maxLength={32} onChange={(code) => set({ code })} />
        <Field kind="number" label={names.weight} value={v.weight} min={1} max={100} onChange={(weight) => set({ weight })} hint="Giữa các số ưu tiên, mức cao hơn được gọi trước." />
        <Field kind="number" label={names.sortOrder} value={v.sortOrder} onChange={(sortOrder) => set({ sortOrder })} hint="Số nhỏ hiện trước trên kiosk." />
        <Field kind="checkbox" label="Đang áp dụng" value={v.active} onChange={(active) => set({ active })} hint="Tắt: không còn hiện trên kiosk." />
      </div>
    </SaveForm>
  );
}
