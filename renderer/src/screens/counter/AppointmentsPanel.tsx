import { useLayoutEffect, useState } from 'react';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { BookingHoursTable } from '../appointments/BookingHoursTable';
import type { AppointmentsToday } from '../appointments/use-appointments-today';
import { hubToday } from '../supervisor/periods';
import { BookingLookupDialog } from './BookingLookupDialog';
import { PhoneBookingDialog } from './PhoneBookingDialog';

const BOOK_KEY = 'Shift+F4';
const FIND_KEY = 'Shift+F5';

/**
 * "Lịch hẹn hôm nay" on the counter: today's bookings per service and hour (booked, arrived,
 * no-show) and the two phone tasks — a new booking, and find / cancel / move one — each with its
 * Shift+F-key, heard wherever the focus is (the desk's own keys are F1–F10 and Shift+F1/F2/F3/F6/F10).
 */
export function AppointmentsPanel(props: { today: AppointmentsToday | null; error: string | null }) {
  const { clockOffset } = useHub();
  const [dialog, setDialog] = useState<'book' | 'find' | null>(null);
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
      const which = `Shift+${e.key}` === BOOK_KEY ? 'book' : `Shift+${e.key}` === FIND_KEY ? 'find' : null;
      if (!which) return;
      e.preventDefault();
      setDialog(which);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The hub's date, not the PC's: a counter PC's clock may be off by days.
  const today = hubToday(clockOffset);
  return (
    <section className="appointments-panel" aria-label="Lịch hẹn hôm nay">
      <div className="appointments-panel-head">
        <h2>Lịch hẹn hôm nay</h2>
        <Button shortcut={BOOK_KEY} onClick={() => setDialog('book')}>
          Đặt lịch hẹn
        </Button>
        <Button shortcut={FIND_KEY} onClick={() => setDialog('find')}>
          Tìm / hủy / đổi
        </Button>
      </div>
      {props.today ? <BookingHoursTable hours={props.today.hours} caption="Theo dịch vụ và giờ" /> : props.error ? <p className="muted">{props.error}</p> : <p role="status">Đang tải…</p>}
      {dialog === 'book' ? <PhoneBookingDialog today={today} onClose={() => setDialog(null)} /> : null}
      {dialog === 'find' ? <BookingLookupDialog today={today} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
