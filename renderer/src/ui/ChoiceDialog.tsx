import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ArrowDown, ArrowUp } from 'lucide-react';

export interface Choice<T> {
  readonly value: T;
  readonly label: string;
  readonly detail?: string;
  readonly disabled?: boolean;
}

/**
 * A keyboard-first picker: digits 1–9 pick directly, arrows move, Enter confirms, Esc cancels;
 * a mouse works too. Used for every "which service / which counter / which ticket" question at
 * the counter, so an officer never needs the mouse.
 */
export function ChoiceDialog<T>(props: {
  title: string;
  choices: readonly Choice<T>[];
  onPick: (value: T) => void;
  onCancel: () => void;
  filter?: { label: string; placeholder: string };
  children?: ReactNode;
}) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = props.choices.filter((c) => !query || `${c.label} ${c.detail ?? ''}`.toLowerCase().includes(query.toLowerCase()));
  const current = Math.min(index, Math.max(0, shown.length - 1));

  useEffect(() => {
    (props.filter ? inputRef.current : listRef.current)?.focus();
  }, [props.filter]);

  const pick = (c: Choice<T> | undefined) => {
    if (c && !c.disabled) props.onPick(c.value);
  };

  // Keys are heard on the window, not only when focus is inside the dialog: a digit pressed the
  // moment the dialog appears (or after a stray click) must still pick. Registered before paint.
  const latest = useRef({ shown, current, pick, onCancel: props.onCancel, filter: props.filter !== undefined });
  latest.current = { shown, current, pick, onCancel: props.onCancel, filter: props.filter !== undefined };
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const l = latest.current;
      let handled = true;
      if (e.key === 'Escape') l.onCancel();
      else if (e.key === 'ArrowDown') setIndex(Math.min(l.shown.length - 1, l.current + 1));
      else if (e.key === 'ArrowUp') setIndex(Math.max(0, l.current - 1));
      else if (e.key === 'Enter') l.pick(l.shown[l.current]);
      else if (!l.filter && /^[1-9]$/.test(e.key)) l.pick(l.shown[Number(e.key) - 1]);
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={props.title}>
        <h2>{props.title}</h2>
        {props.children}
        {props.filter ? (
          <input
            ref={inputRef}
            className="dialog-filter"
            aria-label={props.filter.label}
            placeholder={props.filter.placeholder}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setIndex(0);
            }}
          />
        ) : null}
        <ul ref={listRef} className="dialog-list" role="listbox" tabIndex={-1} aria-label={props.title} aria-activedescendant={shown[current] ? `choice-${current}` : undefined}>
          {shown.map((c, i) => (
            <li
              key={i}
              id={`choice-${i}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={c.disabled}
              className={`${i === current ? 'active' : ''} ${c.disabled ? 'disabled' : ''}`}
              onClick={() => pick(c)}
              onMouseEnter={() => setIndex(i)}
            >
              {!props.filter && i < 9 ? <kbd>{i + 1}</kbd> : null}
              <span className="choice-label">{c.label}</span>
              {c.detail ? <span className="choice-detail">{c.detail}</span> : null}
            </li>
          ))}
          {shown.length === 0 ? <li className="empty">Không có lựa chọn phù hợp</li> : null}
        </ul>
        <p className="dialog-help">
          <kbd aria-label="Mũi tên lên"><ArrowUp aria-hidden="true" /></kbd>
          <kbd aria-label="Mũi tên xuống"><ArrowDown aria-hidden="true" /></kbd> chọn · <kbd>Enter</kbd> xác nhận · <kbd>Esc</kbd> hủy
        </p>
      </div>
    </div>
  );
}
