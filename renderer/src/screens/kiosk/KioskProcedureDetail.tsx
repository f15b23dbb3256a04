import { useEffect, useState } from 'react';
import type { KioskProcedure } from '../../../../contract/kiosk-procedure';
import { useHub } from '../../hub/session';
import { usePrintOutcome, type PrintOutcome } from '../../hub/use-print-outcome';
import { Notice } from '../../ui/Notice';
import { SampleMark } from '../../ui/SampleMark';
import { kioskLookupProblem } from './kiosk-error';

/** What the kiosk says of the checklist's print job; null before the citizen asks for it. */
function printNote(asked: boolean, hasPrinter: boolean, outcome: PrintOutcome): string | null {
  if (!asked) return null;
  if (!hasPrinter) return 'Máy này chưa có máy in. Mời Ông/Bà ghi lại danh mục, hoặc hỏi bàn hướng dẫn.';
  if (outcome.state === 'printed') return 'Mời Ông/Bà nhận tờ danh mục in bên dưới.';
  if (outcome.state === 'failed') return 'Máy in tạm thời không in được. Mời Ông/Bà ghi lại danh mục, hoặc hỏi bàn hướng dẫn.';
  return 'Đang in danh mục…';
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
            Lĩnh vực: {p.field} {p.sampleData ? <SampleMark /> : null}
          </p>
          <h1 id="procedure-title" className="kiosk-procedure-name">
            {p.name}
          </h1>
          <h2>Giấy tờ cần mang theo</h2>
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
              <dt>Lệ phí</dt>
              {p.fees.map((f) => (
                <dd key={f}>{f}</dd>
              ))}
            </div>
            <div>
              <dt>Thời gian giải quyết</dt>
              <dd>{p.processing}</dd>
            </div>
            <div>
              <dt>Kết quả nhận được</dt>
              <dd>{p.result}</dd>
            </div>
            <div>
              <dt>Nơi nộp hồ sơ</dt>
              <dd>{p.submitAt}</dd>
            </div>
          </dl>
        </>
      ) : problem ? null : (
        <p id="procedure-title" className="kiosk-title" role="status">
          Đang tải…
        </p>
      )}
      <div className="kiosk-self-actions">
        {p ? (
          <button type="button" className="kiosk-choice primary" onClick={print} disabled={outcome.state === 'printing'}>
            In danh mục giấy tờ
          </button>
        ) : null}
        {note ? (
          <p className={`kiosk-print-note print-${outcome.state}`} role="status">
            {note}
          </p>
        ) : null}
        <button type="button" className="kiosk-back" onClick={props.onBack}>
          ← Quay lại
        </button>
        <button type="button" className="kiosk-back" onClick={props.onHome}>
          Về trang đầu
        </button>
      </div>
    </section>
  );
}
