import { Notice } from '../../ui/Notice';
import { ddmmyyyy } from '../../ui/format';
import { whenWords, type SyncStatus } from './sync-texts';

/**
 * A database restored from an older copy, as the hub reports it (docs/SYNC.md): while it fetches
 * back from the province what was done after the copy, no number is handed out; once done, what
 * the province's data could not rebuild is listed for staff to complete by hand. A hub with no
 * province to fetch from settled the restore itself: its sequences jumped past the replaced database's.
 */
export function RecoveryFacts(props: { recovery: NonNullable<SyncStatus['recovery']>; now: number }) {
  const r = props.recovery;
  const offline = r.offlineDays.length > 0
    ? ` Ngày ${r.offlineDays.map((d) => ddmmyyyy(Date.parse(`${d}T12:00:00+07:00`))).join(', ')} đã cấp số khi chưa kết nối được tỉnh, với dãy số thứ tự và mã hồ sơ nhảy cách.`
    : '';
  if (r.pending) {
    return (
      <Notice kind="warning" className="sync-recovery">
        Máy chủ này vừa được phục hồi từ bản sao lưu: đang lấy lại từ máy chủ tỉnh các số thứ tự, đánh giá và hồ sơ đã làm sau bản sao lưu. Chưa cấp số thứ tự và mã hồ sơ mới cho đến khi xong; nếu không kết nối được tỉnh, vẫn cấp nhưng dãy số của ngày được nhảy cách để không trùng.{offline}
      </Notice>
    );
  }
  if (r.missing.length === 0 && r.offlineDays.length === 0) return null;
  const a = r.applied;
  return (
    <Notice kind="info" className="sync-recovery">
      {!r.settledLocally ? (
        <p>
          Đã lấy lại từ máy chủ tỉnh {r.doneAt ? whenWords(r.doneAt, props.now) : ''}: {a.tickets} số thứ tự, {a.ratings} đánh giá, {a.dossiers} hồ sơ.{offline}
        </p>
      ) : (
        <p>
          Máy chủ này đã được phục hồi từ bản sao lưu{r.doneAt ? `, xong lúc ${whenWords(r.doneAt, props.now)}` : ''}. Lúc đó đơn vị chưa kết nối với tỉnh nên các số thứ tự, hồ sơ và đánh giá làm sau bản sao lưu không được lấy lại (vẫn còn trong tệp cơ sở dữ liệu cũ được cất riêng). Số thứ tự và mã hồ sơ hôm nay được cấp tiếp sau các số đã cấp, có nhảy cách để không trùng.
        </p>
      )}
      {r.missing.length > 0 ? (
        <>
          <p>Cần bổ sung bằng tay:</p>
          <ul data-testid="sync-recovery-missing">
            {r.missing.map((line) => <li key={line}>{line}</li>)}
          </ul>
        </>
      ) : null}
    </Notice>
  );
}
