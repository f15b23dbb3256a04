import { useEffect, useRef, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { asksWhy } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Notice } from '../../ui/Notice';
import { DossierKeysForm, type DossierKeys } from './DossierKeysForm';

/** The question goes away by itself if nobody answers; the thank-you shows briefly. */
const ASK_SECONDS = 60;
const THANKS_SECONDS = 6;

/** What the question is about: the ticket the counter just finished, or a dossier the citizen named. */
type Subject =
  | { readonly kind: 'ticket'; readonly key: string; readonly title: string; readonly ticketId: string }
  | { readonly kind: 'dossier'; readonly key: string; readonly title: string; readonly keys: DossierKeys };

const messageOf = (e: unknown, fallback: string) => (e instanceof HubError ? e.message : fallback);

/**
 * The rating tablet at a counter: idle until the officer finishes a ticket, then asks the
 * satisfaction question for that ticket, once, and returns to idle by itself. A citizen collecting
 * a result can also rate the dossier: the idle screen offers it, with the receipt's two codes.
 */
export function RatingScreen() {
  const { client, changes } = useHub();
  const data = useData(() => client['rating.pending']({}), ['queue', 'site'], changes);
  // The receipt's codes being typed (null: not asked), and the dossier they named.
  const [keysForm, setKeysForm] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [dossier, setDossier] = useState<Extract<Subject, { kind: 'dossier' }> | null>(null);
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
  const subject: Subject | null =
    dossier ?? (pending ? { kind: 'ticket', key: pending.ticketId, title: `Số ${pending.displayCode} · ${pending.serviceName}`, ticketId: pending.ticketId } : null);

  useEffect(() => {
    setReasons([]);
    setChosen(null);
    setError(null);
  }, [subject?.key]);

  // The codes' form left untouched for a minute goes away too.
  useEffect(() => {
    if (!keysForm) return;
    const t = setTimeout(() => setKeysForm(null), ASK_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [keysForm]);

  // Nobody touches the tablet for a minute: the question goes away — but a score already chosen
  // (the citizen walked away at the "why?" step) still counts.
  useEffect(() => {
    if (!subject) return;
    const t = setTimeout(() => {
      if (chosen) return void submit(chosen);
      dismiss(subject);
    }, ASK_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [subject?.key, chosen, reasons]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!thanks) return;
    const t = setTimeout(() => setThanks(false), THANKS_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [thanks]);

  const choose = (score: string) => {
    if (settings && asksWhy(settings, score)) setChosen(score);
    else void submit(score);
  };

  const dismiss = (s: Subject) => {
    if (s.kind === 'ticket') dismissed.current.add(s.ticketId);
    else setDossier(null);
    force((n) => n + 1);
  };

  const submit = async (score: string) => {
    if (!subject) return;
    try {
      if (subject.kind === 'ticket') await client['rating.submit']({ ticketId: subject.ticketId, score, reasons });
      else await client['rating.submitDossier']({ ...subject.keys, score, reasons });
      dismiss(subject);
      setThanks(true);
      await data.reload();
    } catch (e) {
      setError(messageOf(e, 'Không gửi được đánh giá.'));
      if (subject.kind === 'ticket' && e instanceof HubError && e.code === 'CONFLICT') dismissed.current.add(subject.ticketId);
    }
  };

  const findDossier = async (keys: DossierKeys) => {
    setKeysForm({ busy: true, error: null });
    try {
      const d = await client['rating.findDossier'](keys);
      setKeysForm(null);
      setDossier({ kind: 'dossier', key: d.code, title: `Hồ sơ ${d.code} · ${d.procedureName}`, keys });
    } catch (e) {
      setKeysForm({ busy: false, error: messageOf(e, 'Không kiểm tra được hồ sơ.') });
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
  if (keysForm) {
    return <DossierKeysForm busy={keysForm.busy} error={keysForm.error} onSubmit={(keys) => void findDossier(keys)} onCancel={() => setKeysForm(null)} />;
  }
  if (!subject || !settings) {
    return (
      <main className="rating rating-idle">
        <h1>{data.data?.counterNumber ? `Quầy số ${data.data.counterNumber}` : 'Một Cửa'}</h1>
        <p>Kính chào Ông/Bà. Sau khi làm thủ tục xong, xin Ông/Bà vui lòng đánh giá mức độ hài lòng tại đây.</p>
        <button type="button" className="rating-back rating-dossier-start" onClick={() => setKeysForm({ busy: false, error: null })}>
          Đánh giá hồ sơ khi nhận kết quả
        </button>
        {data.error ? <Notice kind="error">{data.error.message}</Notice> : null}
      </main>
    );
  }
  const chosenLabel = chosen ? settings.scale.find((s) => s.code === chosen)?.label : null;
  if (chosen) {
    return (
      <main className="rating rating-ask" aria-labelledby="rating-why">
        <p className="rating-ticket">
          {subject.title} · Ông/Bà đã chọn: {chosenLabel}
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
      <p className="rating-ticket">{subject.title}</p>
      <h1 id="rating-question">{settings.question}</h1>
      <div className="rating-scale" role="group" aria-label="Mức độ hài lòng">
        {settings.scale.map((s, i) => (
          <button key={s.code} type="button" className={`rating-choice rating-choice-${i}`} onClick={() => choose(s.code)}>
            {s.label}
          </button>
        ))}
      </div>
      {subject.kind === 'dossier' ? (
        <div className="rating-actions">
          <button type="button" className="rating-back" onClick={() => dismiss(subject)}>
            ← Không đánh giá
          </button>
        </div>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </main>
  );
}
