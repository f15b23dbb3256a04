import { useEffect, useState, type FormEvent } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import { parseReceiptQr } from '../../../../contract/receipt-qr';
import { anonymousClient } from '../../hub/session';
import { Button } from '../../ui/Button';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { SampleMark } from '../../ui/SampleMark';
import './citizen.css';

type Lookup = OpOutput<'dossiers.lookup'>;

const when = (iso: string) => `${hhmm(Date.parse(iso))} ngày ${ddmmyyyy(Date.parse(iso))}`;

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
        setProblem(e instanceof HubError ? e.message : 'Tạm thời không tra cứu được. Mời Ông/Bà thử lại sau ít phút.');
      });
  }, [keys]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setKeys({ code: String(form.get('code') ?? '').trim().toUpperCase(), lookupCode: String(form.get('lookupCode') ?? '').trim().toUpperCase() });
  };

  return (
    <main className="citizen-page dossier-status-page">
      {found ? (
        <>
          <p className="citizen-site">
            {found.siteName} {found.sampleData ? <SampleMark /> : null}
          </p>
          <p className="citizen-label">Hồ sơ số {found.code}</p>
          <section className="citizen-state" aria-live="polite">
            <h1>{found.headline}</h1>
            {found.detail ? <p>{found.detail}</p> : null}
          </section>
          <dl className="citizen-facts">
            <div><dt>Thủ tục</dt><dd>{found.procedureName}</dd></div>
            <div><dt>Người nộp</dt><dd>{found.applicantMasked}</dd></div>
            <div><dt>Ngày tiếp nhận</dt><dd>{when(found.receivedAt)}</dd></div>
            {found.returnedAt ? <div><dt>Đã trả kết quả lúc</dt><dd>{when(found.returnedAt)}</dd></div> : found.dueAt ? <div><dt>Hẹn trả kết quả</dt><dd>{when(found.dueAt)}</dd></div> : null}
          </dl>
        </>
      ) : (
        <form className="citizen-form" onSubmit={submit}>
          <h1>Tra cứu hồ sơ</h1>
          <p className="citizen-label">Nhập hai mã in trên giấy tiếp nhận hồ sơ.</p>
          <label>
            Mã hồ sơ
            <input name="code" required defaultValue={keys?.code ?? ''} autoComplete="off" autoCapitalize="characters" />
          </label>
          <label>
            Mã tra cứu
            <input name="lookupCode" required defaultValue={keys?.lookupCode ?? ''} autoComplete="off" autoCapitalize="characters" />
          </label>
          <Button type="submit" variant="primary">Tra cứu</Button>
        </form>
      )}
      {problem ? <p className="citizen-problem final" role="alert">{problem}</p> : null}
    </main>
  );
}
