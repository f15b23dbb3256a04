import { useEffect, useId, useRef, useState, type Ref } from 'react';
import type { ProcedureVersion } from '../../../../contract/dossier';
import { useHub } from '../../hub/session';
import { processingLabel } from './texts';

/**
 * Type-ahead search of the procedures in force (the hub ignores diacritics: "khai sinh" finds
 * "Đăng ký khai sinh"); ↑/↓ move through the hits, Enter picks, Esc closes the list.
 */
export function ProcedurePicker(props: { value: ProcedureVersion | null; onPick: (p: ProcedureVersion) => void; inputRef?: Ref<HTMLInputElement> }) {
  const { client } = useHub();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ q: string; found: readonly ProcedureVersion[] }>({ q: '', found: [] });
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const [failed, setFailed] = useState(false);
  const asked = useRef(0);
  /** Enter pressed before the hits of the text typed had arrived: pick the first when they do. */
  const pickWhenReady = useRef(false);

  useEffect(() => {
    if (!open) return;
    // A short pause after the last key: one request per word, not per letter.
    const mine = ++asked.current;
    const q = query.trim();
    const t = setTimeout(() => {
      client['procedures.search']({ q, limit: 20 })
        .then((found) => {
          if (mine !== asked.current) return;
          setHits({ q, found });
          setIndex(0);
          setFailed(false);
          if (pickWhenReady.current) pick(found[0]);
        })
        .catch(() => mine === asked.current && setFailed(true));
    }, 150);
    return () => clearTimeout(t);
  }, [client, query, open]);

  const pick = (p: ProcedureVersion | undefined) => {
    pickWhenReady.current = false;
    if (!p) return;
    props.onPick(p);
    setQuery('');
    setOpen(false);
  };
  const listId = `${id}-list`;
  const current = hits.q === query.trim();
  const shown = open ? hits.found : [];
  return (
    <div className="picker">
      <label htmlFor={id}>Tìm thủ tục (tên hoặc mã)</label>
      <input
        id={id}
        ref={props.inputRef}
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[index] ? `${id}-${index}` : undefined}
        autoComplete="off"
        placeholder={props.value ? 'Gõ để chọn thủ tục khác' : 'Ví dụ: khai sinh'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => query && setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            setOpen(true);
            setIndex((i) => Math.min(i + 1, Math.max(0, hits.found.length - 1)));
          } else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && open) {
            if (current) pick(hits.found[index]);
            else pickWhenReady.current = true;
          }
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      <ul id={listId} role="listbox" aria-label="Thủ tục tìm được" className="picker-list" hidden={shown.length === 0}>
        {shown.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'active' : ''}
            // mousedown, not click: the input's blur would close the list before the click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
          >
            <span className="picker-name">
              {p.name}
              {p.source === 'sample' ? ' (mẫu)' : ''}
            </span>
            <span className="picker-detail">
              {p.code} · {p.field} · {processingLabel(p.processing)}
            </span>
          </li>
        ))}
      </ul>
      {open && current && query.trim() && !failed && hits.found.length === 0 ? <p className="picker-empty">Không tìm thấy thủ tục phù hợp.</p> : null}
      {failed ? <p className="picker-empty">Không tìm được thủ tục: mất kết nối với máy chủ.</p> : null}
    </div>
  );
}
