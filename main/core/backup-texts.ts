import { durationWords } from '../../contract/status-texts';
import type { BackupProblem } from './backup-rules';

/** What the admin screen says about backups, in the hub's words (the screen shows them as they are). */

const ago = (ms: number) => (ms < 60_000 ? 'vừa xong' : `${durationWords(ms)} trước`);

/** "Bản sao lưu gần nhất: 2 giờ trước, trên E:\MotCua". */
export function backupSummary(now: number, local: { path: string; newestAt: number | null }, second: { path: string; newestAt: number | null } | null): string {
  if (second?.newestAt != null && local.newestAt !== null && second.newestAt >= local.newestAt) {
    return `Bản sao lưu gần nhất: ${ago(now - second.newestAt)}, trên ${second.path} (và trong thư mục dữ liệu)`;
  }
  if (local.newestAt !== null) return `Bản sao lưu gần nhất: ${ago(now - local.newestAt)}, trong thư mục dữ liệu ${local.path}`;
  return 'Chưa có bản sao lưu nào.';
}

export function problemText(p: BackupProblem): string {
  switch (p.kind) {
    case 'never':
      return 'Chưa có bản sao lưu nào. Hãy nhấn "Sao lưu ngay".';
    case 'stale': {
      const since = p.ageMs === Infinity ? null : durationWords(p.ageMs);
      if (p.where === 'local') return `Đã ${since ?? 'lâu'} không có bản sao lưu mới trong thư mục dữ liệu.`;
      return since === null
        ? 'Nơi sao lưu thứ hai chưa có bản sao lưu nào. Hãy nhấn "Sao lưu ngay" khi ổ đã cắm.'
        : `Nơi sao lưu thứ hai đã ${since} không nhận bản sao lưu mới. Hãy cắm ổ sao lưu để hub chép vào.`;
    }
    case 'second_missing':
      return `Không thấy nơi sao lưu thứ hai ${p.path} (ổ USB chưa cắm, hoặc ổ đĩa đã tháo). Bản sao lưu chỉ còn trên ổ đĩa của máy chủ: nếu ổ này hỏng sẽ mất dữ liệu.`;
    case 'second_not_set':
      return 'Chưa chọn nơi sao lưu thứ hai (ổ đĩa khác hoặc ổ USB): bản sao lưu đang nằm cùng ổ đĩa với dữ liệu.';
    case 'last_failed':
      return `Lần sao lưu gần nhất không thành công: ${p.message}`;
    case 'unreadable_sets':
      return `Không đọc được tệp mô tả (manifest.json) của ${p.sets.length} bản sao lưu trong ${p.path}: ${p.sets.map((s) => `${s.name} (${s.reason})`).join('; ')}. ${p.sets.length === 1 ? 'Bản này' : 'Các bản này'} được giữ nguyên, không bị xóa khi xoay vòng; hãy kiểm tra ổ đĩa và quyền truy cập thư mục.`;
  }
}
