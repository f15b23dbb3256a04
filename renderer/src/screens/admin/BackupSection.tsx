import { useEffect, useState } from 'react';
import { backupReasonWords, type BackupSetView, type BackupStatus } from '../../../../contract/backups';
import type { HubError } from '../../../../contract/errors';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { ddmmyyyy, hhmm, hhmmss } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { BackupSettingsForm } from './BackupSettingsForm';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { Loading } from './Loading';

const at = (iso: string) => `${hhmm(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}`;
/** Sets a few minutes apart (a backup now after the automatic one) differ by their seconds. */
const atExactly = (iso: string) => `${hhmmss(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}`;
const megabytes = (bytes: number) => `${(bytes / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/**
 * Section "Sao lưu": how the site's backups are doing in the hub's words (the last one and where,
 * a warning when the second location is missing or stale), a backup now, the settings, the sets
 * of both locations, and a restore after a confirmation.
 */
export function BackupSection() {
  const { client, changes } = useHub();
  const status = useData(() => client['backups.list']({}), [], changes);
  // "2 giờ trước" ages: the hub recounts them once a minute.
  useEffect(() => {
    const timer = setInterval(() => void status.reload(), 60_000);
    return () => clearInterval(timer);
  }, [status.reload]);
  const [restoring, setRestoring] = useState<BackupSetView | null>(null);
  const [restarting, setRestarting] = useState<string | null>(null);
  const s = status.data;
  if (restarting) return <Notice kind="info">{restarting}</Notice>;
  if (!s) return <Loading error={status.error} />;
  return (
    <div className="backup-section">
      <p className="backup-summary">
        <strong>{s.summary}</strong>
        {s.nextAt ? <span className="muted"> · Lần tự động tiếp theo: {at(s.nextAt)}</span> : null}
      </p>
      {s.warnings.map((w, i) => (
        <Notice key={`${w.kind}-${i}`} kind={w.kind === 'second_not_set' ? 'info' : 'warning'}>
          {w.message}
        </Notice>
      ))}
      <BackupNow running={s.running} onDone={() => void status.reload()} />
      <SetTable title="Trong thư mục dữ liệu" where={s.local.path} sets={s.local.sets} onRestore={setRestoring} />
      {s.second ? (
        <SetTable title="Ở nơi sao lưu thứ hai" where={s.second.path} sets={s.second.sets} missing={!s.second.reachable} onRestore={setRestoring} />
      ) : null}
      <BackupSettingsForm settings={s.settings} onDone={() => void status.reload()} />
      {restoring ? (
        <RestoreDialog
          set={restoring}
          status={s}
          onClose={() => setRestoring(null)}
          onStarted={(text) => {
            setRestoring(null);
            setRestarting(text);
          }}
        />
      ) : null}
    </div>
  );
}

function BackupNow(props: { running: boolean; onDone: () => void }) {
  const { client } = useHub();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const r = await client['backups.create']({});
      setOutcome(r.secondError ? { kind: 'warning', text: `Đã sao lưu vào thư mục dữ liệu. ${r.secondError.message}` } : { kind: 'success', text: `Đã sao lưu (${r.local.id}).` });
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as HubError).message });
    } finally {
      setBusy(false);
      props.onDone();
    }
  };
  return (
    <div className="backup-actions">
      <Button variant="primary" disabled={busy || props.running} onClick={() => void run()}>
        {busy || props.running ? 'Đang sao lưu…' : 'Sao lưu ngay'}
      </Button>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
    </div>
  );
}

function SetTable(props: { title: string; where: string; sets: BackupSetView[]; missing?: boolean; onRestore: (s: BackupSetView) => void }) {
  return (
    <section className="backup-sets" aria-label={props.title}>
      <h3 className="detail-title">
        {props.title} <span className="muted">({props.where})</span>
      </h3>
      {props.missing ? <p className="muted">Không đọc được nơi này lúc này (ổ chưa cắm).</p> : null}
      {props.sets.length === 0 && !props.missing ? <p className="muted">Chưa có bản sao lưu nào ở đây.</p> : null}
      {props.sets.length > 0 ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Thời điểm</th>
              <th scope="col">Lý do</th>
              <th scope="col">Dữ liệu</th>
              <th scope="col">Bản quét</th>
              <th scope="col">Mã hóa</th>
              <th scope="col">
                <span className="visually-hidden">Khôi phục</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sets.map((b) => (
              <tr key={b.id}>
                <td>{atExactly(b.takenAt)}</td>
                <td>{backupReasonWords[b.reason]}</td>
                <td>{megabytes(b.databaseBytes)}</td>
                <td>
                  {b.scans} tệp · {megabytes(b.scanBytes)}
                </td>
                <td>{b.encrypted ? 'Có' : 'Không'}</td>
                <td>
                  <Button onClick={() => props.onRestore(b)}>Khôi phục…</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** A restore replaces today's data with the copy's: said plainly, confirmed, the safe button focused. */
function RestoreDialog(props: { set: BackupSetView; status: BackupStatus; onClose: () => void; onStarted: (text: string) => void }) {
  const { client } = useHub();
  const [passphrase, setPassphrase] = useState('');
  const ownKey = props.status.settings.encrypted;
  return (
    <ConfirmDialog
      title={`Khôi phục bản sao lưu lúc ${atExactly(props.set.takenAt)}?`}
      label="Xác nhận khôi phục"
      confirmLabel="Khôi phục và khởi động lại"
      onClose={props.onClose}
      confirm={async () => {
        const r = await client['backups.restore']({ id: props.set.id, location: props.set.location, ...(passphrase ? { passphrase } : {}) });
        props.onStarted(`Đang khôi phục bản sao lưu lúc ${at(r.takenAt)}: máy chủ đang khởi động lại. Các màn hình tự kết nối lại sau ít giây; hãy đăng nhập lại.`);
      }}
    >
      <p>
        Dữ liệu hiện tại được thay bằng bản sao lưu này. Bản hiện tại <strong>không bị xóa</strong>: nó được đổi tên và giữ lại trong thư mục dữ liệu. Máy chủ kiểm tra bản sao lưu trước
        (mã băm, tính toàn vẹn), khởi động lại, bắt đầu một luồng đồng bộ mới và lấy lại từ máy chủ tỉnh các số và hồ sơ đã cấp sau thời điểm sao lưu trước khi cấp số mới.
      </p>
      <p className="muted">Mọi quầy và kiosk tạm mất kết nối trong lúc khởi động lại.</p>
      {props.set.encrypted ? (
        <Field
          kind="password"
          label="Mật khẩu sao lưu"
          hint={ownKey ? 'Để trống nếu bản này được mã hóa bằng mật khẩu đang dùng.' : 'Bản sao lưu này được mã hóa: nhập mật khẩu đã dùng khi sao lưu.'}
          value={passphrase}
          maxLength={200}
          autoComplete="off"
          onChange={setPassphrase}
        />
      ) : null}
    </ConfirmDialog>
  );
}
