import { BOOKING_ALPHABET } from '../../../../contract/appointments';
import { sayer, type Lang } from '../../../../contract/locales';

const CODE_LENGTH = 6;
/** The alphabet's digits on one row, its letters on two: only keys a booking code can hold. */
const ROWS = [BOOKING_ALPHABET.replace(/[A-Z]/g, ''), ...chunks(BOOKING_ALPHABET.replace(/\d/g, ''), 8)];

function chunks(s: string, n: number): string[] {
  return Array.from({ length: Math.ceil(s.length / n) }, (_, i) => s.slice(i * n, i * n + n));
}

/**
 * The booking code typed on the screen: six boxes and the keys of the code's alphabet only (no
 * vowels, no 0/O, 1/I), so a citizen cannot type a character no code has.
 */
export function BookingCodeKeys(props: { value: string; onChange: (value: string) => void; onSubmit: () => void; lang: Lang; busy: boolean }) {
  const t = sayer(props.lang);
  const add = (ch: string) => props.value.length < CODE_LENGTH && props.onChange(props.value + ch);
  return (
    <div className="booking-keys">
      <p className="booking-code" role="status" aria-label={`${t('kiosk.bookingCode')}: ${props.value || t('kiosk.bookingCodeEmpty')}`}>
        {Array.from({ length: CODE_LENGTH }, (_, i) => (
          <span key={i} className={`booking-code-box ${i === props.value.length ? 'next' : ''}`} aria-hidden="true">
            {props.value[i] ?? ''}
          </span>
        ))}
      </p>
      <div className="touch-letters" role="group" aria-label={t('kiosk.bookingCodeKeys')}>
        {ROWS.map((row) => (
          <div key={row} className="touch-letters-row">
            {[...row].map((ch) => (
              <button key={ch} type="button" className="touch-key" onClick={() => add(ch)}>
                {ch}
              </button>
            ))}
          </div>
        ))}
        <div className="touch-letters-row">
          <button type="button" className="touch-key wide" onClick={() => props.onChange(props.value.slice(0, -1))}>
            ⌫ {t('kiosk.deleteOne')}
          </button>
          <button type="button" className="touch-key wide" onClick={() => props.onChange('')}>
            {t('kiosk.clearAll')}
          </button>
        </div>
      </div>
      <button type="button" className="kiosk-choice primary" disabled={props.value.length !== CODE_LENGTH || props.busy} onClick={props.onSubmit}>
        {props.busy ? t('kiosk.checkingIn') : t('kiosk.checkIn')}
      </button>
    </div>
  );
}
