import type { ReactNode } from 'react';
import { Field } from '../admin/Field';
import { parseVnDate, showVnDate } from './vn-date';

/**
 * A date typed as dd/mm/yyyy. The value is the hub's YYYY-MM-DD once the text is a real date,
 * and the text as typed until then (the hub, or the form, says what is wrong with it).
 */
export function DateField(props: { label: ReactNode; value: string; onChange: (v: string) => void; hint?: ReactNode; className?: string; disabled?: boolean; error?: string }) {
  return (
    <Field
      kind="text"
      label={props.label}
      value={showVnDate(props.value)}
      maxLength={10}
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      hint={props.hint}
      {...(props.error ? { error: props.error } : {})}
      disabled={props.disabled}
      className={`field-date ${props.className ?? ''}`}
      onChange={(text) => props.onChange(parseVnDate(text) ?? text)}
    />
  );
}
