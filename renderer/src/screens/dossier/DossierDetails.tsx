import type { Dossier } from '../../../../contract/dossier';
import { channelLabels, processingLabel, returnMethodLabels, shortTime, timelinessLabels, vnd } from './texts';
import { showVnDate } from './vn-date';

/** Who filed the dossier: here with the full ID number (the officer handles this dossier). */
export function ApplicantFacts(props: { dossier: Dossier }) {
  const a = props.dossier.applicant;
  return (
    <section className="dossier-box" aria-labelledby="d-applicant">
      <h2 id="d-applicant">Người nộp hồ sơ</h2>
      <dl className="facts">
        <div className="facts-wide">
          <dt>{a.kind === 'person' ? 'Họ và tên' : 'Tổ chức'}</dt>
          <dd>{a.fullName}</dd>
        </div>
        <div>
          <dt>{a.kind === 'person' ? 'Số định danh' : 'Mã số doanh nghiệp'}</dt>
          <dd>{a.idNumber || '—'}</dd>
        </div>
        {a.kind === 'person' ? (
          <div>
            <dt>Ngày sinh</dt>
            <dd>{a.dateOfBirth ? showVnDate(a.dateOfBirth) : '—'}</dd>
          </div>
        ) : (
          <div>
            <dt>Người đại diện</dt>
            <dd>{a.representative || '—'}</dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>Địa chỉ</dt>
          <dd>{a.address}</dd>
        </div>
        <div>
          <dt>Điện thoại</dt>
          <dd>{a.phone || '—'}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{a.email || '—'}</dd>
        </div>
      </dl>
    </section>
  );
}

export function ProcedureSummary(props: { dossier: Dossier }) {
  const d = props.dossier;
  return (
    <section className="dossier-box" aria-labelledby="d-procedure">
      <h2 id="d-procedure">Thủ tục</h2>
      <dl className="facts">
        <div className="facts-wide">
          <dt>Tên thủ tục</dt>
          <dd>{d.procedure.name}</dd>
        </div>
        <div className="facts-wide">
          <dt>Mã thủ tục (phiên bản)</dt>
          <dd>
            {d.procedure.code} ({d.procedure.version})
          </dd>
        </div>
        <div>
          <dt>Thời hạn</dt>
          <dd>{processingLabel(d.procedure.processing)}</dd>
        </div>
        <div className="facts-wide">
          <dt>Cơ quan giải quyết</dt>
          <dd>{d.procedure.authority || '—'}</dd>
        </div>
        <div>
          <dt>Số bộ · hình thức nộp</dt>
          <dd>
            {d.sets} bộ · {channelLabels[d.channel]}
          </dd>
        </div>
        <div>
          <dt>Nhận kết quả</dt>
          <dd>
            {returnMethodLabels[d.returnMethod]}
            {d.deliveryAddress ? `: ${d.deliveryAddress}` : ''}
          </dd>
        </div>
        <div className="facts-wide">
          <dt>Phí, lệ phí</dt>
          <dd>{d.fees.length === 0 ? 'Không thu' : d.fees.map((f) => `${f.name}: ${vnd(f.amount)}`).join('; ')}</dd>
        </div>
        {d.note ? (
          <div className="facts-wide">
            <dt>Ghi chú</dt>
            <dd>{d.note}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** Received, due, returned and on time or not; every extension with its reason. */
export function TimeFacts(props: { dossier: Dossier }) {
  const d = props.dossier;
  return (
    <section className="dossier-box" aria-labelledby="d-times">
      <h2 id="d-times">Thời gian</h2>
      <dl className="facts facts-single">
        <div>
          <dt>Tiếp nhận</dt>
          <dd>{d.receivedAt ? shortTime(d.receivedAt) : 'Chưa tiếp nhận'}</dd>
        </div>
        <div>
          <dt>Hẹn trả</dt>
          <dd data-testid="due-at">{shortTime(d.dueAt)}</dd>
        </div>
        {d.dueReason ? (
          <div className="facts-wide">
            <dt>Lý do ấn định thời gian trả</dt>
            <dd>{d.dueReason}</dd>
          </div>
        ) : null}
        <div>
          <dt>Trả kết quả</dt>
          <dd>{shortTime(d.returnedAt)}</dd>
        </div>
        <div>
          <dt>Tiến độ</dt>
          <dd data-testid="timeliness">{d.timeliness ? timelinessLabels[d.timeliness] : '—'}</dd>
        </div>
        <div>
          <dt>Cán bộ tiếp nhận</dt>
          <dd>{d.officerName}</dd>
        </div>
      </dl>
      {d.extensions.length > 0 ? (
        <>
          <h3>Gia hạn</h3>
          <ol className="dossier-events">
            {d.extensions.map((x, i) => (
              <li key={i}>
                <span className="event-time">{shortTime(x.at)}</span> Từ {shortTime(x.previousDueAt)} đến <strong>{shortTime(x.newDueAt)}</strong>
                {x.late ? ' (sau hạn)' : ''}: {x.reason}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

export function HistoryList(props: { dossier: Dossier }) {
  return (
    <section className="dossier-box" aria-labelledby="d-history">
      <h2 id="d-history">Quá trình xử lý</h2>
      <ol className="dossier-events" data-testid="history">
        {[...props.dossier.history].reverse().map((e, i) => (
          <li key={i}>
            <span className="event-time">{shortTime(e.at)}</span> {e.text}
            {e.staffName ? <span className="muted"> — {e.staffName}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
