import type { OpOutput } from '../../../../contract/ops';
import { durationWords } from '../../../../contract/status-texts';
import { ddmmyyyy, hhmm, hhmmss } from '../../ui/format';

export type SyncStatus = OpOutput<'sync.status'>;

/** "vừa xong", "5 phút trước" (`now` on the hub's clock). */
export function agoWords(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  return ms < 60_000 ? 'vừa xong' : `${durationWords(ms)} trước`;
}

/** "14:05 26/11/2026 (5 phút trước)". */
export function whenWords(iso: string, now: number): string {
  const ms = Date.parse(iso);
  return `${hhmm(ms)} ${ddmmyyyy(ms)} (${agoWords(iso, now)})`;
}

/** The badge's one line: "Đã đồng bộ 5 phút trước", "Mất kết nối tỉnh · 37 sự kiện chờ gửi". */
export function badgeText(s: SyncStatus, now: number): string {
  switch (s.level) {
    case 'not_enrolled':
      return 'Chưa kết nối tỉnh';
    case 'connecting':
      return 'Đang kết nối tỉnh…';
    case 'online':
      if (!s.lastSuccessAt) return 'Đã kết nối tỉnh';
      return Date.parse(s.lastSuccessAt) > now - 60_000 ? 'Đã đồng bộ vừa xong' : `Đã đồng bộ ${agoWords(s.lastSuccessAt, now)}`;
    case 'conflict':
      return 'Lỗi đồng bộ · cần quản trị viên';
    default:
      return s.pendingEvents > 0 ? `Mất kết nối tỉnh · ${s.pendingEvents} sự kiện chờ gửi` : 'Mất kết nối tỉnh';
  }
}

/** The badge's colour: calm while all is well or briefly offline, amber after an hour offline, red for a conflict. */
export function badgeTone(s: SyncStatus): 'calm' | 'amber' | 'red' {
  if (s.level === 'conflict') return 'red';
  return s.level === 'offline_long' ? 'amber' : 'calm';
}

/** "Lần thử tiếp theo lúc 08:15:30 (sau 12 giây)": when the worker knocks at the central again (`now` on the hub's clock). */
export function nextAttemptWords(iso: string, now: number): string {
  const ms = Date.parse(iso);
  const seconds = Math.ceil((ms - now) / 1000);
  return seconds <= 0 ? 'Đang thử lại…' : `Lần thử tiếp theo lúc ${hhmmss(ms)} (sau ${seconds} giây)`;
}

/** "ticket.issued" → "Số thứ tự (ticket.issued)": what kind of record the central refused. */
export function eventKindWords(type: string): string {
  const kinds: Record<string, string> = { ticket: 'Số thứ tự', dossier: 'Hồ sơ', rating: 'Đánh giá' };
  const kind = kinds[type.split('.')[0] ?? ''];
  return kind ? `${kind} (${type})` : type;
}

/** A feed from the province, as staff call it. */
export function feedWords(feed: string): string {
  const words: Record<string, string> = { catalog: 'Danh mục thủ tục', calendar: 'Lịch ngày nghỉ', staff: 'Tài khoản cán bộ', 'dossier-status': 'Trạng thái hồ sơ' };
  return words[feed] ?? feed;
}

/** What "Đồng bộ ngay" achieved, from the status it answered with. */
export function syncNowOutcome(s: SyncStatus, now: number): { kind: 'success' | 'error'; text: string } {
  if (s.level === 'conflict') return { kind: 'error', text: 'Máy chủ tỉnh báo trùng số thứ tự sự kiện với dữ liệu khác: quản trị viên cần xử lý (Quản trị → Đồng bộ với tỉnh).' };
  if (s.online && !s.lastError) return { kind: 'success', text: `Đã đồng bộ xong lúc ${hhmm(now)}${s.pendingEvents > 0 ? `; còn ${s.pendingEvents} sự kiện đang gửi` : ''}.` };
  const why = (s.lastError?.message ?? 'máy chủ tỉnh chưa trả lời').replace(/\.$/, '');
  return { kind: 'error', text: `Chưa đồng bộ được: ${why}. Dữ liệu vẫn lưu tại máy chủ này và sẽ tự gửi khi có kết nối.` };
}
