import { useState } from 'react';
import type { CalendarYear, DatedEntry } from '../../../../contract/calendar';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { DateField } from '../dossier/DateField';
import { ListEditor } from '../dossier/ListEditor';
import { todayVn } from '../dossier/vn-date';
import { Field } from './Field';
import { HoursEditor, hoursPathLabel } from './HoursEditor';
import { Loading } from './Loading';
import { SaveForm, type DescribePath } from './SaveForm';
import { useDraft } from './use-draft';

const lists = {
  holidays: { legend: 'Ngày nghỉ lễ, Tết', itemName: 'Ngày lễ', hint: 'Các ngày nghỉ theo Điều 112 Bộ luật Lao động, kể cả ngày trùng cuối tuần.' },
  extraDaysOff: { legend: 'Ngày nghỉ bù, nghỉ hoán đổi', itemName: 'Ngày nghỉ', hint: 'Ngày nghỉ bù khi lễ trùng ngày nghỉ hằng tuần, ngày hoán đổi để nghỉ liền.' },
  workedWeekendDays: { legend: 'Ngày làm bù (thứ Bảy, Chủ nhật đi làm)', itemName: 'Ngày làm bù', hint: 'Ngày cuối tuần cơ quan làm việc để bù cho ngày hoán đổi.' },
} as const;
type ListKey = keyof typeof lists;

/** "holidays.2.date" → "Ngày nghỉ lễ, Tết, dòng 3, ngày"; sessions like the hours editor. */
const describe: DescribePath = (raw) => {
  const path = raw.replace(/^calendar\./, '');
  const hours = hoursPathLabel(path, 'sessions');
  if (hours) return `Giờ làm việc, ${hours}`;
  const [head, index, part] = path.split('.');
  if (head === 'sameDayCutoff') return 'Giờ chốt nhận hồ sơ trong ngày';
  const list = lists[head as ListKey];
  if (!list) return undefined;
  return [list.legend, ...(index !== undefined ? [`dòng ${Number(index) + 1}`] : []), ...(part === 'date' ? ['ngày'] : part === 'name' ? ['tên'] : [])].join(', ');
};

/** Section "Lịch làm việc": the working days and hours that return times are counted in. */
export function CalendarSection() {
  const { client, changes } = useHub();
  const thisYear = Number(todayVn().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const cal = useData(() => client['calendar.get']({ year }), ['catalog'], changes, [year]);
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: String(y), label: `Năm ${y}` }));
  return (
    <div className="calendar">
      <Field kind="select" className="calendar-year" label="Năm" value={String(year)} options={years} onChange={(y) => setYear(Number(y))} />
      {cal.data && cal.data.calendar.year === year ? <CalendarForm key={year} source={cal.data.calendar} edited={cal.data.editedAtSite} /> : <Loading error={cal.error} />}
    </div>
  );
}

function CalendarForm(props: { source: CalendarYear; edited: boolean }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  const entries = (key: ListKey) => (
    <ListEditor<DatedEntry>
      key={key}
      legend={lists[key].legend}
      itemName={lists[key].itemName}
      hint={lists[key].hint}
      value={v[key]}
      onChange={(list) => draft.update({ [key]: list })}
      blank={() => ({ date: '', name: '' })}
      max={60}
      columns={['Ngày', 'Tên ngày']}
      grid="10rem minmax(0, 1fr)"
      row={(e, change, label) => (
        <>
          <DateField label={label('Ngày')} value={e.date} onChange={(date) => change({ date })} />
          <Field kind="text" label={label('Tên ngày')} value={e.name} maxLength={200} onChange={(name) => change({ name })} />
        </>
      )}
    />
  );
  return (
    <SaveForm
      label={`Lịch làm việc năm ${v.year}`}
      dirty={draft.dirty}
      describe={describe}
      save={async () => draft.saved(await client['admin.saveCalendar']({ calendar: v }))}
    >
      <p className="section-intro">
        Lịch năm {v.year} {v.province ? `của ${v.province}` : 'chung cả nước'}:{' '}
        {v.source === 'official' ? 'theo thông báo chính thức' : 'tính theo Bộ luật Lao động (chưa có thông báo nghỉ lễ của năm)'}
        {props.edited ? ', đã chỉnh sửa tại đơn vị' : ''}. Thời hạn trả kết quả được tính theo lịch này; hồ sơ đã tiếp nhận giữ hạn đã hẹn.
      </p>
      <Field
        kind="checkbox"
        label="Đã đối chiếu với thông báo nghỉ lễ chính thức của năm"
        value={v.source === 'official'}
        onChange={(official) => draft.update({ source: official ? 'official' : 'computed' })}
      />
      {entries('holidays')}
      {entries('extraDaysOff')}
      {entries('workedWeekendDays')}
      <HoursEditor label="Giờ làm việc trong tuần (ngày không có khung giờ là ngày nghỉ)" emptyDayLabel="Ngày nghỉ" value={v.sessions} onChange={(sessions) => draft.update({ sessions })} />
      <Field
        kind="text"
        className="field-narrow"
        label="Giờ chốt nhận hồ sơ trong ngày"
        value={v.sameDayCutoff}
        maxLength={5}
        placeholder="15:00"
        inputMode="numeric"
        onChange={(sameDayCutoff) => draft.update({ sameDayCutoff })}
        hint="Hồ sơ giải quyết trong ngày nhận từ giờ này trở đi được hẹn trả vào ngày làm việc tiếp theo."
      />
    </SaveForm>
  );
}
