import type { RatingSettings } from '../../../../contract/queue';
import { Button } from '../../ui/Button';
import { Field } from './Field';

type Choice = RatingSettings['scale'][number];

const parts: Record<string, string> = { code: 'mã', label: 'tên', labelEn: 'tên tiếng Anh' };

/** "rating.scale.1.label" → "Thang đánh giá, mục 2, tên", for the hub's validation messages. */
export function choicePathLabel(path: string, field: string, name: string): string | undefined {
  const rest = path.startsWith(`${field}.`) ? path.slice(field.length + 1).split('.') : path === field ? [] : null;
  if (!rest) return undefined;
  const [index, part] = rest;
  return [name, ...(index !== undefined ? [`mục ${Number(index) + 1}`] : []), ...(part && parts[part] ? [parts[part]] : [])].join(', ');
}

/**
 * An ordered list of choices (code, Vietnamese and English label): add, remove, move up/down.
 * Serves the rating scale (best first) and the list of reasons.
 */
export function ChoiceListEditor(props: { legend: string; itemName: string; value: readonly Choice[]; onChange: (v: Choice[]) => void; min: number; max: number; hint: string }) {
  const { value } = props;
  const change = (i: number, patch: Partial<Choice>) => props.onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    props.onChange(next);
  };
  return (
    <fieldset className="choices">
      <legend>{props.legend}</legend>
      <p className="field-hint">{props.hint}</p>
      {value.length > 0 ? (
        // Column titles for the eye; each field also carries its full name for screen readers.
        <div className="choice-head" aria-hidden="true">
          <span />
          <span>Mã</span>
          <span>Tên tiếng Việt</span>
          <span>Tên tiếng Anh</span>
        </div>
      ) : null}
      <ol className="choice-rows">
        {value.map((c, i) => {
          const name = (column: string) => <span className="visually-hidden">{`${props.itemName} ${i + 1}: ${column}`}</span>;
          return (
            <li key={i} className="choice-row">
              <Field kind="text" label={name('Mã')} value={c.code} maxLength={40} onChange={(code) => change(i, { code })} />
              <Field kind="text" label={name('Tên tiếng Việt')} value={c.label} maxLength={80} onChange={(label) => change(i, { label })} />
              <Field kind="text" label={name('Tên tiếng Anh')} value={c.labelEn} maxLength={80} onChange={(labelEn) => change(i, { labelEn })} />
              <div className="choice-row-tools">
                <Button variant="ghost" aria-label={`Đưa ${props.itemName.toLowerCase()} ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </Button>
                <Button variant="ghost" aria-label={`Đưa ${props.itemName.toLowerCase()} ${i + 1} xuống`} disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </Button>
                <Button variant="ghost" aria-label={`Xóa ${props.itemName.toLowerCase()} ${i + 1}`} disabled={value.length <= props.min} onClick={() => props.onChange(value.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {value.length < props.max ? (
        <Button onClick={() => props.onChange([...value, { code: '', label: '', labelEn: '' }])}>+ Thêm {props.itemName.toLowerCase()}</Button>
      ) : null}
    </fieldset>
  );
}
