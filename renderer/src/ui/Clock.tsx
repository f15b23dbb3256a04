import { useEffect, useState } from 'react';
import { ddmmyyyy, hhmm, weekdayVi } from './format';

/** Time and date in Vietnam time, corrected by the hub's clock when known. */
export function Clock(props: { offsetMs?: number; withDate?: boolean; className?: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const at = now + (props.offsetMs ?? 0);
  return (
    <div className={`clock ${props.className ?? ''}`} aria-label={`${hhmm(at)} ${ddmmyyyy(at)}`}>
      <span className="clock-time">{hhmm(at)}</span>
      {props.withDate ? (
        <span className="clock-date">
          {weekdayVi(at)}, {ddmmyyyy(at)}
        </span>
      ) : null}
    </div>
  );
}
