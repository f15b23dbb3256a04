import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DossierSummary } from '../../../../contract/dossier';
import { useHub } from '../../hub/session';
import { Notice } from '../../ui/Notice';
import { problemOf } from '../../hub/problem';
import { shortTime, statusLabels } from './texts';
import './dossier.css';

/** The search box's text and its hits, kept by the counter so "back" from a dossier shows them again. */
export interface SearchState {
  readonly q: string;
  /** The hits and the text they were found for (the box may already say more). */
  readonly hits: { readonly for: string; readonly list: readonly DossierSummary[] } | null;
  readonly index: number;
}

export const blankSearch: SearchState = { q: '', hits: null, index: 0 };

/**
 * Tra cứu hồ sơ: one box for a dossier code, an ID number, a phone number or part of a name
 * (without diacritics is fine); the hub decides which it is. ↑/↓ move through the hits, Enter
 * opens one. ID numbers are masked here: others can see this screen.
 */
export function DossierSearch(props: { state: SearchState; onChange: (s: SearchState) => void; onOpen: (id: string) => void }) {
  const { client } = useHub();
  const { q, hits, index } = props.state;
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const asked = useRef(0);
  const latest = useRef(props.state);
  latest.current = props.state;
  /** Enter before the hits of the typed text arrived: open the first one when they do. */
  const openWhenReady = useRef(false);

  useLayoutEffect(() => box.current?.focus(), []);

  const search = (text: string) => {
    const mine = ++asked.current;
    const query = text.trim();
    if (query === '') return props.onChange({ ...latest.current, hits: null, index: 0 });
    client['dossiers.search']({ q: query, limit: 50 })
      .then((list) => {
        if (mine !== asked.current) return;
        setError(null);
        props.onChange({ ...latest.current, hits: { for: query, list }, index: 0 });
        if (openWhenReady.current && list[0]) props.onOpen(list[0].id);
        openWhenReady.current = false;
      })
      .catch((e: unknown) => mine === asked.current && setError(problemOf(e, 'Không tìm được hồ sơ.').message));
  };
  // Searches a moment after the last key, not on every letter.
  useEffect(() => {
    if (hits?.for === q.trim()) return;
    const t = setTimeout(() => search(q), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const list = hits?.list ?? [];
  const move = (by: number) => props.onChange({ ...props.state, index: Math.max(0, Math.min(index + by, list.length - 1)) });
  return (
    <div className="dossier dossier-search">
      <h1>Tra cứu hồ sơ</h1>
      <div className="search-box">
        <label htmlFor="dossier-q">Mã hồ sơ, số định danh, số điện thoại hoặc họ tên</label>
        <input
          id="dossier-q"
          ref={box}
          type="search"
          autoComplete="off"
          aria-describedby="dossier-q-hint"
          placeholder="Ví dụ: nguyen van an · 0912345678 · 001099012345"
          value={q}
          onChange={(e) => props.onChange({ ...props.state, q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') move(1);
            else if (e.key === 'ArrowUp') move(-1);
            else if (e.key === 'Enter') {
              if (hits?.for === q.trim() && list[index]) props.onOpen(list[index].id);
              else if (hits?.for !== q.trim()) {
                openWhenReady.current = true;
                search(q);
              }
            } else return;
            e.preventDefault();
          }}
        />
        <p id="dossier-q-hint" className="field-hint">
          Tìm theo tên không cần gõ dấu (ít nhất 3 chữ cái), đuôi mã hồ sơ (vd. 261202-0001) hoặc mã tra cứu 6 ký tự trên giấy tiếp nhận. ↑ ↓ chọn · Enter mở hồ sơ. Quét mã QR trên giấy tiếp nhận để mở ngay.
        </p>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {hits !== null && list.length === 0 ? <p role="status">Không tìm thấy hồ sơ nào.</p> : null}
      {list.length > 0 ? (
        <table className="dossier-table search-hits" aria-label="Hồ sơ tìm được">
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Người nộp</th>
              <th scope="col">Số định danh</th>
              <th scope="col">Thủ tục</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Tiếp nhận</th>
              <th scope="col">Hẹn trả</th>
            </tr>
          </thead>
          <tbody>
            {list.map((h, i) => (
              <tr key={h.id} aria-current={i === index ? 'true' : undefined} className={i === index ? 'active' : ''} onClick={() => props.onOpen(h.id)}>
                <td className="hit-code">{h.code ?? 'Chưa cấp mã'}</td>
                <td>{h.applicantName}</td>
                <td>{h.idNumberMasked}</td>
                <td>{h.procedureName}</td>
                <td>{statusLabels[h.status]}</td>
                <td>{shortTime(h.receivedAt)}</td>
                <td>{shortTime(h.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
