import { Loading } from '../admin/Loading';
import { BookingHoursTable } from '../appointments/BookingHoursTable';
import { useAppointmentsToday } from '../appointments/use-appointments-today';

/** "Lịch hẹn hôm nay" on the supervisor's live view: the counter's table, with the cancellations. */
export function AppointmentsNow() {
  const today = useAppointmentsToday();
  return (
    <section aria-labelledby="now-appointments">
      <h3 id="now-appointments">Lịch hẹn hôm nay</h3>
      {today.data ? <BookingHoursTable hours={today.data.hours} caption="Theo dịch vụ và giờ" withCancelled /> : <Loading error={today.error} />}
    </section>
  );
}
