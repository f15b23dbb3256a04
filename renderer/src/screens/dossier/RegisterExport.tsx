import { useState } from 'react';
import { useHub } from '../../hub/session';
import { Notice } from '../../ui/Notice';
import { ActionBar, type KeyAction } from './ActionBar';
import { DateField } from './DateField';
import { download } from './files';
import { LocalProblem, problemOf } from '../../hub/problem';
import { isIsoDate, todayVn } from './vn-date';
import './dossier.css';

/** Sổ theo dõi hồ sơ: the dossiers received in a period, as the hub's XLSX or PDF file (export is audited). */
export function RegisterExport() {
  const { client } = useHub();
  const today = todayVn();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const get = async (format: 'xlsx' | 'pdf') => {
    try {
      if (!isIsoDate(from) || !isIsoDate(to)) throw new LocalProblem('Ngày phải có dạng ngày/tháng/năm, ví dụ 01/11/2026.');
      setMessage({ kind: 'info', text: 'Đang lập sổ…' });
      const file = await client['dossiers.register']({ from, to, format });
      download(file.dataBase64, file.mime, file.fileName);
      setMessage({ kind: 'success', text: `Đã tải về ${file.fileName}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: problemOf(e, 'Không lập được sổ theo dõi.').message });
    }
  };
  const actions: KeyAction[] = [
    { key: 'F9', label: 'Tải Excel (XLSX)', variant: 'primary', enabled: true, run: () => get('xlsx') },
    { key: 'F8', label: 'Tải PDF', enabled: true, run: () => get('pdf') },
  ];
  return (
    <div className="dossier register">
      <h1>Sổ theo dõi hồ sơ</h1>
      <p className="muted">Các hồ sơ đã tiếp nhận trong khoảng thời gian chọn, theo mẫu Sổ theo dõi hồ sơ. Mỗi lần xuất sổ được ghi nhật ký.</p>
      <div className="register-range">
        <DateField label="Từ ngày" value={from} onChange={setFrom} />
        <DateField label="Đến ngày" value={to} onChange={setTo} />
      </div>
      <ActionBar label="Xuất sổ theo dõi" actions={actions} />
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </div>
  );
}
