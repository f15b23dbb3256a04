import { useEffect, useState } from 'react';
import type { KioskProcedure } from '../../../../contract/kiosk-procedure';
import { sayer } from '../../../../contract/locales';
import { useHub } from '../../hub/session';
import { usePrintOutcome, type PrintOutcome } from '../../hub/use-print-outcome';
import { Notice } from '../../ui/Notice';
import { SampleMark } from '../../ui/SampleMark';
import { kioskLookupProblem } from './kiosk-error';

/** The catalogue is in Vietnamese, and so is the page that shows a procedure of it. */
const t = sayer('vi');

/** What the kiosk says of the checklist's print job; null before the citizen asks for it. */
function printNote(asked: boolean, hasPrinter: boolean, outcome: PrintOutcome): string | null {
  if (!asked) return null;
  if (!hasPrinter) return t('procedures.noPrinter');
  if (outcome.state === 'printed') return t('procedures.printed');
  if (outcome.state === 'failed') return t('procedures.printFailed');
  return t('procedures.printing');
}

/** One procedure as the hub words it: the papers to bring, fees, time, result, where to submit. */
export function KioskProcedureDetail(props: { code: string; onBack: () => void; onHome: () => void }) {
  const { client } = useHub();
  const [p, setP] = useState<KioskProcedure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** null: not asked yet; then the hub's answer (a job, or no printer for this kiosk). */
  const [printed, setPrinted] = useState<{ jobId: string | null } | null>(null);
  const outcome = usePrintOutcome(client, printed?.jobId ?? null);
  const note = printNote(printed !== null, printed?.jobId !== null, outcome);

  const print = () => {
    client['kiosk.printProcedure']({ code: props.code })
      .then((r) => setPrinted({ jobId: r.print?.jobId ?? null }))
      .catch((e: unknown) => setProblem(kioskLookupProblem(e)));
  };

  useEffect(() => {
    let stale = false;
    client['kiosk.procedure']({ code: props.code })
      .then((found) => !stale && setP(found))
      .catch((e: unknown) => !stale && setProblem(kioskLookupProblem(e)));
    return () => {
      stale = true;
    };
  }, [client, props.code]);

  return (
    <section className="kiosk-self kiosk-procedure" aria-labelledby="procedure-title" lang="vi">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {p ? (
        <>
          <p className="kiosk-procedure-field">
            {t('procedures.field', { field: p.field })} {p.sampleData ? <SampleMark /> : null}
          </p>
          <h1 id="procedure-title" className="kiosk-procedure-name">
            {p.name}
          </h1>
          <h2>{t('procedures.papers')}</h2>
          <ol className="kiosk-papers">
            {p.papers.map((d) => (
              <li key={d.name}>
                <span className="paper-name">{d.name}</span>
                <span className="paper-count">{d.howMany}</span>
              </li>
            ))}
          </ol>
          <dl className="kiosk-procedure-facts">
            <div>
              <dt>{t('procedures.fees')}</dt>
              {p.fees.map((f) => (
                <dd key={f}>{f}</dd>
              ))}
            </div>
            <div>
              <dt>{t('procedures.processing')}</dt>
              <dd>{p.processing}</dd>
            </div>
            <div>
              <dt>{t('procedures.result')}</dt>
              <dd>{p.result}</dd>
            </div>
            <div>
              <dt>{t('procedures.submitAt')}</dt>
              <dd>{p.submitAt}</dd>
            </div>
          </dl>
        </>
      ) : problem ? null : (
        <p id="procedure-title" className="kiosk-title" role="status">
          {t('procedures.loading')}
        </p>
      )}
      <div className="kiosk-self-actions">
        {p ? (
          <button type="button" className="kiosk-choice primary" onClick={print} disabled={outcome.state === 'printing'}>
            {t('procedures.print')}
          </button>
        ) : null}
        {note ? (
          <p className={`kiosk-print-note print-${outcome.state}`} role="status">
            {note}
          </p>
        ) : null}
        <button type="button" className="kiosk-back" onClick={props.onBack}>
          ← {t('procedures.back')}
        </button>
        <button type="button" className="kiosk-back" onClick={props.onHome}>
          {t('procedures.home')}
        </button>
      </div>
    </section>
  );
}
