import { useEffect, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { Field } from '../admin/Field';
import { DateField } from './DateField';
import type { IntakeDraft } from './intake-draft';
import { longTime } from './texts';

type Quote = OpOutput<'dossiers.quote'>;

/**
 * The return time the hub computes for a dossier received now (working days, holidays, sessions
 * and the same-day cut-off are the hub's business), refreshed every minute while the form is
 * open; or a time the officer sets instead, with the reason (recorded in the dossier).
 */
export function ReturnTime(props: { procedureCode: string | null; override: IntakeDraft['override']; onOverride: (o: IntakeDraft['override']) => void }) {
  const { client } = useHub();
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const code = props.procedureCode;
  useEffect(() => {
    setQuote(null);
    if (!code) return;
    let live = true;
    const load = () =>
      client['dossiers.quote']({ procedureCode: code })
        .then((q) => {
          if (!live) return;
          setQuote(q);
          setError(null);
        })
        .catch((e: unknown) => live && setError(e instanceof HubError ? e.message : 'Không tính được thời gian trả kết quả.'));
    void load();
    const t = setInterval(() => void load(), 60_000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [client, code]);
  const o = props.override;
  const set = (patch: Partial<IntakeDraft['override']>) => props.onOverride({ ...o, ...patch });
  return (
    <div className="return-time" aria-live="polite">
      <p className="return-time-label">Thời gian hẹn trả kết quả</p>
      {!code ? <p className="muted">Chọn thủ tục để tính thời gian trả.</p> : null}
      {error ? <p className="return-time-error">{error}</p> : null}
      {quote ? (
        <p className={`return-time-value ${o.on ? 'replaced' : ''}`} data-testid="quoted-return">
          {longTime(quote.dueAt)}
          <span className="return-time-rule"> ({quote.processingText})</span>
        </p>
      ) : null}
      <Field kind="checkbox" label="Ấn định thời gian trả khác" value={o.on} onChange={(on) => set({ on })} />
      {o.on ? (
        <div className="intake-grid override">
          <DateField label="Ngày trả" value={o.date} onChange={(date) => set({ date })} />
          <Field kind="text" label="Giờ trả" value={o.time} maxLength={5} placeholder="HH:MM" inputMode="numeric" onChange={(time) => set({ time })} />
          <Field kind="text" className="span-2" label="Lý do ấn định thời gian khác" value={o.reason} maxLength={300} onChange={(reason) => set({ reason })} hint="Bắt buộc; được ghi vào lịch sử hồ sơ." />
        </div>
      ) : null}
    </div>
  );
}
