import { useEffect, useState } from 'react';
import { sayer } from '../../../../contract/locales';
import type { OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { Notice } from '../../ui/Notice';
import { kioskLookupProblem } from './kiosk-error';
import { KioskProcedureDetail } from './KioskProcedureDetail';
import { TouchLetters } from './TouchLetters';
import './self-service.css';

type List = OpOutput<'kiosk.procedures'>;

/** The catalogue is in Vietnamese, and so are the pages that show it. */
const t = sayer('vi');

/**
 * The kiosk's procedure look-up: words without tone marks, or a field to browse, then one
 * procedure's papers. The hub searches and words everything; this only lays it out.
 */
export function KioskProcedures(props: { onHome: () => void }) {
  const { client } = useHub();
  const [q, setQ] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [list, setList] = useState<List | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    client['kiosk.procedures']({ q, field })
      .then((l) => {
        if (stale) return;
        setList(l);
        setProblem(null);
      })
      .catch((e: unknown) => {
        if (!stale) setProblem(kioskLookupProblem(e));
      });
    return () => {
      stale = true;
    };
  }, [client, q, field]);

  if (open !== null) return <KioskProcedureDetail code={open} onBack={() => setOpen(null)} onHome={props.onHome} />;

  const browsing = q.trim() === '' && field === null;
  return (
    <section className="kiosk-self" aria-labelledby="procedures-title" lang="vi">
      <h1 id="procedures-title" className="kiosk-title">
        {t('procedures.title')}
      </h1>
      <label className="kiosk-search">
        <span>{t('procedures.searchHint')}</span>
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('procedures.example')} autoComplete="off" spellCheck={false} />
      </label>
      <TouchLetters value={q} onChange={setQ} />
      <div className="kiosk-fields" role="group" aria-label={t('procedures.fields')}>
        {list?.fields.map((f) => (
          <button key={f} type="button" className="kiosk-field" aria-pressed={field === f} onClick={() => setField(field === f ? null : f)}>
            {f}
          </button>
        ))}
      </div>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {list && !browsing ? (
        list.procedures.length === 0 ? (
          <p className="kiosk-subtitle" role="status">
            {t('procedures.none')}
          </p>
        ) : (
          <ul className="kiosk-results" aria-label={t('procedures.found')}>
            {list.procedures.map((p) => (
              <li key={p.code}>
                <button type="button" className="kiosk-result" onClick={() => setOpen(p.code)}>
                  <span className="kiosk-result-name">{p.name}</span>
                  <span className="kiosk-result-field">{p.field}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <button type="button" className="kiosk-back" onClick={props.onHome}>
        ← {t('procedures.home')}
      </button>
    </section>
  );
}
