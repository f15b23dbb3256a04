import { dossierStatusLabels, dossierTimelinessLabels } from '../../../../contract/dossier-texts';
import type { DossierReport, DueDossier } from '../../../../contract/reports';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { channelLabels } from '../dossier/texts';
import { Bars, barsHeight } from './charts/Bars';
import { Chart } from './charts/Chart';
import { timelinessColours } from './charts/colours';
import { num, pct } from './format';
import { Figure } from './NowView';

const timelinessBars = (h: DossierReport['handled']) => [
  { name: dossierTimelinessLabels.early, value: h.early, text: num(h.early), color: timelinessColours.early },
  { name: dossierTimelinessLabels.on_time, value: h.onTime, text: num(h.onTime), color: timelinessColours.onTime },
  { name: dossierTimelinessLabels.late, value: h.late, text: num(h.late), color: timelinessColours.late },
];

/** Hồ sơ: received, handled early / on time / late (QĐ 766), intake rates, and the dossiers to chase. */
export function DossierSection(props: { report: DossierReport }) {
  const r = props.report;
  const bars = timelinessBars(r.handled);
  return (
    <section className="report-section" aria-labelledby="report-dossiers">
      <h3 id="report-dossiers">Hồ sơ</h3>
      <ul className="figures" aria-label="Số liệu hồ sơ">
        <Figure label="Tiếp nhận" value={num(r.received.total)} />
        <Figure label="Đã giải quyết" value={num(r.handled.total)} />
        <Figure label="Trước hạn và đúng hạn" value={pct(r.handled.onTimeShare)} hint={`${num(r.handled.early + r.handled.onTime)} hồ sơ`} />
        <Figure label="Giải quyết quá hạn" value={num(r.handled.late)} warn={r.handled.late > 0} />
        <Figure label="Đang quá hạn" value={num(r.overdue.length)} warn={r.overdue.length > 0} />
        <Figure label="Sắp đến hạn" value={num(r.dueSoon.length)} hint="trong 2 ngày làm việc tới" />
        <Figure label="Giải quyết trung bình" value={num(r.processingDays.meanWorkingDays)} unit="ngày" hint="ngày làm việc, từ ngày tiếp nhận" />
        <Figure label="Số hóa khi tiếp nhận" value={pct(r.digitised.share)} hint={`${num(r.digitised.withScans)} / ${num(r.digitised.received)} hồ sơ`} />
        <Figure label="Yêu cầu bổ sung" value={pct(r.intake.supplementRate)} hint={`${num(r.intake.supplementRequested)} / ${num(r.intake.total)} lượt nộp`} />
        <Figure label="Từ chối tiếp nhận" value={pct(r.intake.refusalRate)} hint={`${num(r.intake.refused)} / ${num(r.intake.total)} lượt nộp`} />
      </ul>
      <div className="chart-row">
        <Chart
          title="Hồ sơ đã giải quyết: trước hạn, đúng hạn, quá hạn"
          summary={`Biểu đồ cột: ${r.handled.total} hồ sơ đã giải quyết, ${r.handled.early} trước hạn, ${r.handled.onTime} đúng hạn, ${r.handled.late} quá hạn.`}
          height={barsHeight(bars.length)}
          table={
            <table className="report-table">
              <tbody>{bars.map((b) => <tr key={b.name}><th scope="row">{b.name}</th><td className="num">{b.text}</td></tr>)}</tbody>
            </table>
          }
        >
          {(width) => <Bars bars={bars} width={width} labelWidth={90} />}
        </Chart>
        <div className="tables-col">
          <h4>Tiếp nhận theo lĩnh vực</h4>
          <CountTable head="Lĩnh vực" rows={r.received.byField.map((x) => [x.field || '(chưa ghi)', x.count])} />
          <h4>Tiếp nhận theo kênh</h4>
          <CountTable head="Kênh" rows={r.received.byChannel.map((x) => [channelLabels[x.channel], x.count])} />
        </div>
      </div>
      <h4>Tiếp nhận theo thủ tục</h4>
      <CountTable head="Thủ tục" rows={r.received.byProcedure.map((x) => [`${x.procedureName} (${x.procedureCode})`, x.count])} />
      <h4>Đang quá hạn ({r.overdue.length})</h4>
      <DueTable dossiers={r.overdue} empty="Không có hồ sơ nào quá hạn." />
      <h4>Sắp đến hạn trong 2 ngày làm việc ({r.dueSoon.length})</h4>
      <DueTable dossiers={r.dueSoon} empty="Không có hồ sơ nào sắp đến hạn." />
    </section>
  );
}

export function CountTable(props: { head: string; rows: readonly (readonly [string, number])[] }) {
  if (props.rows.length === 0) return <p className="muted">Không có hồ sơ trong kỳ.</p>;
  return (
    <table className="report-table">
      <thead><tr><th scope="col">{props.head}</th><th scope="col" className="num">Số hồ sơ</th></tr></thead>
      <tbody>{props.rows.map(([name, count]) => <tr key={name}><th scope="row">{name}</th><td className="num">{num(count)}</td></tr>)}</tbody>
    </table>
  );
}

const when = (iso: string) => `${hhmm(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}`;

function DueTable(props: { dossiers: readonly DueDossier[]; empty: string }) {
  if (props.dossiers.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <table className="report-table">
      <thead>
        <tr><th scope="col">Mã hồ sơ</th><th scope="col">Thủ tục</th><th scope="col">Cán bộ tiếp nhận</th><th scope="col">Trạng thái</th><th scope="col">Hạn trả</th></tr>
      </thead>
      <tbody>
        {props.dossiers.map((d) => (
          <tr key={d.dossierId}>
            <th scope="row">{d.code ?? '—'}</th>
            <td>{d.procedureName}</td>
            <td>{d.officerName}</td>
            <td>{dossierStatusLabels[d.status]}</td>
            <td>{when(d.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
