import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import './dossier.css';

/**
 * An ordered list of rows of fields: add, remove, move up/down. Each row's fields come from
 * `row`, which gets a `label(column)` helper naming the field with its row number for screen
 * readers ("Giấy tờ 2: Tên") while the eye reads the column titles.
 */
export function ListEditor<T>(props: {
  legend: string;
  /** "Giấy tờ", "Ngày nghỉ": the name of one row. */
  itemName: string;
  value: readonly T[];
  onChange: (v: T[]) => void;
  blank: () => T;
  max: number;
  min?: number;
  hint?: string;
  /** Column titles, for the eye only. */
  columns: readonly string[];
  /** CSS grid columns of a row's fields, e.g. "minmax(0,1fr) 10rem". */
  grid: string;
  row: (item: T, change: (patch: Partial<T>) => void, label: (column: string) => ReactNode, index: number) => ReactNode;
}) {
  const { value } = props;
  const min = props.min ?? 0;
  const change = (i: number, patch: Partial<T>) => props.onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    props.onChange(next);
  };
  const style = { gridTemplateColumns: `1.6rem ${props.grid} 8.5rem` };
  const lower = props.itemName.toLowerCase();
  return (
    <fieldset className="list-editor">
      <legend>{props.legend}</legend>
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
      {value.length > 0 ? (
        <div className="list-editor-head" style={style} aria-hidden="true">
          <span />
          {props.columns.map((c) => (
            <span key={c}>{c}</span>
          ))}
          <span />
        </div>
      ) : null}
      <ol className="list-editor-rows">
        {value.map((item, i) => (
          <li key={i} className="list-editor-row" style={style}>
            <span className="list-editor-number">{i + 1}.</span>
            {props.row(item, (patch) => change(i, patch), (column) => <span className="visually-hidden">{`${props.itemName} ${i + 1}: ${column}`}</span>, i)}
            <div className="list-editor-tools">
              <Button variant="ghost" aria-label={`Đưa ${lower} ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </Button>
              <Button variant="ghost" aria-label={`Đưa ${lower} ${i + 1} xuống`} disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                ↓
              </Button>
              <Button variant="ghost" aria-label={`Xóa ${lower} ${i + 1}`} disabled={value.length <= min} onClick={() => props.onChange(value.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {value.length === 0 ? <p className="muted">Chưa có {lower} nào.</p> : null}
      {value.length < props.max ? <Button onClick={() => props.onChange([...value, props.blank()])}>+ Thêm {lower}</Button> : null}
    </fieldset>
  );
}
