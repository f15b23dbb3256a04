import { useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { eventKindWords, feedWords, type SyncStatus } from '../sync/sync-texts';
import { SyncFacts } from '../sync/SyncFacts';
import { useSyncNow, useSyncStatus } from '../sync/use-sync-status';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const at = (iso: string) => `${hhmm(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}`;

/**
 * Section "Đồng bộ với tỉnh": connect the site to the province's central once, then see how the
 * sync is doing — connection, what waits to be sent and for how long, the last success, the
 * clock, events the province refused and why — sync now, start a new stream after a conflict, and
 * how long events the province acknowledged stay at the hub.
 */
export function SyncSection() {
  const sync = useSyncStatus();
  const syncNow = useSyncNow(sync.setStatus, sync.now);
  const [confirming, setConfirming] = useState(false);
  const s = sync.status;
  if (!s) return <Loading error={sync.error ? new HubError('INTERNAL', sync.error) : null} />;
  return (
    <div className="sync-section">
      <SyncFacts status={s} now={sync.now} />
      {s.conflict ? (
        <Notice kind="error">
          <p>
            <strong>Máy chủ tỉnh đã có một sự kiện khác mang số {s.conflict.seq} của đơn vị</strong> ({s.conflict.message}). Thường do cơ sở dữ liệu được khôi phục từ bản sao lưu cũ. Việc
            đồng bộ dừng lại cho đến khi bắt đầu luồng mới: các thay đổi chưa được tỉnh xác nhận sẽ được gửi lại trong luồng mới, không mất dữ liệu.
          </p>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Bắt đầu luồng mới
          </Button>
        </Notice>
      ) : null}
      {s.enrolled ? (
        <div className="sync-actions">
          <Button variant="primary" disabled={syncNow.running} onClick={() => void syncNow.run()}>
            {syncNow.running ? 'Đang đồng bộ…' : 'Đồng bộ ngay'}
          </Button>
        </div>
      ) : null}
      {syncNow.message ? <Notice kind={syncNow.message.kind}>{syncNow.message.text}</Notice> : null}
      {s.rejections.length > 0 ? <Rejections status={s} /> : null}
      {s.skippedFeedItems.length > 0 ? <SkippedFeedItems status={s} /> : null}
      <EnrollForm status={s} onDone={sync.setStatus} />
      {s.enrolled ? <RetentionForm status={s} onDone={sync.setStatus} /> : null}
      {confirming ? <NewStreamDialog onClose={() => setConfirming(false)} onDone={sync.setStatus} /> : null}
    </div>
  );
}

/** Events the central will never apply, each with its reason (they no longer block the others). */
function Rejections(props: { status: SyncStatus }) {
  return (
    <ProblemTable
      id="sync-rejections"
      title={`Sự kiện bị tỉnh từ chối (${props.status.rejections.length})`}
      note="Các sự kiện này không được đưa vào số liệu của tỉnh; các sự kiện khác vẫn được gửi bình thường. Báo cho quản trị tỉnh kèm số và lý do."
      columns={['Số', 'Loại']}
      rows={props.status.rejections.map((r) => ({ key: String(r.seq), cells: [String(r.seq), eventKindWords(r.type)], reason: r.message, at: r.at }))}
    />
  );
}

/** Items from the province this hub could not read: skipped, so the rest of the feed still arrived. */
function SkippedFeedItems(props: { status: SyncStatus }) {
  return (
    <ProblemTable
      id="sync-skipped"
      title={`Dữ liệu từ tỉnh không đọc được (${props.status.skippedFeedItems.length})`}
      note="Máy chủ này đã bỏ qua các mục dưới đây và nhận tiếp các mục khác. Thường do phần mềm tại đây cũ hơn máy chủ tỉnh: báo cho quản trị tỉnh kèm loại dữ liệu và số phiên bản."
      columns={['Loại dữ liệu', 'Phiên bản']}
      rows={props.status.skippedFeedItems.map((k) => ({ key: `${k.feed}/${k.version}`, cells: [feedWords(k.feed), String(k.version)], reason: k.reason, at: k.at }))}
    />
  );
}

/** A titled table of sync problems: what, its reason and when. */
function ProblemTable(props: { id: string; title: string; note: string; columns: [string, string]; rows: { key: string; cells: [string, string]; reason: string; at: string }[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h3 className="detail-title" id={props.id}>
        {props.title}
      </h3>
      <p className="muted">{props.note}</p>
      <table className="admin-table" aria-label={props.title.replace(/ \(\d+\)$/, '')}>
        <thead>
          <tr>
            <th scope="col">{props.columns[0]}</th>
            <th scope="col">{props.columns[1]}</th>
            <th scope="col">Lý do</th>
            <th scope="col">Lúc</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <td>{r.cells[0]}</td>
              <td>{r.cells[1]}</td>
              <td>{r.reason}</td>
              <td>{at(r.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Asked before a new stream: it is the right answer to a restore from backup, and only then. */
function NewStreamDialog(props: { onClose: () => void; onDone: (s: SyncStatus) => void }) {
  const { client } = useHub();
  return (
    <ConfirmDialog
      title="Bắt đầu luồng đồng bộ mới?"
      label="Xác nhận bắt đầu luồng mới"
      confirmLabel="Bắt đầu luồng mới"
      onClose={props.onClose}
      confirm={async () => {
        props.onDone(await client['admin.newSyncStream']({}));
        props.onClose();
      }}
    >
      <p>Chỉ làm việc này khi máy chủ vừa được khôi phục từ bản sao lưu (hoặc cài lại). Các thay đổi chưa được tỉnh xác nhận sẽ được gửi lại trong luồng mới; tỉnh giữ nguyên những gì đã nhận.</p>
    </ConfirmDialog>
  );
}

/** How long the hub keeps the events the province acknowledged (the province keeps them for good). */
function RetentionForm(props: { status: SyncStatus; onDone: (s: SyncStatus) => void }) {
  const { client } = useHub();
  const draft = useDraft({ outboxRetentionDays: props.status.outboxRetentionDays });
  return (
    <SaveForm
      label="Thời gian giữ dữ liệu đã gửi"
      dirty={draft.dirty}
      doneText="Đã lưu thời gian giữ dữ liệu đã gửi."
      describe={fieldNames({ outboxRetentionDays: 'Số ngày giữ lại' })}
      save={async () => {
        props.onDone(await client['admin.saveSyncSettings'](draft.value));
        draft.saved(draft.value);
      }}
    >
      <h3 className="detail-title">Thời gian giữ dữ liệu đã gửi</h3>
      <p className="muted">
        Các sự kiện đã được máy chủ tỉnh xác nhận được xóa khỏi máy chủ này sau số ngày dưới đây (tỉnh vẫn lưu đầy đủ), để ổ đĩa không đầy dần. Sự kiện chưa được tỉnh xác nhận không bao giờ bị
        xóa. Hồ sơ, số thứ tự và nhật ký tại đơn vị không bị ảnh hưởng.
      </p>
      <div className="form-grid">
        <Field kind="number" label="Số ngày giữ lại" value={draft.value.outboxRetentionDays} min={7} max={3650} onChange={(outboxRetentionDays) => draft.update({ outboxRetentionDays })} />
      </div>
    </SaveForm>
  );
}

/** The address, site id and credential the province issued: checked with the central before anything is saved. */
function EnrollForm(props: { status: SyncStatus; onDone: (s: SyncStatus) => void }) {
  const { client } = useHub();
  const s = props.status;
  const draft = useDraft({ centralUrl: s.centralUrl ?? '', siteId: s.siteId ?? '', credential: '' });
  const v = draft.value;
  return (
    <SaveForm
      label="Kết nối với hệ thống của tỉnh"
      submitLabel={s.enrolled ? 'Lưu kết nối mới' : 'Kết nối'}
      dirty={draft.dirty}
      doneText="Đã kết nối với máy chủ tỉnh."
      describe={fieldNames({ centralUrl: 'Địa chỉ máy chủ tỉnh', siteId: 'Mã đơn vị đồng bộ', credential: 'Mã xác thực' })}
      save={async () => {
        await client['admin.enrollSync']({ centralUrl: v.centralUrl.trim(), siteId: v.siteId.trim(), credential: v.credential.trim() });
        // The first sync right away, so the status above says at once whether it works.
        props.onDone(await client['sync.now']({}));
        draft.saved({ ...v, credential: '' });
      }}
    >
      <h3 className="detail-title">{s.enrolled ? 'Đổi thông tin kết nối' : 'Kết nối với hệ thống của tỉnh'}</h3>
      <p className="muted">
        {s.enrolled
          ? `Đang kết nối tới ${s.centralUrl} với mã đơn vị ${s.siteId}. Chỉ cần nhập lại khi tỉnh cấp địa chỉ hoặc mã xác thực mới.`
          : 'Nhập một lần các thông tin do tỉnh cấp. Phần mềm kiểm tra với máy chủ tỉnh trước khi lưu; mã xác thực không hiện lại sau khi lưu.'}
      </p>
      <div className="form-grid">
        <Field kind="text" className="span-2" label="Địa chỉ máy chủ tỉnh" value={v.centralUrl} maxLength={300} placeholder="https://dongbo.motcua.gialai.gov.vn" onChange={(centralUrl) => draft.update({ centralUrl })} />
        <Field kind="text" label="Mã đơn vị đồng bộ" value={v.siteId} maxLength={80} onChange={(siteId) => draft.update({ siteId })} />
        <Field kind="password" label="Mã xác thực" value={v.credential} maxLength={500} autoComplete="off" onChange={(credential) => draft.update({ credential })} />
      </div>
    </SaveForm>
  );
}
