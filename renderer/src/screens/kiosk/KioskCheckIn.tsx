import { useEffect, useRef, useState } from 'react';
import type { CheckInInput } from '../../../../contract/appointments';
import type { OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { sayer, type Lang } from '../../../../contract/locales';
import { Notice } from '../../ui/Notice';
import { BookingCodeKeys } from './BookingCodeKeys';
import { checkInProblem } from './kiosk-error';
import './self-service.css';

export type CheckedIn = OpOutput<'appointments.checkIn'>;

/**
 * "Có lịch hẹn": the booking's QR or the citizen's CCCD at the scanner (KioskScreen hears the scan
 * on any page and remounts this with it), or the code typed on the screen's own keys. The hub
 * decides everything — which booking, whether it is too early or missed — and words the refusal;
 * this page shows its words and the way on: take a normal number, or type the code again.
 */
export function KioskCheckIn(props: { scanned: CheckInInput | null; lang: Lang; onCheckedIn: (result: CheckedIn) => void; onNormal: () => void; onHome: () => void }) {
  const { client } = useHub();
  const t = sayer(props.lang);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const onCheckedIn = useRef(props.onCheckedIn);
  onCheckedIn.current = props.onCheckedIn;

  const checkIn = async (input: CheckInInput) => {
    setBusy(true);
    setProblem(null);
    try {
      onCheckedIn.current(await client['appointments.checkIn']({ ...input, language: props.lang }));
    } catch (e) {
      setProblem(checkInProblem(e, t('kiosk.checkInTrouble')));
      setBusy(false);
    }
  };

  // A scan arrives with the page: check it in at once.
  const scanned = props.scanned;
  useEffect(() => {
    if (scanned) void checkIn(scanned);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per scan: the page is remounted for the next one
  }, [scanned]);
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: 'center' });
  }, [problem]);

  return (
    <section className="kiosk-self kiosk-check-in" aria-labelledby="check-in-title">
      <h1 id="check-in-title" className="kiosk-title">
        {t('kiosk.appointment')}
      </h1>
      <p className="kiosk-scan-hint">{t('kiosk.checkInScanHint')}</p>
      {problem ? (
        <div ref={problemRef} className="check-in-problem" aria-live="assertive">
          <Notice kind="error">{problem}</Notice>
          <button type="button" className="kiosk-choice primary" onClick={props.onNormal}>
            {t('kiosk.takeNormalNumber')}
          </button>
        </div>
      ) : busy ? (
        <p className="kiosk-title" role="status">
          {t('kiosk.checkingIn')}
        </p>
      ) : null}
      <h2>{t('kiosk.orTypeCode')}</h2>
      <BookingCodeKeys value={code} onChange={setCode} onSubmit={() => void checkIn({ by: 'code', text: code })} lang={props.lang} busy={busy} />
      <button type="button" className="kiosk-back" onClick={props.onHome}>
        ← {t('kiosk.back')}
      </button>
    </section>
  );
}
