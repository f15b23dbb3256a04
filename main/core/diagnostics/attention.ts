import { updateHeadline } from '../../../contract/about-texts';
import type { DiagnosticsReport } from '../../../contract/diagnostics';
import { durationWords, offlineWords, printerStateLabels } from '../../../contract/status-texts';
import { printerNeedsAttention } from '../printing-rules';
import { formatVnDateTime } from '../vn-time';

export type ReportFacts = Omit<DiagnosticsReport, 'attention'>;

/** Below this much free space on the data disk, the bundle says so (a day's scans can take hundreds of MB). */
export const LOW_DISK_BYTES = 1024 ** 3;

/** "850 MB", "12,3 GB": sizes as a Vietnamese reader writes them (decimal comma). */
export function bytesText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace('.', ',')} ${units[unit]}`;
}

/** Ends a point with a full stop unless its last words already end one (a printer's message does). */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * What the hub itself finds wrong, most urgent first, in words a technician acts on: the disk,
 * printers and their held jobs, the sync with the province, the updater, errors in the log.
 */
export function attentionPoints(r: ReportFacts, now: number): string[] {
  const points: string[] = [];
  const { storage, sync } = r;
  if (storage.health.level === 'disk_full') {
    points.push(`Ổ đĩa dữ liệu đã đầy${storage.health.since ? ` từ ${formatVnDateTime(Date.parse(storage.health.since))}` : ''}: không lưu được số thứ tự, hồ sơ hay thao tác mới.`);
  } else if (storage.freeBytes !== null && storage.freeBytes < LOW_DISK_BYTES) {
    points.push(`Ổ đĩa dữ liệu chỉ còn ${bytesText(storage.freeBytes)} trống.`);
  }
  if (storage.error) points.push(`Không đọc được dung lượng trống của ổ đĩa dữ liệu: ${storage.error}`);

  for (const p of r.printers) {
    // Held jobs are counted together below, not per printer.
    if (!printerNeedsAttention({ active: p.printer.active, state: p.state, held: 0 })) continue;
    points.push(sentence(`Máy in "${p.printer.name}": ${p.message ?? printerStateLabels[p.state]}`));
  }
  const held = r.openPrintJobs.filter((j) => j.status === 'held');
  const unknown = held.filter((j) => j.outcomeUnknown).length;
  if (held.length > 0) {
    points.push(`${held.length} lệnh in đang bị giữ lại${unknown > 0 ? `, trong đó ${unknown} lệnh chờ cán bộ xác nhận đã ra giấy hay in lại` : ''}.`);
  }

  if (sync.level === 'conflict') {
    points.push(`Đồng bộ với tỉnh đang dừng: ${sync.conflict?.message ?? 'xung đột số thứ tự sự kiện'}. Quản trị viên cần bắt đầu luồng mới (Quản trị → Đồng bộ với tỉnh).`);
  } else if (sync.level === 'offline' || sync.level === 'offline_long') {
    points.push(sentence(`Đồng bộ với tỉnh: ${offlineWords(sync.offlineSince, now).toLowerCase()}, ${sync.pendingEvents} sự kiện chờ gửi${sync.lastError ? `. Lỗi gần nhất: ${sync.lastError.message}` : ''}`));
  }
  if (sync.rejections.length > 0) points.push(`${sync.rejections.length} sự kiện bị máy chủ tỉnh từ chối.`);
  if (sync.clockSkewWarning && sync.clockSkewSeconds !== null) {
    points.push(`Đồng hồ máy chủ lệch ${durationWords(Math.abs(sync.clockSkewSeconds) * 1000)} so với máy chủ tỉnh: giờ in trên giấy tờ có thể sai.`);
  }

  const update = r.about.update;
  if (update.kind === 'unreadable' || (update.kind === 'read' && update.status.state === 'error')) points.push(sentence(`Cập nhật tự động: ${updateHeadline(update)}`));

  const errors = r.logs.excerpts.reduce((n, e) => n + e.errorLines, 0);
  if (errors > 0) points.push(`${errors} dòng lỗi trong nhật ký gần đây (xem thư mục nhat-ky trong gói này).`);
  return points;
}
