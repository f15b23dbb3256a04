import type { QueueReport } from '../../../../contract/reports';
import { Bars, barsHeight } from './charts/Bars';
import { Chart } from './charts/Chart';
import { Heatmap, heatmapHeight, heatmapHours, weekdayRows } from './charts/Heatmap';
import { minutes, num, pct } from './format';
import { Figure } from './NowView';

/** Hàng chờ: the queue report's figures, its counters and the arrivals heat map. */
export function QueueSection(props: { report: QueueReport }) {
  const r = props.report;
  const throughput = r.counters.map((c) => ({ name: c.label, value: c.servedPerHour ?? 0, text: num(c.servedPerHour) }));
  const hours = heatmapHours(r.arrivals);
  const busiest = r.counters.reduce<QueueReport['counters'][number] | null>((b, c) => (b === null || (c.servedPerHour ?? 0) > (b.servedPerHour ?? 0) ? c : b), null);
  return (
    <section className="report-section" aria-labelledby="report-queue">
      <h3 id="report-queue">Hàng chờ</h3>
      <ul className="figures" aria-label="Số liệu hàng chờ">
        <Figure label="Lượt lấy số" value={num(r.counts.issued)} />
        <Figure label="Đã phục vụ" value={num(r.counts.served)} />
        <Figure label="Vắng mặt" value={num(r.counts.noShow)} />
        <Figure label="Đã hủy" value={num(r.counts.cancelled)} />
        <Figure label="Chuyển quầy, dịch vụ" value={num(r.counts.transferred)} />
        <Figure label="Chờ trung bình" value={num(r.wait.meanMinutes)} unit="phút" hint={`trung vị ${minutes(r.wait.p50Minutes)} · 90% không quá ${minutes(r.wait.p90Minutes)}`} />
        <Figure label="Phục vụ trung bình" value={num(r.service.meanMinutes)} unit="phút" hint={`trung vị ${minutes(r.service.p50Minutes)} · 90% không quá ${minutes(r.service.p90Minutes)}`} />
        <Figure label={`Phục vụ trong ${r.targetWaitMinutes} phút chờ`} value={pct(r.servedWithinTarget.share)} hint={`${num(r.servedWithinTarget.count)} lượt`} />
      </ul>
      <div className="chart-row">
        <Chart
          title="Lượt lấy số theo thứ và giờ"
          summary={`Bản đồ nhiệt lượt lấy số theo thứ trong tuần và giờ trong ngày, tổng ${r.counts.issued} lượt. Số liệu chi tiết ở bảng “Xem số liệu”.`}
          height={heatmapHeight}
          table={
            <table className="report-table compact">
              <thead><tr><th scope="col">Thứ</th>{hours.map((h) => <th key={h} scope="col" className="num">{h}h</th>)}</tr></thead>
              <tbody>
                {weekdayRows.map((w) => (
                  <tr key={w.day}><th scope="row">{w.label}</th>{hours.map((h) => <td key={h} className="num">{r.arrivals[w.day]![h]}</td>)}</tr>
                ))}
              </tbody>
            </table>
          }
        >
          {(width) => <Heatmap arrivals={r.arrivals} width={width} />}
        </Chart>
        <Chart
          title="Lượt phục vụ mỗi giờ mở quầy"
          summary={busiest ? `Biểu đồ cột: số lượt phục vụ mỗi giờ mở quầy của ${r.counters.length} quầy; cao nhất ${busiest.label} với ${num(busiest.servedPerHour)} lượt mỗi giờ.` : 'Không có quầy nào trong kỳ.'}
          height={barsHeight(throughput.length)}
          table={<CounterTable counters={r.counters} />}
        >
          {(width) => <Bars bars={throughput} width={width} labelWidth={110} />}
        </Chart>
      </div>
      <h4>Theo quầy</h4>
      <CounterTable counters={r.counters} />
      {r.unstaffedWaiting ? (
        <>
          <h4>Có người chờ mà không quầy nào mở cho dịch vụ</h4>
          <table className="report-table">
            <thead><tr><th scope="col">Dịch vụ</th><th scope="col" className="num">Thời gian</th></tr></thead>
            <tbody>
              {r.unstaffedWaiting.map((u) => (
                <tr key={u.serviceId} className={u.minutes > 0 ? 'row-warn' : undefined}><th scope="row">{u.name}</th><td className="num">{minutes(u.minutes)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function CounterTable(props: { counters: QueueReport['counters'] }) {
  return (
    <table className="report-table">
      <thead>
        <tr><th scope="col">Quầy</th><th scope="col" className="num">Đã phục vụ</th><th scope="col" className="num">Giờ mở quầy</th><th scope="col" className="num">Lượt mỗi giờ</th><th scope="col" className="num">Thời gian phục vụ / giờ mở</th></tr>
      </thead>
      <tbody>
        {props.counters.map((c) => (
          <tr key={c.counterId}>
            <th scope="row">{c.label}</th>
            <td className="num">{num(c.served)}</td>
            <td className="num">{num(c.openHours)}</td>
            <td className="num">{num(c.servedPerHour)}</td>
            <td className="num">{pct(c.utilisation)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
