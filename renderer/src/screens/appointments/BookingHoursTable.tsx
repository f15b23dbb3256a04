import type { BookingHour } from '../../../../contract/appointments';
import './appointments.css';

/**
 * Today's bookings per service and hour, as the hub counted them (`appointments.today`): the
 * counter's compact panel and the supervisor's table. `withCancelled` adds the cancellations
 * (the supervisor's view; the counter has no room and no use for them).
 */
export function BookingHoursTable(props: { hours: readonly BookingHour[]; caption: string; withCancelled?: boolean }) {
  if (props.hours.length === 0) {
    return (
      <p className="booking-hours-empty" role="status">
        {props.caption}: không có lịch hẹn nào.
      </p>
    );
  }
  return (
    <table className="booking-hours report-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Dịch vụ</th>
          <th scope="col">Giờ</th>
          {/* The hub's `booked`: still expected (booked, not arrived, the late window not past). */}
          <th scope="col" className="num">Chưa đến</th>
          <th scope="col" className="num">Đã đến</th>
          <th scope="col" className="num">Vắng</th>
          {props.withCancelled ? <th scope="col" className="num">Đã hủy</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.hours.map((h, i) => {
          // The service's name once, on its first hour: the rows read as one block per service.
          const first = i === 0 || props.hours[i - 1]!.serviceId !== h.serviceId;
          return (
            <tr key={`${h.serviceId} ${h.hour}`} className={first ? 'service-first' : undefined}>
              <th scope="row">
                <span className={first ? undefined : 'visually-hidden'}>{h.serviceName}</span>
              </th>
              <td>{h.hour}</td>
              <td className="num">{h.booked}</td>
              <td className="num">{h.checkedIn}</td>
              <td className={`num${h.noShows > 0 ? ' booking-no-shows' : ''}`}>{h.noShows}</td>
              {props.withCancelled ? <td className="num">{h.cancelled}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
