import { useState } from 'react';
import type { OpInput, OpOutput } from '../../../../contract/ops';
import { serviceIconNames, serviceIcons } from '../../../../contract/pictograms';
import type { NumberSequence, Service, WeeklyHours } from '../../../../contract/queue';
import { ServicePictogram } from '../../ui/pictograms/ServicePictogram';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { useCatalog, useSite } from './admin-data';
import { Field } from './Field';
import { HoursEditor, hoursPathLabel } from './HoursEditor';
import { Loading } from './Loading';
import { MasterDetail, useSelection } from './MasterDetail';
import { LocalProblem } from '../../hub/problem';
import { fieldNames, SaveForm } from './SaveForm';
import { SequenceDialog } from './SequenceDialog';
import { useDraft } from './use-draft';

type Draft = OpInput<'admin.saveService'>;
type Catalog = OpOutput<'catalog.get'>;

const names = {
  code: 'Mã dịch vụ',
  name: 'Tên dịch vụ',
  nameEn: 'Tên tiếng Anh',
  hint: 'Mô tả ngắn',
  hintEn: 'Mô tả tiếng Anh',
  icon: 'Hình minh họa',
  prefix: 'Tiền tố số',
  sequenceId: 'Dãy số',
  priorityMode: 'Loại số nhận',
  dailyCap: 'Giới hạn mỗi ngày',
  defaultServiceMinutes: 'Thời gian phục vụ trung bình',
  maxWaitMinutes: 'Thời gian chờ tối đa riêng',
  sortOrder: 'Thứ tự hiển thị',
};
const describe = fieldNames(names);

const iconOptions = serviceIcons.map((value) => ({ value, label: serviceIconNames[value] }));

const priorityModes = [
  { value: 'both', label: 'Cả số thường và số ưu tiên' },
  { value: 'normal', label: 'Chỉ số thường' },
  { value: 'priority', label: 'Chỉ đối tượng ưu tiên' },
] as const;

function blank(catalog: Catalog): Draft {
  return {
    code: '', name: '', nameEn: '', hint: '', hintEn: '', icon: 'generic', prefix: '',
    // No default sequence: sharing one by accident would interleave two services' numbers.
    sequenceId: '',
    priorityMode: 'both', dailyCap: null, hours: null, defaultServiceMinutes: 10, maxWaitMinutes: null, active: true,
    sortOrder: catalog.services.length,
  };
}

function sequenceText(s: NumberSequence): string {
  const pad = (n: number) => String(n).padStart(s.padWidth, '0');
  return `${s.code} (${pad(s.rangeStart)}–${pad(s.rangeEnd)}${s.step > 1 ? `, bước ${s.step}` : ''})`;
}

/** Section "Dịch vụ": what a citizen can take a number for, and how its numbers look. */
export function ServicesSection() {
  const catalog = useCatalog();
  const site = useSite();
  const selection = useSelection();
  if (!catalog.data || !site.data) return <Loading error={catalog.error ?? site.error} />;
  const cat = catalog.data;
  const current = selection.current(cat.services);
  return (
    <MasterDetail
      label="Danh sách dịch vụ"
      items={cat.services}
      editing={current?.id ?? null}
      onPick={selection.pick}
      newLabel="Thêm dịch vụ"
      title={(s) => (
        <>
          <span className="prefix">{s.prefix}</span> {s.name}
        </>
      )}
      detail={(s) => `Mã ${s.code} · ${s.hours ? 'giờ riêng' : 'giờ chung'} · ${s.defaultServiceMinutes} phút/lượt`}
      inactive={(s) => !s.active}
    >
      <ServiceForm key={selection.sel.key} source={current ?? blank(cat)} catalog={cat} siteHours={site.data.queueHours} onSaved={(s) => selection.adopt(s.id)} />
    </MasterDetail>
  );
}

