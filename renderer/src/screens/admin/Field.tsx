import { useId, useState, type ReactNode } from 'react';

export interface Option<V extends string> {
  readonly value: V;
  readonly label: string;
}

interface Common {
  /** Visible label; may hold visually hidden context (e.g. which day a time belongs to). */
  label: ReactNode;
  /** One sentence under the field explaining what it does. */
  hint?: ReactNode;
  disabled?: boolean;
  /** Extra class on the wrapper, for layout (e.g. `field-narrow`). */
  className?: string;
  /** The hub's word on what is wrong with the value (the setup wizard checks field by field). */
  error?: string;
}

type Kind<V extends string> =
  | { kind: 'text' | 'password'; value: string; onChange: (v: string) => void; maxLength?: number; placeholder?: string; autoComplete?: string; inputMode?: 'numeric' | 'text' }
  | { kind: 'textarea'; value: string; onChange: (v: string) => void; maxLength?: number }
  | { kind: 'number'; value: number; onChange: (v: number) => void; min?: number; max?: number }
  /** A number that may be switched off (null): a checkbox turns it on with `onValue`. */
  | { kind: 'optionalNumber'; value: number | null; onChange: (v: number | null) => void; min?: number; max?: number; switchLabel: string; onValue: number; unit?: string }
  | { kind: 'select'; value: V; onChange: (v: V) => void; options: readonly Option<V>[] }
  | { kind: 'checkbox'; value: boolean; onChange: (v: boolean) => void };

export type FieldProps<V extends string = string> = Common & Kind<V>;

/**
 * The one labelled form field every admin section uses: a `<label>` tied to its control, an
 * optional hint tied with aria-describedby, and the same look everywhere. The forms do not use
 * the browser's own validation (`noValidate`): the hub validates and answers in Vietnamese.
 */
export function Field<V extends string = string>(props: FieldProps<V>) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const hint = props.hint ? (
    <p id={hintId} className="field-hint">
      {props.hint}
    </p>
  ) : null;
  const wrap = `field field-${props.kind} ${props.className ?? ''}`;

  if (props.kind === 'checkbox') {
    return (
      <div className={wrap}>
        <label className="field-check">
          <input type="checkbox" checked={props.value} disabled={props.disabled} aria-describedby={describedBy} onChange={(e) => props.onChange(e.target.checked)} />
          <span>{props.label}</span>
        </label>
        {hint}
      </div>
    );
  }

  let control: ReactNode;
  switch (props.kind) {
    case 'text':
    case 'password':
      control = (
        <input
          id={id}
          type={props.kind}
          value={props.value}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          disabled={props.disabled}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
      break;
    case 'textarea':
      control = <textarea id={id} rows={3} value={props.value} maxLength={props.maxLength} disabled={props.disabled} aria-describedby={describedBy} onChange={(e) => props.onChange(e.target.value)} />;
      break;
    case 'number':
      control = <NumberInput id={id} value={props.value} onChange={props.onChange} min={props.min} max={props.max} disabled={props.disabled} describedBy={describedBy} invalid={props.error !== undefined} />;
      break;
    case 'optionalNumber':
      control = (
        <OptionalNumber
          id={id}
          label={props.label}
          value={props.value}
          onChange={props.onChange}
          min={props.min}
          max={props.max}
          switchLabel={props.switchLabel}
          onValue={props.onValue}
          unit={props.unit}
          disabled={props.disabled}
          describedBy={describedBy}
        />
      );
      break;
    case 'select':
      control = (
        <select id={id} value={props.value} disabled={props.disabled} aria-describedby={describedBy} onChange={(e) => {
          const picked = props.options.find((o) => o.value === e.target.value);
          if (picked) props.onChange(picked.value);
        }}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
  }
  return (
    <div className={wrap}>
      <label htmlFor={id}>{props.label}</label>
      {control}
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
      {hint}
    </div>
  );
}

/**
 * A whole-number input that can be cleared while typing: the text is kept as typed, the value
 * changes only when the text is a number, and leaving an empty field shows the value again.
 */
function NumberInput(props: { id: string; value: number; onChange: (v: number) => void; min?: number; max?: number; disabled?: boolean; describedBy?: string; invalid?: boolean }) {
  const [shown, setShown] = useState({ text: String(props.value), value: props.value });
  let text = shown.text;
  if (shown.value !== props.value) {
    // Changed from outside (a reload, a reset): show the new value.
    text = String(props.value);
    setShown({ text, value: props.value });
  }
  return (
    <input
      id={props.id}
      type="number"
      inputMode="numeric"
      value={text}
      min={props.min}
      max={props.max}
      step={1}
      disabled={props.disabled}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? true : undefined}
      onChange={(e) => {
        const t = e.target.value;
        const n = t.trim() === '' ? NaN : Number(t);
        if (Number.isFinite(n)) {
          setShown({ text: t, value: n });
          props.onChange(n);
        } else setShown({ text: t, value: props.value });
      }}
      onBlur={() => setShown({ text: String(props.value), value: props.value })}
    />
  );
}

function OptionalNumber(props: {
  id: string;
  label: ReactNode;
  value: number | null;
  onChange: (v: number | null) => void;
  min?: number;
  max?: number;
  switchLabel: string;
  onValue: number;
  unit?: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  // Remembers the number while switched off, so switching back on restores it.
  const [last, setLast] = useState(props.value ?? props.onValue);
  const on = props.value !== null;
  return (
    <span className="optional-number">
      <label className="field-check">
        <input type="checkbox" checked={on} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked ? last : null)} />
        <span>
          {/* Two switches on one page must not both be called just "Bật" by a screen reader. */}
          <span className="visually-hidden">{props.label}: </span>
          {props.switchLabel}
        </span>
      </label>
      <NumberInput
        id={props.id}
        value={props.value ?? last}
        min={props.min}
        max={props.max}
        disabled={props.disabled || !on}
        describedBy={props.describedBy}
        onChange={(n) => {
          setLast(n);
          props.onChange(n);
        }}
      />
      {props.unit ? <span className="field-unit">{props.unit}</span> : null}
    </span>
  );
}
