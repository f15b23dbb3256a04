import { useEffect, useState, type FormEvent } from 'react';
import { HubError } from '../../../../contract/errors';
import { sayer } from '../../../../contract/locales';
import type { OpOutput } from '../../../../contract/ops';
import { parseReceiptQr } from '../../../../contract/receipt-qr';
import { anonymousClient } from '../../hub/session';
import { Button } from '../../ui/Button';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { SampleMark } from '../../ui/SampleMark';
import './citizen.css';

type Lookup = OpOutput<'dossiers.lookup'>;

/** Receipts and their dossiers are Vietnamese: so is this page. */
const t = sayer('vi');
const when = (iso: string) => t('dossier.when', { time: hhmm(Date.parse(iso)), date: ddmmyyyy(Date.parse(iso)) });

/**
 * The page behind a receipt's QR (`/tra-cuu?hs=<code>&ma=<lookup code>`), or typed from the
 * receipt: where the dossier stands and when it is due. Only the applicant's initials are shown;
 * the lookup code is the secret, and guesses are throttled by the hub (TOO_MANY_ATTEMPTS).
 */
export function DossierStatusPage() {
  const scanned = parseReceiptQr(location.href);
  const [keys, setKeys] = useState(scanned.ok ? { code: scanned.value.dossierCode, lookupCode: scanned.value.lookupCode } : null);
  const [found, setFound] = useState<Lookup | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!keys) return;
    setProblem(null);
    anonymousClient()
      ['dossiers.lookup'](keys)
      .then(setFound)
      .catch((e: unknown) => {
        if (!(e instanceof HubError)) console.error('dossier lookup failed', e);
        setFound(null);
        setProblem(e instanceof HubError ? e.message : t('dossier.retry'));
      });
  }, [keys]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setKeys({ code: String(form.get('code') ?? '').trim().toUpperCase(), lookupCode: String(form.get('lookupCode') ?? '').trim().toUpperCase() });
  };

  return (
    <main className="citizen-page dossier-status-page" lang="vi">
      {found ? (
        <>
          <p className="citizen-site">
            {found.siteName} {found.sampleData ? <SampleMark /> : null}
          </p>
          <p className="citizen-label">{t('dossier.number', { code: found.code })}</p>
          <section className="citizen-state" aria-live="polite">
            <h1>{found.headline}</h1>
            {found.detail ? <p>{found.detail}</p> : null}
          </section>
          <dl className="citizen-facts">
            <div><dt>{t('dossier.procedure')}</dt><dd>{found.procedureName}</dd></div>
            <div><dt>{t('dossier.applicant')}</dt><dd>{found.applicantMasked}</dd></div>
            <div><dt>{t('dossier.received')}</dt><dd>{when(found.receivedAt)}</dd></div>
            {found.returnedAt ? <div><dt>{t('dossier.returned')}</dt><dd>{when(found.returnedAt)}</dd></div> : found.dueAt ? <div><dt>{t('dossier.due')}</dt><dd>{when(found.dueAt)}</dd></div> : null}
          </dl>
        </>
      ) : (
        <form className="citizen-form" onSubmit={submit}>
          <h1>{t('dossier.title')}</h1>
          <p className="citizen-label">{t('dossier.typeCodes')}</p>
          <label>
            {t('dossier.code')}
            <input name="code" required defaultValue={keys?.code ?? ''} autoComplete="off" autoCapitalize="characters" />
          </label>
          <label>
            {t('dossier.lookupCode')}
            <input name="lookupCode" required defaultValue={keys?.lookupCode ?? ''} autoComplete="off" autoCapitalize="characters" />
          </label>
          <Button type="submit" variant="primary">{t('dossier.lookUp')}</Button>
        </form>
      )}
      {problem ? <p className="citizen-problem final" role="alert">{problem}</p> : null}
    </main>
  );
}
