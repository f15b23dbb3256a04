import { Notice } from '../../ui/Notice';
import { durationWords, syncConnectionWords } from '../../../../contract/status-texts';
import { skewWords, whenWords, type SyncStatus } from './sync-texts';
import { RecoveryFacts } from './RecoveryFacts';
import './sync.css';

/**
 * What staff need to know of the sync, on the admin screen and in the counter's panel: connected
 * or not (and since when), what waits to be sent and for how long, the last success, the last
 * error, refused events, the clock when it is more than 2 minutes off the province's, and a
 * restored copy fetching back what it lost.
 */
export function SyncFacts(props: { status: SyncStatus; now: number }) {
  const s = props.status;
  if (!s.enrolled) return <Notice kind="info">Đơn vị chưa kết nối với hệ thống của tỉnh. Mọi dữ liệu vẫn được lưu tại máy chủ này.</Notice>;
  const good = s.level === 'online';
  return (
    <>
      <dl className="sync-facts" aria-label="Tình trạng đồng bộ">
        <div>
          <dt>Kết nối với tỉnh</dt>
          <dd className={good ? 'ok' : s.level === 'connecting' ? '' : 'bad'} data-testid="sync-connection">
            {syncConnectionWords(s.level, s.offlineSince, props.now)}
          </dd>
        </div>
        <div>
          <dt>Chờ gửi lên tỉnh</dt>
          <dd data-testid="sync-pending">
            {s.pendingEvents === 0 ? 'Không có' : `${s.pendingEvents} sự kiện`}
            {s.pendingEvents > 0 && s.oldestPendingAt ? <span className="sync-sub">cũ nhất đã chờ {durationWords(props.now - Date.parse(s.oldestPendingAt))}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Đồng bộ thành công gần nhất</dt>
          <dd>{s.lastSuccessAt ? whenWords(s.lastSuccessAt, props.now) : 'Chưa lần nào'}</dd>
        </div>
        <div>
          <dt>Sự kiện bị tỉnh từ chối</dt>
          <dd className={s.rejections.length > 0 ? 'bad' : ''}>{s.rejections.length === 0 ? 'Không có' : `${s.rejections.length} sự kiện`}</dd>
        </div>
        {s.lastError ? (
          <div className="sync-wide">
            <dt>Lỗi gần nhất</dt>
            <dd className="bad">{s.lastError.message}</dd>
          </div>
        ) : null}
      </dl>
      {s.recovery ? <RecoveryFacts recovery={s.recovery} now={props.now} /> : null}
      {s.clockSkewWarning && s.clockSkewSeconds !== null ? (
        <Notice kind="warning" className="sync-skew">
          Đồng hồ của máy chủ này {skewWords(s.clockSkewSeconds)}. Giờ tiếp nhận và hẹn trả in trên giấy tờ có thể sai: hãy chỉnh lại giờ của máy tính.
        </Notice>
      ) : null}
    </>
  );
}
