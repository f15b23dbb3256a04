import type { RatingSummary, SatisfactionReport } from '../../../../contract/reports';
import { Bars, barsHeight } from './charts/Bars';
import { Chart } from './charts/Chart';
import { levelColours } from './charts/colours';
import { num, pct } from './format';
import { Figure } from './NowView';

/** Hài lòng: ratings by level, the share satisfied, per counter and officer, and the reasons given. */
export function SatisfactionSection(props: { report: SatisfactionReport }) {
  const r = props.report;
  const levels = r.all.levels;
  const colours = levelColours(levels.map((l) => l.code), r.satisfiedLevels);
  const bars = levels.map((l, i) => ({ name: l.label, value: l.count, text: num(l.count), color: colours[i]! }));
  const reasons = r.all.reasons.filter((x) => x.count > 0);
  return (
    <section className="report-section" aria-labelledby="report-satisfaction">
      <h3 id="report-satisfaction">Mức độ hài lòng</h3>
      <ul className="figures" aria-label="Số liệu đánh giá">
        <Figure label="Lượt đánh giá" value={num(r.all.total)} hint={`${num(r.bySubject.tickets.total)} lượt phục vụ · ${num(r.bySubject.dossiers.total)} hồ sơ`} />
        <Figure label="Hài lòng" value={pct(r.all.satisfiedShare)} hint={`${num(r.all.satisfied)} lượt`} />
        <Figure label="Chưa hài lòng" value={num(r.all.total - r.all.satisfied)} warn={r.all.total > r.all.satisfied} />
      </ul>
      <div className="chart-row">
        <Chart
          title="Đánh giá theo mức"
          summary={`Biểu đồ cột: ${r.all.total} lượt đánh giá; ${levels.map((l) => `${l.label} ${l.count}`).join(', ')}.`}
          height={barsHeight(bars.length)}
          table={
            <LevelTable
              rows={[
                { key: 'all', name: 'Toàn đơn vị', summary: r.all },
                { key: 'tickets', name: 'Lượt phục vụ tại quầy', summary: r.bySubject.tickets },
                { key: 'dossiers', name: 'Hồ sơ (khi trả kết quả)', summary: r.bySubject.dossiers },
              ]}
              levels={levels}
            />
          }
        >
          {(width) => <Bars bars={bars} width={width} labelWidth={150} />}
        </Chart>
        <div className="tables-col">
          <h4>Lý do chưa hài lòng</h4>
          {reasons.length === 0 ? (
            <p className="muted">Không có lý do nào được chọn.</p>
          ) : (
            <table className="report-table">
              <thead><tr><th scope="col">Lý do</th><th scope="col" className="num">Lượt</th></tr></thead>
              <tbody>{reasons.map((x) => <tr key={x.code}><th scope="row">{x.label}</th><td className="num">{num(x.count)}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      </div>
      <h4>Theo quầy</h4>
      <LevelTable rows={r.byCounter.map((c) => ({ key: c.counterId, name: c.label, summary: c }))} levels={levels} />
      <h4>Theo cán bộ</h4>
      <LevelTable rows={r.byOfficer.map((o) => ({ key: o.staffId, name: o.name, summary: o }))} levels={levels} />
    </section>
  );
}

function LevelTable(props: { rows: readonly { key: string; name: string; summary: RatingSummary }[]; levels: RatingSummary['levels'] }) {
  if (props.rows.length === 0) return <p className="muted">Chưa có lượt đánh giá nào trong kỳ.</p>;
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th scope="col">Tên</th>
          {props.levels.map((l) => <th key={l.code} scope="col" className="num">{l.label}</th>)}
          <th scope="col" className="num">Tổng</th>
          <th scope="col" className="num">Tỷ lệ hài lòng</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {props.levels.map((l) => <td key={l.code} className="num">{num(row.summary.levels.find((x) => x.code === l.code)?.count ?? 0)}</td>)}
            <td className="num">{num(row.summary.total)}</td>
            <td className="num">{pct(row.summary.satisfiedShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
