import { useEffect, useRef, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { asksWhy } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Notice } from '../../ui/Notice';

/** The question goes away by itself if nobody answers; the thank-you shows briefly. */
const ASK_SECONDS = 60;
const THANKS_SECONDS = 6;

/**
 * The rating tablet at a counter: idle until the officer finishes a ticket, then asks the
 * satisfaction question for that ticket, once, and returns to idle by itself.
 */
export function RatingScreen() {
  const { client, changes } = useHub();
  const data = useData(() => client['rating.pending']({}), ['queue', 'site'], changes);
  const [reasons, setReasons] = useState<string[]>([]);
  // A lower score chosen: the second step asks why (optional) before sending.
  const [chosen, setChosen] = useState<string | null>(null);
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Tickets the citizen walked away from: not asked again.
  const dismissed = useRef(new Set<string>());
  const [, force] = useState(0);

  const pending = data.data?.pending && !dismissed.current.has(data.data.pending.ticketId) ? data.data.pending : null;
  const settings = data.data?.settings;

  useEffect(() => {
    setReasons([]);
    setChosen(null);
    setError(null);
  }, [pending?.ticketId]);

  // Nobody touches the tablet for a minute: the question goes away — but a score already chosen
  // (the citizen walked away at the "why?" step) still counts.
  useEffect(() => {
    if (!pending) return;
    const t = setTimeout(() => {
      if (chosen) return void submit(chosen);
      dismissed.current.add(pending.ticketId);
      force((n) => n + 1);
    }, ASK_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [pending?.ticketId, chosen, reasons]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!thanks) return;
    const t = setTimeout(() => setThanks(false), THANKS_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [thanks]);

  const choose = (score: string) => {
    if (settings && asksWhy(settings, score)) setChosen(score);
    else void submit(score);
  };

  const submit = async (score: string) => {
    if (!pending) return;
    try {
      await client['rating.submit']({ ticketId: pending.ticketId, score, reasons });
      dismissed.current.add(pending.ticketId);
      setThanks(true);
      await data.reload();
    } catch (e) {
      setError(e instanceof HubError ? e.message : 'Không gửi được đánh giá.');
      if (e instanceof HubError && e.code === 'CONFLICT') dismissed.current.add(pending.ticketId);
    }
  };

  if (thanks) {
    return (
      <main className="rating rating-thanks" role="status">
        <h1>Cảm ơn Ông/Bà đã đánh giá!</h1>
        <p>Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.</p>
      </main>
    );
  }
  if (!pending || !settings) {
    return (
      <main className="rating rating-idle">
        <h1>{data.data?.counterNumber ? `Quầy số ${data.data.counterNumber}` : 'Một Cửa'}</h1>
        <p>Kính chào Ông/Bà. Sau khi làm thủ tục xong, xin Ông/Bà vui lòng đánh giá mức độ hài lòng tại đây.</p>
        {data.error ? <Notice kind="error">{data.error.message}</Notice> : null}
      </main>
    );
  }
  const chosenLabel = chosen ? settings.scale.find((s) => s.code === chosen)?.label : null;
  if (chosen) {
    return (
      <main className="rating rating-ask" aria-labelledby="rating-why">
        <p className="rating-ticket">
          Số {pending.displayCode} · Ông/Bà đã chọn: {chosenLabel}
        </p>
        <h1 id="rating-why">Ông/Bà chưa hài lòng về điều gì?</h1>
        <p>Chạm vào một hoặc nhiều ý (không bắt buộc), rồi bấm Gửi đánh giá.</p>
        <fieldset className="rating-reasons">
          <legend className="visually-hidden">Lý do chưa hài lòng</legend>
          {settings.reasons.map((r) => (
            <label key={r.code} className={reasons.includes(r.code) ? 'checked' : ''}>
              <input type="checkbox" checked={reasons.includes(r.code)} onChange={(e) => setReasons((x) => (e.target.checked ? [...x, r.code] : x.filter((c) => c !== r.code)))} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <div className="rating-actions">
          <button type="button" className="rating-back" onClick={() => { setChosen(null); setReasons([]); }}>
            ← Chọn lại mức đánh giá
          </button>
          <button type="button" className="rating-send" onClick={() => void submit(chosen)}>
            Gửi đánh giá
          </button>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
      </main>
    );
  }
  return (
    <main className="rating rating-ask" aria-labelledby="rating-question">
      <p className="rating-ticket">
        Số {pending.displayCode} · {pending.serviceName}
      </p>
      <h1 id="rating-question">{settings.question}</h1>
      <div className="rating-scale" role="group" aria-label="Mức độ hài lòng">
        {settings.scale.map((s, i) => (
          <button key={s.code} type="button" className={`rating-choice rating-choice-${i}`} onClick={() => choose(s.code)}>
            {s.label}
          </button>
        ))}
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </main>
  );
}
