import { useEffect, useState, type FormEvent } from 'react';
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

const when = (iso: string) => `${hhmm(Date.parse(iso))} ngày ${ddmmyyyy(Date.parse(iso))}`;

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
            Hồ sơ số {found.code} {found.sampleData ? <SampleMark /> : null}
          </p>
          <h1 id="dossier-title" className="kiosk-dossier-headline" aria-live="polite">
            {found.headline}
          </h1>
          {found.detail ? <p className="kiosk-scan-hint">{found.detail}</p> : null}
          <dl className="kiosk-procedure-facts">
            <div>
              <dt>Thủ tục</dt>
              <dd>{found.procedureName}</dd>
            </div>
            <div>
              <dt>Người nộp</dt>
              <dd>{found.applicantMasked}</dd>
            </div>
            <div>
              <dt>Ngày tiếp nhận</dt>
              <dd>{when(found.receivedAt)}</dd>
            </div>
            {found.returnedAt ? (
              <div>
                <dt>Đã trả kết quả lúc</dt>
                <dd>{when(found.returnedAt)}</dd>
              </div>
            ) : found.dueAt ? (
              <div>
                <dt>Hẹn trả kết quả</dt>
                <dd>{when(found.dueAt)}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : (
        <>
          <h1 id="dossier-title" className="kiosk-title">
            Tra cứu hồ sơ
          </h1>
          <p className="kiosk-scan-hint">Đưa mã QR trên giấy tiếp nhận hồ sơ vào máy quét bên dưới màn hình, hoặc nhập hai mã in trên giấy.</p>
          <form className="kiosk-dossier-form" onSubmit={submit}>
            <label>
              Mã hồ sơ
              <input name="code" required defaultValue={keys?.code ?? ''} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            </label>
            <label>
              Mã tra cứu
              <input name="lookupCode" required defaultValue={keys?.lookupCode ?? ''} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            </label>
            <button type="submit" className="kiosk-choice primary">
              Tra cứu
            </button>
          </form>
        </>
      )}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {/* On the form "Tra cứu" is the one strong button; on the answer, leaving is what is left to do. */}
      <button type="button" className={found ? 'kiosk-choice primary' : 'kiosk-choice'} onClick={props.onHome}>
        Xong — về trang đầu
      </button>
    </section>
  );
}
