import { useState } from 'react';
import type { ReportExportInput } from '../../../../contract/reports';
import { useHub } from '../../hub/session';
import { problemOf } from '../../hub/problem';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { download } from '../dossier/files';

type Kind = ReportExportInput['report'];
type Filters = Omit<ReportExportInput, 'report' | 'format'>;

const kinds: readonly (readonly [Kind, string])[] = [
  ['monthly', 'Báo cáo kết quả giải quyết theo lĩnh vực'],
  ['dossiers', 'Báo cáo hồ sơ'],
  ['queue', 'Báo cáo hàng đợi'],
  ['satisfaction', 'Báo cáo mức độ hài lòng'],
  ['appointments', 'Báo cáo lịch hẹn'],
];

/**
 * The period's reports as files the hub makes (XLSX, A4 PDF), with the filters on screen: the
 * queue filters for the queue and satisfaction reports, the service for appointments, the dossier filters for the others.
 */
export function ReportExport(props: { queue: Filters; dossiers: Filters; appointments: Filters }) {
  const { client } = useHub();
  const [kind, setKind] = useState<Kind>('monthly');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const get = async (format: 'xlsx' | 'pdf') => {
    setBusy(true);
    setMessage(null);
    try {
      const filters = kind === 'queue' || kind === 'satisfaction' ? props.queue : kind === 'appointments' ? props.appointments : props.dossiers;
      const file = await client['reports.export']({ ...filters, report: kind, format });
      download(file.dataBase64, file.mime, file.fileName);
      setMessage({ kind: 'success', text: `Đã tải về ${file.fileName}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: problemOf(e, 'Không xuất được báo cáo.').message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="report-export" aria-label="Xuất báo cáo">
      <label>
        Xuất báo cáo{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {kinds.map(([k, label]) => (
            <option key={k} value={k}>{label}</option>
          ))}
        </select>
      </label>
      <Button variant="secondary" disabled={busy} onClick={() => void get('xlsx')}>Xuất Excel</Button>
      <Button variant="secondary" disabled={busy} onClick={() => void get('pdf')}>Xuất PDF</Button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
