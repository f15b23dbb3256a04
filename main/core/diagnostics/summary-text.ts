import { NOT_ELECTRON, updateHeadline } from '../../../contract/about-texts';
import type { DiagnosticsReport } from '../../../contract/diagnostics';
import { printerStateLabels, syncConnectionWords } from '../../../contract/status-texts';
import { formatVnDateTime } from '../vn-time';
import { bytesText } from './attention';

/** Names of the files in the bundle, for the summary's last section and the bundle itself. */
export const BUNDLE_FILES = { summary: 'tom-tat.txt', report: 'chan-doan.json', logs: 'nhat-ky/' } as const;

/** Row counts under the words a technician knows them by; tables not listed keep their own names. */
const tableWords: Readonly<Record<string, string>> = {
  tickets: 'số thứ tự', ticket_events: 'sự kiện số thứ tự', calls: 'lượt gọi', ratings: 'đánh giá', dossiers: 'hồ sơ',
  dossier_files: 'bản quét', print_jobs: 'lệnh in', outbox: 'sự kiện đồng bộ', audit_log: 'nhật ký thao tác', staff: 'cán bộ',
  devices: 'thiết bị', counters: 'quầy', services: 'dịch vụ', procedure_versions: 'phiên bản thủ tục', auth_sessions: 'phiên đăng nhập',
};

const jobStatusWords: Record<DiagnosticsReport['openPrintJobs'][number]['status'], string> = {
  queued: 'đang chờ in', printing: 'đang in', held: 'đang giữ lại', done: 'đã in', cancelled: 'đã hủy',
};

const at = (iso: string | null) => (iso ? formatVnDateTime(Date.parse(iso)) : 'chưa có');
const count = (n: number) => n.toLocaleString('vi-VN');

/** Short lines for Notepad, which does not wrap by default. */
function inRows<T>(items: readonly T[], perRow: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / perRow) }, (_, i) => items.slice(i * perRow, (i + 1) * perRow));
}

/** "3 ngày 4 giờ", "2 giờ 15 phút", "5 phút": how long something has been running. */
export function uptimeText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const [d, h, min] = [Math.floor(m / 1440), Math.floor((m % 1440) / 60), m % 60];
  if (d > 0) return `${d} ngày ${h} giờ`;
  if (h > 0) return `${h} giờ ${min} phút`;
  return `${min} phút`;
}

/**
 * `tom-tat.txt`: the bundle read by a person — a technician in the province opening it in
 * Notepad. What needs attention first, then the facts in the order they are usually asked for.
 */
