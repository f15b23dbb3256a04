import { useEffect } from 'react';
import type { ReportNow } from '../../../../contract/reports';
import { printerStateLabels } from '../../../../contract/status-texts';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { hhmm } from '../../ui/format';
import { Loading } from '../admin/Loading';
import { AppointmentsNow } from './AppointmentsNow';
import { minutes } from './format';

const counterStates: Record<ReportNow['counters'][number]['state'], string> = { open: 'Đang mở', paused: 'Tạm dừng', closed: 'Đóng' };

/** "Bây giờ": the queue, the counters and the printers as the hub sees them, refreshed on every change and every minute. */
export function NowView() {
  const { client, changes } = useHub();
  const now = useData(() => client['reports.now']({}), ['queue', 'counters', 'printers', 'catalog'], changes);
  // Waits grow while nothing happens: read again every minute too, or "chờ lâu nhất" would stand still.
  const { reload } = now;
  useEffect(() => {
    const timer = setInterval(() => void reload(), 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  if (!now.data) return <Loading error={now.error} />;
  const { services, counters, printers, asOf } = now.data;
  const tally = (state: 'open' | 'paused' | 'closed') => counters.filter((c) => c.state === state).length;
  return (
    <div className="now">
      <p className="muted" role="status">Cập nhật lúc {hhmm(Date.parse(asOf))}, tự làm mới khi có thay đổi và mỗi phút.</p>
      <ul className="figures" aria-label="Tóm tắt">
        <Figure label="Đang chờ" value={String(services.reduce((n, s) => n + s.waiting, 0))} />
        <Figure label="Quầy đang mở" value={String(tally('open'))} />
        <Figure label="Quầy tạm dừng" value={String(tally('paused'))} />
        <Figure label="Quầy đóng" value={String(tally('closed'))} />
        <Figure label="Máy in cần xem" value={String(printers.length)} warn={printers.length > 0} />
      </ul>
      <div className="now-grid">
        <section aria-labelledby="now-queues">
          <h3 id="now-queues">Hàng chờ theo dịch vụ</h3>
          <table className="report-table">
            <thead>
              <tr><th scope="col">Dịch vụ</th><th scope="col" className="num">Đang chờ</th><th scope="col" className="num">Ưu tiên</th><th scope="col" className="num">Chờ lâu nhất</th><th scope="col" className="num">Quầy đang gọi</th></tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.serviceId} className={s.waiting > 0 && s.countersCalling === 0 ? 'row-warn' : undefined}>
                  <th scope="row">{s.prefix} · {s.name}</th>
                  <td className="num">{s.waiting}</td>
                  <td className="num">{s.waitingPriority}</td>
                  <td className="num">{minutes(s.longestWaitMinutes)}</td>
                  <td className="num">{s.waiting > 0 && s.countersCalling === 0 ? 'Không có quầy' : s.countersCalling}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="now-counters">
          <h3 id="now-counters">Quầy</h3>
          <table className="report-table">
            <thead>
              <tr><th scope="col">Quầy</th><th scope="col">Trạng thái</th><th scope="col">Cán bộ</th><th scope="col">Đang phục vụ</th></tr>
            </thead>
            <tbody>
              {counters.map((c) => (
                <tr key={c.counterId}>
                  <th scope="row">{c.label}</th>
                  <td><span className={`state state-${c.state}`}>{counterStates[c.state]}</span></td>
                  <td>{c.staffName ?? '—'}</td>
                  <td>{c.currentDisplayCode ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <AppointmentsNow />
      <section aria-labelledby="now-printers">
        <h3 id="now-printers">Máy in cần xem</h3>
        {printers.length === 0 ? (
          <p>Các máy in đều bình thường.</p>
        ) : (
          <ul className="printer-list">
            {printers.map((p) => (
              <li key={p.printer.id}>
                <strong>{p.printer.name}</strong>: {printerStateLabels[p.state]}
                {p.message ? ` — ${p.message}` : ''}
                {p.held > 0 ? ` · ${p.held} lệnh in đang giữ` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A key figure: the number large, its label under it. */
export function Figure(props: { label: string; value: string; unit?: string; hint?: string; warn?: boolean }) {
  return (
    <li className={`figure${props.warn ? ' figure-warn' : ''}`}>
      <span className="figure-value">
        {props.value}
        {props.unit ? <span className="figure-unit"> {props.unit}</span> : null}
      </span>
      <span className="figure-label">{props.label}</span>
      {props.hint ? <span className="figure-hint">{props.hint}</span> : null}
    </li>
  );
}
