import { useState, type FormEvent } from 'react';
import { sayer, type Lang } from '../../../../contract/locales';
import { parseReceiptQr } from '../../../../contract/receipt-qr';

export interface DossierKeys {
  readonly code: string;
  readonly lookupCode: string;
}

/**
 * The two codes printed on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), typed or scanned:
 * a receipt QR read into the first field (a scanner types it) stands for both.
 */
export function DossierKeysForm(props: { lang: Lang; busy: boolean; error: string | null; onSubmit: (keys: DossierKeys) => void; onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [lookupCode, setLookupCode] = useState('');
  const [missing, setMissing] = useState(false);
  const t = sayer(props.lang);

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
    <main className="rating rating-dossier" aria-labelledby="rating-dossier-title" lang={props.lang}>
      <h1 id="rating-dossier-title">{t('rating.keysTitle')}</h1>
      <p>{t('rating.keysHint')}</p>
      <form className="rating-keys" onSubmit={submit} noValidate>
        <label>
          {t('rating.dossierCode')}
          <input value={code} onChange={(e) => setCode(e.target.value)} autoFocus autoComplete="off" spellCheck={false} maxLength={200} />
        </label>
        <label>
          {t('rating.lookupCode')}
          <input value={lookupCode} onChange={(e) => setLookupCode(e.target.value)} autoComplete="off" spellCheck={false} maxLength={16} />
        </label>
        {missing || props.error ? (
          <p className="rating-error" role="alert">
            {missing ? t('rating.keysMissing') : props.error}
          </p>
        ) : null}
        <div className="rating-actions">
          <button type="button" className="rating-back" onClick={props.onCancel}>
            ← {t('rating.back')}
          </button>
          <button type="submit" className="rating-send" disabled={props.busy}>
            {t('rating.continue')}
          </button>
        </div>
      </form>
    </main>
  );
}
