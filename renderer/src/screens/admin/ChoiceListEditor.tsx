import type { RatingSettings } from '../../../../contract/queue';
import { ListEditor } from '../dossier/ListEditor';
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
  return (
    <ListEditor<Choice>
      {...props}
      blank={() => ({ code: '', label: '', labelEn: '' })}
      columns={['Mã', 'Tên tiếng Việt', 'Tên tiếng Anh']}
      grid="minmax(0, 13rem) minmax(0, 1fr) minmax(0, 1fr)"
      row={(c, change, label) => (
        <>
          <Field kind="text" label={label('Mã')} value={c.code} maxLength={40} onChange={(code) => change({ code })} />
          <Field kind="text" label={label('Tên tiếng Việt')} value={c.label} maxLength={80} onChange={(label) => change({ label })} />
          <Field kind="text" label={label('Tên tiếng Anh')} value={c.labelEn} maxLength={80} onChange={(labelEn) => change({ labelEn })} />
        </>
      )}
    />
  );
}
