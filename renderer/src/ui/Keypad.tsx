import { Button } from './Button';
import { Delete } from 'lucide-react';

/**
 * A large on-screen number pad: kiosks and TVs have no keyboard, yet must enter a pairing code
 * or an unlock PIN. A physical keyboard works too (the field accepts typing).
 */
export function Keypad(props: { value: string; onChange: (v: string) => void; maxLength: number; label: string; onSubmit: () => void; submitLabel: string; masked?: boolean }) {
  const press = (d: string) => props.value.length < props.maxLength && props.onChange(props.value + d);
  return (
    <div className="keypad">
      <input
        className="keypad-display"
        aria-label={props.label}
        inputMode="numeric"
        // A PIN typed in a public hall is not shown to whoever stands behind.
        type={props.masked ? 'password' : 'text'}
        autoFocus={props.masked}
        autoComplete="off"
        value={props.value}
        maxLength={props.maxLength}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, '').slice(0, props.maxLength))}
        onKeyDown={(e) => e.key === 'Enter' && props.onSubmit()}
      />
      <div className="keypad-grid">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <Button key={d} onClick={() => press(d)} aria-label={d}>
            {d}
          </Button>
        ))}
        <Button onClick={() => props.onChange(props.value.slice(0, -1))} aria-label="Xóa một số">
          <Delete aria-hidden="true" />
        </Button>
        <Button onClick={() => press('0')} aria-label="0">
          0
        </Button>
        <Button variant="primary" onClick={props.onSubmit} disabled={props.value.length === 0}>
          {props.submitLabel}
        </Button>
      </div>
    </div>
  );
}
