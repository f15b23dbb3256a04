import { useState } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

type Status = OpOutput<'sync.status'>;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : 'chưa có');

/** Minutes or hours since an instant, for "the oldest pending event is 3 days old". */
export function ageText(iso: string | null, now = Date.now()): string {
  if (!iso) return '';
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} phút`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} giờ`;
  return `${Math.round(minutes / 1440)} ngày`;
}

/** Section "Đồng bộ": connect to the province's central, and see how the sync is doing. */
export function SyncSection() {
  const { client, changes } = useHub();
  const status = useData(() => client['sync.status']({}), ['queue', 'site', 'catalog'], changes);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (!status.data) return <Loading error={status.error} />;
  const s = status.data;
  const act = async (run: () => Promise<Status>, done: string) => {
    setBusy(true);
    try {
      await run();
      setMessage({ kind: 'success', text: done });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof HubError ? e.message : 'Không thực hiện được.' });
    } finally {
      setBusy(false);
      await status.reload();
    }
  };
  return (
    <>
      <SyncStatusPanel status={s} />
      {s.conflict ? (
        <Notice kind="error">
          Máy chủ tỉnh đã có một sự kiện khác với số thứ tự {s.conflict.seq} của đơn vị ({s.conflict.message}). Thường do cơ sở dữ liệu được khôi phục từ bản sao lưu cũ. Bấm "Bắt đầu luồng đồng bộ mới" để gửi tiếp các thay đổi chưa được xác nhận.
          <div>
            <Button variant="danger" disabled={busy} onClick={() => void act(() => client['admin.newSyncStream']({}), 'Đã bắt đầu luồng đồng bộ mới.')}>
              Bắt đầu luồng đồng bộ mới
            </Button>
          </div>
        </Notice>
      ) : null}
      <div className="sync-actions">
        <Button variant="primary" disabled={busy || !s.enrolled} onClick={() => void act(() => client['sync.now']({}), 'Đã đồng bộ.')}>
          Đồng bộ ngay
        </Button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <EnrollForm enrolled={s} onDone={() => void status.reload()} />
      {s.rejections.length > 0 ? (
        <section aria-label="Sự kiện bị máy chủ tỉnh từ chối">
          <h3 className="detail-title">Sự kiện bị từ chối ({s.rejections.length})</h3>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Số</th>
                <th scope="col">Loại</th>
                <th scope="col">Lý do</th>
                <th scope="col">Lúc</th>
              </tr>
            </thead>
            <tbody>
              {s.rejections.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td>{r.type}</td>
                  <td>{r.message}</td>
                  <td>{when(r.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

/** The facts staff need, on the admin screen and (short) on the counter. */
export function SyncStatusPanel(props: { status: Status }) {
  const s = props.status;
  if (!s.enrolled) return <Notice kind="info">Đơn vị chưa kết nối với hệ thống của tỉnh. Mọi dữ liệu vẫn được lưu tại máy chủ này.</Notice>;
  return (
    <dl className="sync-facts" aria-label="Tình trạng đồng bộ">
      <div>
        <dt>Kết nối</dt>
        <dd className={s.online ? 'ok' : 'bad'}>{s.online ? 'Đang kết nối' : 'Mất kết nối'}</dd>
      </div>
      <div>
        <dt>Chờ gửi</dt>
        <dd>
          {s.pendingEvents} sự kiện{s.oldestPendingAt ? ` (cũ nhất ${ageText(s.oldestPendingAt)})` : ''}
        </dd>
      </div>
      <div>
        <dt>Đồng bộ thành công gần nhất</dt>
        <dd>{when(s.lastSuccessAt)}</dd>
      </div>
      <div>
        <dt>Lệch giờ với máy chủ tỉnh</dt>
        <dd>{s.clockSkewSeconds === null ? 'chưa biết' : Math.abs(s.clockSkewSeconds) < 60 ? 'dưới 1 phút' : `${Math.round(s.clockSkewSeconds / 60)} phút`}</dd>
      </div>
      {s.lastError ? (
        <div>
          <dt>Lỗi gần nhất</dt>
          <dd className="bad">{s.lastError.message}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function EnrollForm(props: { enrolled: Status; onDone: () => void }) {
  const { client } = useHub();
  const draft = useDraft({ centralUrl: props.enrolled.centralUrl ?? 'https://', siteId: props.enrolled.siteId ?? '', credential: '' });
  const v = draft.value;
  return (
    <SaveForm
      label="Kết nối với hệ thống của tỉnh"
      dirty={draft.dirty}
      describe={fieldNames({ centralUrl: 'Địa chỉ máy chủ tỉnh', siteId: 'Mã đơn vị đồng bộ', credential: 'Mã xác thực' })}
      save={async () => {
        await client['admin.enrollSync'](v);
        draft.saved({ ...v, credential: '' });
        props.onDone();
      }}
    >
      <h3 className="detail-title">Kết nối với hệ thống của tỉnh</h3>
      <p className="muted">Nhập một lần các thông tin do tỉnh cấp. Phần mềm kiểm tra kết nối trước khi lưu.</p>
      <div className="form-grid">
        <Field kind="text" label="Địa chỉ máy chủ tỉnh" value={v.centralUrl} maxLength={300} onChange={(centralUrl) => draft.update({ centralUrl })} />
        <Field kind="text" label="Mã đơn vị đồng bộ" value={v.siteId} maxLength={80} onChange={(siteId) => draft.update({ siteId })} />
        <Field kind="password" label="Mã xác thực" value={v.credential} maxLength={500} autoComplete="off" onChange={(credential) => draft.update({ credential })} />
      </div>
    </SaveForm>
  );
}
