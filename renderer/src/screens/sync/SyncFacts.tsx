import { useEffect, useState } from 'react';
import { Notice } from '../../ui/Notice';
import { durationWords, skewWords, syncConnectionWords } from '../../../../contract/status-texts';
import { nextAttemptWords, whenWords, type SyncStatus } from './sync-texts';
import { RecoveryFacts } from './RecoveryFacts';
import './sync.css';

/**
 * What staff need to know of the sync, on the admin screen and in the counter's panel: connected
 * or not (and since when), what waits to be sent and for how long, the last success, the last
 * error, refused events, when the next try is while offline, the clock against the province's
 * (more than 5 minutes off is a problem: the banner above every staff screen says what to do), and
 * a restored copy fetching back what it lost.
 */
export function SyncFacts(props: { status: SyncStatus; now: () => number }) {
  const s = props.status;
  const waiting = s.enrolled && !s.online && s.nextAttemptAt !== null;
  const now = useTicking(waiting, props.now);
  if (!s.enrolled) {
    return (
      <>
        <Notice kind="info">Đơn vị chưa kết nối với hệ thống của tỉnh. Mọi dữ liệu vẫn được lưu tại máy chủ này.</Notice>
        {s.recovery ? <RecoveryFacts recovery={s.recovery} now={now} /> : null}
      </>
    );
  }
  const good = s.level === 'online';
  return (
    <>
      <dl className="sync-facts" aria-label="Tình trạng đồng bộ">
        <div>
          <dt>Kết nối với tỉnh</dt>
          <dd className={good ? 'ok' : s.level === 'connecting' ? '' : 'bad'} data-testid="sync-connection">
            {syncConnectionWords(s.level, s.offlineSince, now)}
          </dd>
          {waiting ? (
            <dd className="sync-sub" data-testid="sync-next-attempt">
              {nextAttemptWords(s.nextAttemptAt!, now)}
            </dd>
          ) : null}
        </div>
        <div>
          <dt>Chờ gửi lên tỉnh</dt>
          <dd data-testid="sync-pending">
            {s.pendingEvents === 0 ? 'Không có' : `${s.pendingEvents} sự kiện`}
            {s.pendingEvents > 0 && s.oldestPendingAt ? <span className="sync-sub">cũ nhất đã chờ {durationWords(now - Date.parse(s.oldestPendingAt))}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Đồng bộ thành công gần nhất</dt>
          <dd>{s.lastSuccessAt ? whenWords(s.lastSuccessAt, now) : 'Chưa lần nào'}</dd>
        </div>
        <div>
          <dt>Sự kiện bị tỉnh từ chối</dt>
          <dd className={s.rejections.length > 0 ? 'bad' : ''}>{s.rejections.length === 0 ? 'Không có' : `${s.rejections.length} sự kiện`}</dd>
        </div>
        <div>
          <dt>Đồng hồ máy chủ</dt>
          <dd className={s.clockSkewWarning ? 'bad' : ''} data-testid="sync-clock">
            {s.clockSkewSeconds === null ? 'Chưa so được với tỉnh' : s.clockSkewWarning ? `Lệch: ${skewWords(s.clockSkewSeconds)}` : 'Khớp với giờ của tỉnh'}
          </dd>
        </div>
        {s.lastError ? (
          <div className="sync-wide">
            <dt>Lỗi gần nhất</dt>
            <dd className="bad">{s.lastError.message}</dd>
          </div>
        ) : null}
      </dl>
      {s.recovery ? <RecoveryFacts recovery={s.recovery} now={now} /> : null}
    </>
  );
}

/** The hub's time now, read again every second while a countdown is on screen. */
function useTicking(on: boolean, now: () => number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [on]);
  return now();
}
