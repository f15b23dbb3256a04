import { useEffect, useState, type FormEvent } from 'react';
import { sayer } from '../../../../contract/locales';
import type { OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { SampleMark } from '../../ui/SampleMark';
import { kioskLookupProblem } from './kiosk-error';
import './self-service.css';

type Lookup = OpOutput<'dossiers.lookup'>;
/** The receipt's two codes, from its QR at the scanner or typed. */
export type ReceiptKeys = { code: string; lookupCode: string };

/** Receipts and their dossiers are Vietnamese: so is this page. */
const t = sayer('vi');
const when = (iso: string) => t('dossier.when', { time: hhmm(Date.parse(iso)), date: ddmmyyyy(Date.parse(iso)) });

/**
 * A dossier checked at the kiosk: the receipt's QR at the scanner (KioskScreen hears it anywhere)
 * or its two codes typed. Shows exactly what the public `dossiers.lookup` answers — status, due
 * time, initials — which the hub throttles against guessing; the kiosk returns to its start by
 * itself, so nothing stays on screen for the next person.
 */
export function KioskDossierCheck(props: { scanned: ReceiptKeys | null; scanProblem: string | null; onHome: () => void }) {
  const { client } = useHub();
  const [keys, setKeys] = useState<ReceiptKeys | null>(props.scanned);
  const [found, setFound] = useState<Lookup | null>(null);
  const [problem, setProblem] = useState<string | null>(props.scanProblem);

  useEffect(() => {
    if (!keys) return;
    let stale = false;
    setProblem(null);
    client['dossiers.lookup'](keys)
      .then((f) => !stale && setFound(f))
      .catch((e: unknown) => {
        if (stale) return;
        setFound(null);
        setProblem(kioskLookupProblem(e));
      });
    return () => {
      stale = true;
    };
  }, [client, keys]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setKeys({ code: String(form.get('code') ?? '').trim().toUpperCase(), lookupCode: String(form.get('lookupCode') ?? '').trim().toUpperCase() });
  };

  return (
    <section className="kiosk-self" aria-labelledby="dossier-title" lang="vi">
      {found ? (
        <>
          <p className="kiosk-procedure-field">
            {t('dossier.number', { code: found.code })} {found.sampleData ? <SampleMark /> : null}
          </p>
          <h1 id="dossier-title" className="kiosk-dossier-headline" aria-live="polite">
            {found.headline}
          </h1>
          {found.detail ? <p className="kiosk-scan-hint">{found.detail}</p> : null}
          <dl className="kiosk-procedure-facts">
            <div>
              <dt>{t('dossier.procedure')}</dt>
              <dd>{found.procedureName}</dd>
            </div>
            <div>
              <dt>{t('dossier.applicant')}</dt>
              <dd>{found.applicantMasked}</dd>
            </div>
            <div>
              <dt>{t('dossier.received')}</dt>
              <dd>{when(found.receivedAt)}</dd>
            </div>
            {found.returnedAt ? (
              <div>
                <dt>{t('dossier.returned')}</dt>
                <dd>{when(found.returnedAt)}</dd>
              </div>
            ) : found.dueAt ? (
              <div>
                <dt>{t('dossier.due')}</dt>
                <dd>{when(found.dueAt)}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : (
        <>
          <h1 id="dossier-title" className="kiosk-title">
            {t('dossier.title')}
          </h1>
          <p className="kiosk-scan-hint">{t('dossier.scanOrType')}</p>
          <form className="kiosk-dossier-form" onSubmit={submit}>
            <label>
              {t('dossier.code')}
              <input name="code" required defaultValue={keys?.code ?? ''} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            </label>
            <label>
              {t('dossier.lookupCode')}
              <input name="lookupCode" required defaultValue={keys?.lookupCode ?? ''} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            </label>
            <button type="submit" className="kiosk-choice primary">
              {t('dossier.lookUp')}
            </button>
          </form>
        </>
      )}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {/* On the form "Tra cứu" is the one strong button; on the answer, leaving is what is left to do. */}
      <button type="button" className={found ? 'kiosk-choice primary' : 'kiosk-choice'} onClick={props.onHome}>
        {t('dossier.done')}
      </button>
    </section>
  );
}
