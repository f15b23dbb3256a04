import { useEffect, useId, useState } from 'react';
import type { ReportFilterChoices } from '../../../../contract/reports';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { channelLabels } from '../dossier/texts';
import { parseVnDate, showVnDate } from '../dossier/vn-date';
import { presetOf, presets, presetPeriod, type Period } from './periods';

/** What the supervisor narrows the reports to. Empty = the whole site. */
export interface Filters extends Period {
  readonly serviceId: string;
  readonly counterId: string;
  readonly staffId: string;
  readonly procedureCode: string;
  readonly channel: '' | 'direct' | 'postal';
}

/**
 * The period (a preset or two dates) and, for a supervisor, the filters the hub takes. Which
 * report each filter narrows is said beside it: the queue and ratings by service and counter, the
 * dossiers by procedure and channel, all of them by officer.
 */
export function ReportFilters(props: { value: Filters; onChange: (f: Filters) => void; today: string; choices: ReportFilterChoices | null }) {
  const { value: f, onChange, choices } = props;
  const set = (patch: Partial<Filters>) => onChange({ ...f, ...patch });
  const chosen = presetOf(f, props.today);
  const inactive = (active: boolean) => (active ? '' : ' (ngừng)');
  return (
    <form className="report-filters" aria-label="Kỳ báo cáo và bộ lọc" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-row">
        <div className="presets" role="group" aria-label="Chọn nhanh kỳ báo cáo">
          {presets.map((p) => (
            <Button key={p.id} variant={chosen === p.id ? 'primary' : 'secondary'} aria-pressed={chosen === p.id} onClick={() => set(presetPeriod(p.id, props.today))}>
              {p.label}
            </Button>
          ))}
        </div>
        <DateInput label="Từ ngày" value={f.from} onChange={(from) => set({ from })} />
        <DateInput label="Đến ngày" value={f.to} onChange={(to) => set({ to })} />
      </div>
      {choices ? (
        <div className="filter-row">
          <Choice label="Dịch vụ" value={f.serviceId} onChange={(serviceId) => set({ serviceId })} options={choices.services.map((x) => [x.serviceId, x.name + inactive(x.active)])} />
          <Choice label="Quầy" value={f.counterId} onChange={(counterId) => set({ counterId })} options={choices.counters.map((x) => [x.counterId, x.label + inactive(x.active)])} />
          <Choice label="Cán bộ" value={f.staffId} onChange={(staffId) => set({ staffId })} options={choices.staff.map((x) => [x.staffId, x.name + inactive(x.active)])} />
          <ProcedureFilter value={f.procedureCode} onChange={(procedureCode) => set({ procedureCode })} />
          <Choice label="Kênh nộp" value={f.channel} onChange={(channel) => set({ channel })} options={channels} />
          <p className="filter-note">
            Dịch vụ và quầy lọc hàng chờ và đánh giá; thủ tục và kênh nộp lọc hồ sơ; cán bộ lọc cả ba.
          </p>
        </div>
      ) : null}
    </form>
  );
}

const channels = (['direct', 'postal'] as const).map((c) => [c, channelLabels[c]] as const);

/** A filter picked from a list, "Tất cả" (the empty value) first. */
function Choice<V extends string>(props: { label: string; value: V | ''; onChange: (v: V | '') => void; options: readonly (readonly [V, string])[] }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as V | '')}>
        <option value="">Tất cả</option>
        {props.options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </label>
  );
}

/**
 * A date typed as dd/mm/yyyy, as everywhere else in Một Cửa (a browser's own date box follows
 * the PC's language). The period changes once the text is a real date; until then it is kept
 * as typed, and the hub says what is wrong with a period it refuses.
 */
function DateInput(props: { label: string; value: string; onChange: (date: string) => void }) {
  const [text, setText] = useState(showVnDate(props.value));
  useEffect(() => setText(showVnDate(props.value)), [props.value]);
  return (
    <label>
      {props.label}
      <input
        value={text}
        inputMode="numeric"
        maxLength={10}
        placeholder="dd/mm/yyyy"
        className="date-input"
        aria-invalid={parseVnDate(text) === null}
        onChange={(e) => {
          setText(e.target.value);
          const date = parseVnDate(e.target.value);
          if (date !== null && date !== props.value) props.onChange(date);
        }}
      />
    </label>
  );
}

/** A procedure's code, typed or picked from the procedures whose name or code matches what is typed. */
function ProcedureFilter(props: { value: string; onChange: (code: string) => void }) {
  const { client, changes } = useHub();
  const listId = useId();
  const [text, setText] = useState(props.value);
  const found = useData(() => client['procedures.search']({ q: text.trim(), limit: 20 }), ['catalog'], changes, [text]);
  return (
    <label>
      Thủ tục (mã)
      <input
        list={listId}
        value={text}
        placeholder="Tất cả"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => props.onChange(text.trim())}
        onKeyDown={(e) => e.key === 'Enter' && props.onChange(text.trim())}
      />
      <datalist id={listId}>
        {(found.data ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
      </datalist>
    </label>
  );
}