function ServiceForm(props: { source: Draft; catalog: Catalog; siteHours: WeeklyHours; onSaved: (s: Service) => void }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const [creatingSequence, setCreatingSequence] = useState(false);
  const v = draft.value;
  const set = draft.update;
  const sharing = props.catalog.services.filter((s) => s.sequenceId === v.sequenceId && s.id !== v.id).map((s) => `${s.prefix} ${s.name}`);
  return (
    <>
      <SaveForm
        label={v.id ? `Sửa dịch vụ ${props.source.name || v.name}` : 'Dịch vụ mới'}
        dirty={draft.dirty}
        describe={(path) => hoursPathLabel(path, 'hours') ?? describe(path)}
        save={async () => {
          if (!v.sequenceId) throw new LocalProblem('Hãy chọn một dãy số hoặc tạo dãy số mới cho dịch vụ.');
          const saved = await client['admin.saveService'](v);
          draft.saved(saved);
          props.onSaved(saved);
        }}
      >
        <h3 className="detail-title">{v.id ? `Sửa dịch vụ: ${props.source.name || v.name}` : 'Dịch vụ mới'}</h3>
        <div className="form-grid">
          <Field kind="text" label={names.name} value={v.name} maxLength={120} onChange={(name) => set({ name })} />
          <Field kind="text" label={names.nameEn} value={v.nameEn} maxLength={120} onChange={(nameEn) => set({ nameEn })} />
          <Field kind="text" label={names.hint} value={v.hint} maxLength={200} onChange={(hint) => set({ hint })} hint="Hiện dưới tên dịch vụ trên kiosk." />
          <Field kind="text" label={names.hintEn} value={v.hintEn} maxLength={200} onChange={(hintEn) => set({ hintEn })} />
          <div className="icon-field">
            <Field kind="select" label={names.icon} value={v.icon ?? 'generic'} options={iconOptions} onChange={(icon) => set({ icon })} hint="Hiện trên ô dịch vụ của kiosk và trên màn hình chờ." />
            <ServicePictogram icon={v.icon ?? 'generic'} className="icon-preview" />
          </div>
          <Field kind="text" label={names.code} value={v.code} maxLength={32} onChange={(code) => set({ code })} hint="Mã nội bộ, dùng trong báo cáo." />
          <Field kind="text" label={names.prefix} value={v.prefix} maxLength={3} onChange={(prefix) => set({ prefix: prefix.toUpperCase() })} hint="1–3 chữ cái in hoa không dấu, đứng trước số: A → A001." />
          <div className="field-with-action span-2">
            <Field
              kind="select"
              label={names.sequenceId}
              value={v.sequenceId}
              options={[...(v.sequenceId === '' ? [{ value: '', label: '— Chọn dãy số —' }] : []), ...props.catalog.sequences.map((s) => ({ value: s.id, label: sequenceText(s) }))]}
              onChange={(sequenceId) => set({ sequenceId })}
              hint={
                !v.sequenceId
                  ? 'Thường mỗi dịch vụ có dãy số riêng; hai dịch vụ chỉ dùng chung tiền tố khi dùng chung dãy số.'
                  : sharing.length > 0
                    ? `Dùng chung dãy số với: ${sharing.join(', ')}.`
                    : 'Dãy số riêng của dịch vụ này.'
              }
            />
            <Button onClick={() => setCreatingSequence(true)}>Tạo dãy số mới…</Button>
          </div>
          <Field kind="select" label={names.priorityMode} value={v.priorityMode} options={priorityModes} onChange={(priorityMode) => set({ priorityMode })} />
          <Field kind="number" label={`${names.defaultServiceMinutes} (phút)`} value={v.defaultServiceMinutes} min={1} max={240} onChange={(defaultServiceMinutes) => set({ defaultServiceMinutes })} hint="Dùng để ước tính thời gian chờ cho công dân." />
          <Field kind="optionalNumber" label={names.dailyCap} switchLabel="Giới hạn" unit="số/ngày" min={1} onValue={100} value={v.dailyCap} onChange={(dailyCap) => set({ dailyCap })} hint="Tắt: không giới hạn số phiếu trong ngày." />
          <Field kind="optionalNumber" label={names.maxWaitMinutes} switchLabel="Đặt riêng" unit="phút" min={1} max={600} onValue={30} value={v.maxWaitMinutes} onChange={(maxWaitMinutes) => set({ maxWaitMinutes })} hint="Tắt: theo quy tắc gọi số chung của đơn vị." />
          <Field kind="number" label={names.sortOrder} value={v.sortOrder} onChange={(sortOrder) => set({ sortOrder })} hint="Số nhỏ hiện trước trên kiosk." />
          <Field kind="checkbox" label="Đang hoạt động" value={v.active} onChange={(active) => set({ active })} hint="Tắt: dịch vụ không còn hiện trên kiosk." />
          <Field
            kind="checkbox"
            className="span-2"
            label="Dùng giờ lấy số chung của đơn vị"
            value={v.hours === null}
            onChange={(common) => set({ hours: common ? null : props.siteHours.map((day) => day.map((w) => ({ ...w }))) })}
            hint={v.hours === null ? 'Bỏ chọn để đặt giờ riêng cho dịch vụ này.' : 'Dịch vụ này nhận số theo giờ riêng dưới đây.'}
          />
        </div>
        {v.hours ? <HoursEditor label="Giờ lấy số riêng của dịch vụ" value={v.hours} onChange={(hours) => set({ hours })} /> : null}
      </SaveForm>
      {creatingSequence ? (
        <SequenceDialog
          prefix={v.prefix}
          onClose={() => setCreatingSequence(false)}
          onCreated={(s) => {
            setCreatingSequence(false);
            set({ sequenceId: s.id });
          }}
        />
      ) : null}
    </>
  );
}
