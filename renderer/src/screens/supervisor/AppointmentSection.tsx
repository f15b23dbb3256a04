import type { AppointmentReport } from '../../../../contract/reports';
import { num } from './format';
import { Figure } from './NowView';

/**
 * Lịch hẹn: the period's bookings per service as the hub counted them — booked, cancelled,
 * arrived (early, on time, late against the slot), no-shows, still to come.
 */
export function AppointmentSection(props: { report: AppointmentReport }) {
  const r = props.report;
  const t = r.total;
  return (
    <section className="report-section" aria-labelledby="report-appointments">
      <h3 id="report-appointments">Lịch hẹn</h3>
      <ul className="figures" aria-label="Số liệu lịch hẹn">
        <Figure label="Đã đặt" value={num(t.booked)} hint={`${num(t.cancelled)} đã hủy`} />
        <Figure label="Đã đến" value={num(t.checkedIn)} hint={`${num(t.upcoming)} lịch chưa đến giờ`} />
        <Figure label="Đúng giờ" value={num(t.onTime)} hint={`${num(t.early)} đến sớm · ${num(t.late)} đến muộn`} />
        <Figure label="Không đến" value={num(t.noShows)} warn={t.noShows > 0} />
      </ul>
      <table className="report-table">
        <caption className="muted">Đúng giờ: nhận lịch hẹn từ giờ hẹn đến {r.lateMinutes} phút sau; đến sớm: trước giờ hẹn.</caption>
        <thead>
          <tr>
            <th scope="col">Dịch vụ</th>
            <th scope="col" className="num">Đã đặt</th>
            <th scope="col" className="num">Đã hủy</th>
            <th scope="col" className="num">Đã đến</th>
            <th scope="col" className="num">Đến sớm</th>
            <th scope="col" className="num">Đúng giờ</th>
            <th scope="col" className="num">Đến muộn</th>
            <th scope="col" className="num">Không đến</th>
            <th scope="col" className="num">Chưa đến giờ</th>
          </tr>
        </thead>
        <tbody>
          {r.services.length === 0 ? (
            <tr>
              <td colSpan={9} className="muted">Không có lịch hẹn trong kỳ.</td>
            </tr>
          ) : (
            [...r.services, { serviceId: 'total', name: 'Tổng cộng', ...t }].map((s) => (
              <tr key={s.serviceId} className={s.serviceId === 'total' ? 'row-total' : undefined}>
                <th scope="row">{s.name}</th>
                <td className="num">{num(s.booked)}</td>
                <td className="num">{num(s.cancelled)}</td>
                <td className="num">{num(s.checkedIn)}</td>
                <td className="num">{num(s.early)}</td>
                <td className="num">{num(s.onTime)}</td>
                <td className="num">{num(s.late)}</td>
                <td className="num">{num(s.noShows)}</td>
                <td className="num">{num(s.upcoming)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