export function summaryText(r: DiagnosticsReport): string {
  const { about, machine, storage, database, sync } = r;
  const v = about.runtime;
  const now = Date.parse(r.generatedAt);
  const lines: string[] = [
    'TÓM TẮT CHẨN ĐOÁN — MỘT CỬA',
    `Lập lúc: ${formatVnDateTime(now)} (giờ Việt Nam)`,
    `Đơn vị: ${about.site.name}`,
    `Mã đơn vị: ${about.site.agencyCode || 'chưa đặt'}; tỉnh, thành phố: ${about.site.province || 'chưa đặt'}`,
    '',
    'CẦN CHÚ Ý',
    ...(r.attention.length > 0 ? r.attention.map((p) => `  - ${p}`) : ['  Không thấy vấn đề nào.']),
    '',
    'PHẦN MỀM',
    `  Phiên bản: ${about.version}${about.build.date ? ` (bản dựng lúc ${at(about.build.date)}${about.build.commit ? `, commit ${about.build.commit}` : ''})` : ' (chạy từ mã nguồn)'}`,
    `  Node.js ${v.node}; Electron: ${v.electron ?? NOT_ELECTRON}; SQLite ${v.sqlite}; better-sqlite3 ${v.betterSqlite3 ?? 'không rõ'}`,
    `  Hệ điều hành: ${v.os}`,
    `  Cập nhật tự động: ${updateHeadline(about.update)}${about.update.kind === 'read' && about.update.status.checkedAt ? ` (kiểm tra lúc ${at(about.update.status.checkedAt)})` : ''}`,
    '',
    'MÁY CHỦ (HUB)',
    `  Tên máy: ${machine.hostname}; ${machine.cpus} CPU (${machine.cpuModel}); bộ nhớ trống ${bytesText(machine.memoryFreeBytes)} / ${bytesText(machine.memoryTotalBytes)}`,
    `  Địa chỉ mạng LAN: ${about.hubUrls.length > 0 ? about.hubUrls.join(', ') : 'chưa mở cổng mạng'}`,
    `  Thư mục dữ liệu: ${storage.dataDir ?? 'không có (chạy thử trong bộ nhớ)'}`,
    `  Dung lượng trống: ${storage.freeBytes !== null && storage.totalBytes !== null ? `${bytesText(storage.freeBytes)} / ${bytesText(storage.totalBytes)}` : `không đọc được${storage.error ? ` (${storage.error})` : ''}`}`,
    `  Hub đã chạy liên tục: ${uptimeText(machine.hubUptimeSeconds)} (máy tính: ${uptimeText(machine.osUptimeSeconds)}); hub dùng ${bytesText(machine.hubMemoryBytes)} bộ nhớ`,
    '',
    'CƠ SỞ DỮ LIỆU',
    `  Phiên bản cấu trúc: ${database.schemaVersion} (phần mềm này: ${database.codeSchemaVersion}); SQLite ${database.sqliteVersion}, ${database.journalMode}; kích thước ${bytesText(database.sizeBytes)}`,
    '  Số dòng:',
    ...inRows(Object.entries(database.rowCounts).map(([t, n]) => `${tableWords[t] ?? t} ${count(n)}`), 4).map((row) => `    ${row.join('; ')}`),
    '',
    'MÁY IN',
    ...(r.printers.length === 0
      ? ['  Chưa khai báo máy in.']
      : r.printers.flatMap((p) => [
          `  - ${p.printer.name}${p.printer.active ? '' : ' (đang tắt)'} — ${p.printer.address}`,
          `    Trạng thái: ${p.message ?? printerStateLabels[p.state]}`,
          `    ${p.queued} chờ in, ${p.held} đang giữ${p.checkedAt ? `; kiểm tra lúc ${at(p.checkedAt)}` : ''}`,
        ])),
    '',
    'LỆNH IN CHƯA XONG',
    ...(r.openPrintJobs.length === 0
      ? ['  Không có.']
      : r.openPrintJobs.map((j) => `  - ${j.title} (${j.printerName}), tạo lúc ${at(j.createdAt)}: ${jobStatusWords[j.status]}${j.attempts > 0 ? ` sau ${j.attempts} lần thử` : ''}${j.error ? ` — ${j.error}` : ''}`)),
    '',
    'ĐỒNG BỘ VỚI TỈNH',
    ...(sync.enrolled
      ? [
          `  Máy chủ tỉnh: ${sync.centralUrl ?? ''} (mã đơn vị ${sync.siteId ?? ''}): ${syncConnectionWords(sync.level, sync.offlineSince, now)}`,
          `  Chờ gửi: ${sync.pendingEvents} sự kiện${sync.oldestPendingAt ? ` (cũ nhất từ ${at(sync.oldestPendingAt)})` : ''}; lần thành công cuối: ${at(sync.lastSuccessAt)}`,
          ...(sync.lastError ? [`  Lỗi gần nhất (mã ${sync.lastError.code}): ${sync.lastError.message}`] : []),
          ...(sync.clockSkewSeconds !== null ? [`  Đồng hồ máy chủ lệch với tỉnh: ${sync.clockSkewSeconds} giây`] : []),
          ...(sync.rejections.length > 0 ? [`  Bị từ chối: ${sync.rejections.map((x) => `số ${x.seq} (${x.type}): ${x.message}`).join('; ')}`] : []),
        ]
      : ['  Đơn vị chưa kết nối với hệ thống của tỉnh.']),
    '',
    'NHẬT KÝ',
    `  Thư mục: ${r.logs.folder ?? 'không có'} (${r.logs.files.length} tệp, ${bytesText(r.logs.files.reduce((n, f) => n + f.bytes, 0))})`,
    ...r.logs.excerpts.map((e) => `  - ${BUNDLE_FILES.logs}${e.file}: ${e.cutAtStart ? `${e.linesIncluded} dòng cuối` : `cả tệp, ${e.linesIncluded} dòng`}, ${e.errorLines} dòng lỗi; ghi lần cuối lúc ${at(e.modifiedAt)}`),
    '',
    'TRONG GÓI NÀY',
    `  ${BUNDLE_FILES.summary} — bản tóm tắt này`,
    `  ${BUNDLE_FILES.report} — toàn bộ thông tin trên, cho máy đọc (định dạng ${r.format})`,
    `  ${BUNDLE_FILES.logs} — các dòng nhật ký cuối của máy chủ`,
    '  Gói này không chứa mật khẩu, mã xác thực, mã PIN hay thông tin cá nhân của công dân.',
  ];
  return `${lines.join('\n')}\n`;
}
