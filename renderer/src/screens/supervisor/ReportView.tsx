import { useEffect, useState } from 'react';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { hhmm } from '../../ui/format';
import { Button } from '../../ui/Button';
import { Loading } from '../admin/Loading';
import { showVnDate } from '../dossier/vn-date';
import { AppointmentSection } from './AppointmentSection';
import { DossierSection } from './DossierSection';
import { hubToday, presetPeriod } from './periods';
import { QueueSection } from './QueueSection';
import { ReportExport } from './ReportExport';
import { ReportFilters, type Filters } from './ReportFilters';
import { SatisfactionSection } from './SatisfactionSection';

/** Only the filters a report takes, and none left empty (the hub reads absent as "all"). */
function inputs(f: Filters) {
  const given = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '')) as { [K in keyof T]?: Exclude<T[K], ''> };
  const period = { from: f.from, to: f.to };
  return {
    queue: { ...period, ...given({ serviceId: f.serviceId, counterId: f.counterId, staffId: f.staffId }) },
    dossiers: { ...period, ...given({ procedureCode: f.procedureCode, channel: f.channel, staffId: f.staffId }) },
    appointments: { ...period, ...given({ serviceId: f.serviceId }) },
  };
}

/**
 * "Báo cáo" opens on this week — the hub's week: it waits for the hub's clock (the stream's
 * first hello), since a counter PC's own date may be off by days.
 */
export function ReportView(props: { canFilter: boolean }) {
  const { status, clockOffset } = useHub();
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    if (today === null && status !== 'connecting') setToday(hubToday(clockOffset));
  }, [today, status, clockOffset]);
  return today === null ? <p role="status">Đang tải…</p> : <PeriodReports canFilter={props.canFilter} today={today} />;
}

/**
 * A period and filters, then the hub's three reports over them. A period's figures do not
 * follow every ticket as the live view does: "Làm mới" reads them again.
 */
function PeriodReports(props: { canFilter: boolean; today: string }) {
  const { client, changes } = useHub();
  const { today } = props;
  const [filters, setFilters] = useState<Filters>(() => ({ ...presetPeriod('this-week', today), serviceId: '', counterId: '', staffId: '', procedureCode: '', channel: '' }));
  const key = JSON.stringify(filters);
  const { queue: q, dossiers: d, appointments: a } = inputs(filters);
  const choices = useData(() => (props.canFilter ? client['reports.filters']({}) : Promise.resolve(null)), ['catalog', 'staff'], changes);
  const queue = useData(() => client['reports.queue'](q), [], changes, [key]);
  const dossiers = useData(() => client['reports.dossiers'](d), [], changes, [key]);
  const satisfaction = useData(() => client['reports.satisfaction'](q), [], changes, [key]);
  const appointments = useData(() => client['reports.appointments'](a), [], changes, [key]);
  const scope = queue.data?.scope ?? dossiers.data?.scope ?? null;
  const asOf = dossiers.data?.asOf;
  return (
    <div className="report">
      <ReportFilters value={filters} onChange={setFilters} today={today} choices={choices.data} />
      <div className="report-scope" role="status">
        {scope ? (
          <span>
            Kỳ báo cáo: <strong>{showVnDate(scope.from)} – {showVnDate(scope.to)}</strong>
            {scope.ownFiguresOnly ? ' · Số liệu của riêng bạn' : ''}
            {asOf ? ` · Hồ sơ quá hạn tính đến ${hhmm(Date.parse(asOf))}` : ''}
          </span>
        ) : null}
        <Button variant="secondary" onClick={() => void Promise.all([queue.reload(), dossiers.reload(), satisfaction.reload(), appointments.reload()])}>
          Làm mới
        </Button>
      </div>
      <ReportExport queue={q} dossiers={d} appointments={a} />
      {queue.data ? <QueueSection report={queue.data} /> : <Loading error={queue.error} />}
      {dossiers.data ? <DossierSection report={dossiers.data} /> : <Loading error={dossiers.error} />}
      {satisfaction.data ? <SatisfactionSection report={satisfaction.data} /> : <Loading error={satisfaction.error} />}
      {appointments.data ? <AppointmentSection report={appointments.data} /> : <Loading error={appointments.error} />}
    </div>
  );
}

