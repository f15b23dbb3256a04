import { useEffect, useRef, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { say, sayer, type Lang } from '../../../../contract/locales';
import { asksWhy } from '../../../../contract/queue';
import { FacePictogram } from '../../ui/pictograms/FacePictogram';
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
  // The thank-you, in the language of the citizen who just answered (null: not showing).
  const [thanks, setThanks] = useState<Lang | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Tickets the citizen walked away from: not asked again.
  const dismissed = useRef(new Set<string>());
  const [, force] = useState(0);

  const pending = data.data?.pending && !dismissed.current.has(data.data.pending.ticketId) ? data.data.pending : null;
  const settings = data.data?.settings;
  // The hub words the question in the pending ticket's language (or the site's, for a dossier).
  const ask = data.data?.ask;
  const lang: Lang = ask?.language ?? 'vi';
  const t = sayer(lang);
  const subject: Subject | null =
    dossier ?? (pending ? { kind: 'ticket', key: pending.ticketId, title: t('rating.ticket', { code: pending.displayCode, service: pending.serviceName }), ticketId: pending.ticketId } : null);

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
    const timer = setTimeout(() => setThanks(null), THANKS_SECONDS * 1000);
    return () => clearTimeout(timer);
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
      setThanks(lang);
      await data.reload();
    } catch (e) {
      setError(messageOf(e, t('rating.sendFailed')));
      if (subject.kind === 'ticket' && e instanceof HubError && e.code === 'CONFLICT') dismissed.current.add(subject.ticketId);
    }
  };

  const findDossier = async (keys: DossierKeys) => {
    setKeysForm({ busy: true, error: null });
    try {
      const d = await client['rating.findDossier'](keys);
      setKeysForm(null);
      setDossier({ kind: 'dossier', key: d.code, title: t('rating.dossier', { code: d.code, procedure: d.procedureName }), keys });
    } catch (e) {
      setKeysForm({ busy: false, error: messageOf(e, t('rating.checkFailed')) });
    }
  };

  if (thanks) {
    return (
      <main className="rating rating-thanks" role="status" lang={thanks}>
        <h1>{say(thanks, 'rating.thanks')}</h1>
        <p>{say(thanks, 'rating.thanksDetail')}</p>
      </main>
    );
  }
  if (keysForm) {
    return <DossierKeysForm lang={lang} busy={keysForm.busy} error={keysForm.error} onSubmit={(keys) => void findDossier(keys)} onCancel={() => setKeysForm(null)} />;
  }
  if (!subject || !settings || !ask) {
    return (
      <main className="rating rating-idle" lang={lang}>
        <h1>{data.data?.counterNumber ? t('rating.idleCounter', { n: data.data.counterNumber }) : 'Một Cửa'}</h1>
        <p>{t('rating.idleWelcome')}</p>
        <button type="button" className="rating-back rating-dossier-start" onClick={() => setKeysForm({ busy: false, error: null })}>
          {t('rating.rateDossier')}
        </button>
        {data.error ? <Notice kind="error">{data.error.message}</Notice> : null}
      </main>
    );
  }
  const chosenLabel = chosen ? ask.scale.find((s) => s.code === chosen)?.label : null;
  if (chosen) {
    return (
      <main className="rating rating-ask" aria-labelledby="rating-why" lang={lang}>
        <p className="rating-ticket">
          {subject.title} · {t('rating.chosen', { label: chosenLabel ?? '' })}
        </p>
        <h1 id="rating-why">{t('rating.whyTitle')}</h1>
        <p>{t('rating.whyHint')}</p>
        <fieldset className="rating-reasons">
          <legend className="visually-hidden">{t('rating.whyLegend')}</legend>
          {ask.reasons.map((r) => (
            <label key={r.code} className={reasons.includes(r.code) ? 'checked' : ''}>
              <input type="checkbox" checked={reasons.includes(r.code)} onChange={(e) => setReasons((x) => (e.target.checked ? [...x, r.code] : x.filter((c) => c !== r.code)))} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <div className="rating-actions">
          <button type="button" className="rating-back" onClick={() => { setChosen(null); setReasons([]); }}>
            ← {t('rating.chooseAgain')}
          </button>
          <button type="button" className="rating-send" onClick={() => void submit(chosen)}>
            {t('rating.send')}
          </button>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
      </main>
    );
  }
  return (
    <main className="rating rating-ask" aria-labelledby="rating-question" lang={lang}>
      <p className="rating-ticket">{subject.title}</p>
      <h1 id="rating-question">{ask.question}</h1>
      <div className="rating-scale" role="group" aria-label={t('rating.scale')}>
        {ask.scale.map((s, i) => (
          <button key={s.code} type="button" className={`rating-choice rating-choice-${i}`} onClick={() => choose(s.code)}>
            <FacePictogram face={s.face} />
            <span>{s.label}</span>
          </button>
        ))}
      </div>
      {subject.kind === 'dossier' ? (
        <div className="rating-actions">
          <button type="button" className="rating-back" onClick={() => dismiss(subject)}>
            ← {t('rating.skip')}
          </button>
        </div>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </main>
  );
}
