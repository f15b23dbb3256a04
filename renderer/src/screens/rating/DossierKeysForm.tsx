import { useState, type FormEvent } from 'react';
import { parseReceiptQr } from '../../../../contract/receipt-qr';

export interface DossierKeys {
  readonly code: string;
  readonly lookupCode: string;
}

/**
 * The two codes printed on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), typed or scanned:
 * a receipt QR read into the first field (a scanner types it) stands for both.
 */
export function DossierKeysForm(props: { busy: boolean; error: string | null; onSubmit: (keys: DossierKeys) => void; onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [lookupCode, setLookupCode] = useState('');
  const [missing, setMissing] = useState(false);

  // A scanner types the QR and then Enter: the whole text is read at submit, never a part of it
  // (a half-typed QR already looks like two codes, and a wrong guess counts against the tablet).
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const qr = parseReceiptQr(code);
    if (qr.ok) {
      setCode(qr.value.dossierCode);
      setLookupCode(qr.value.lookupCode);
      setMissing(false);
      props.onSubmit({ code: qr.value.dossierCode, lookupCode: qr.value.lookupCode });
      return;
    }
    const keys = { code: code.trim(), lookupCode: lookupCode.trim() };
    const complete = keys.code !== '' && keys.lookupCode.length >= 4;
    setMissing(!complete);
    if (complete) props.onSubmit(keys);
  };

  return (
    <main className="rating rating-dossier" aria-labelledby="rating-dossier-title">
      <h1 id="rating-dossier-title">Đánh giá việc giải quyết hồ sơ</h1>
      <p>Nhập hai mã in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc quét mã QR trên giấy).</p>
      <form className="rating-keys" onSubmit={submit} noValidate>
        <label>
          Mã hồ sơ
          <input value={code} onChange={(e) => setCode(e.target.value)} autoFocus autoComplete="off" spellCheck={false} maxLength={200} />
        </label>
        <label>
          Mã tra cứu
          <input value={lookupCode} onChange={(e) => setLookupCode(e.target.value)} autoComplete="off" spellCheck={false} maxLength={16} />
        </label>
        {missing || props.error ? (
          <p className="rating-error" role="alert">
            {missing ? 'Xin nhập đủ mã hồ sơ và mã tra cứu (6 ký tự) in trên giấy hẹn.' : props.error}
          </p>
        ) : null}
        <div className="rating-actions">
          <button type="button" className="rating-back" onClick={props.onCancel}>
            ← Quay lại
          </button>
          <button type="submit" className="rating-send" disabled={props.busy}>
            Tiếp tục
          </button>
        </div>
      </form>
    </main>
  );
}
