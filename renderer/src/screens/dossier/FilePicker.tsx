import { useId } from 'react';

/**
 * A file choice that speaks Vietnamese whatever the browser's language: the native input stays
 * (keyboard and screen readers use it) but is drawn as a button, with the chosen name beside it.
 */
export function FilePicker(props: { label: string; accept: string; file: File | null; onChange: (file: File | null) => void }) {
  const id = useId();
  return (
    <div className="file-picker">
      <label className="btn btn-secondary file-pick" htmlFor={id}>
        {props.label}
      </label>
      {/* A new key when cleared: a file input cannot be emptied from outside otherwise. */}
      <input key={props.file ? 'chosen' : 'empty'} id={id} type="file" className="visually-hidden" accept={props.accept} onChange={(e) => props.onChange(e.target.files?.[0] ?? null)} />
      <span className="file-name">{props.file?.name ?? 'Chưa chọn tệp'}</span>
    </div>
  );
}
