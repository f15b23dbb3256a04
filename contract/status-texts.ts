import type { SyncLevel } from './ops';
import type { PrinterState } from './printing';

/**
 * Words for printer and sync states, one copy for the screens (printers, sync facts) and the
 * diagnostics summary a technician reads: the page and the file say the same thing.
 */
export const printerStateLabels: Record<PrinterState, string> = {
  ok: 'Sẵn sàng',
  paper_near_end: 'Giấy sắp hết',
  paper_out: 'Hết giấy',
  cover_open: 'Nắp đang mở',
  offline: 'Đang tạm dừng',
  cutter_error: 'Kẹt dao cắt',
  unreachable: 'Không kết nối được',
  unconfirmed: 'Chưa xác nhận lệnh in vừa gửi',
  one_way: 'Không đọc được trạng thái',
  unknown: 'Chưa kiểm tra',
};

/** The connection with the province; offline levels are said with how long (see offline words). */
export const syncConnectionLabels: Record<Exclude<SyncLevel, 'offline' | 'offline_long'>, string> = {
  not_enrolled: 'Chưa kết nối',
  connecting: 'Đang kết nối…',
  online: 'Đang kết nối',
  conflict: 'Có xung đột dữ liệu',
};

/** "dưới 1 phút", "5 phút", "3 giờ", "2 ngày": how long, in words. */
export function durationWords(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'dưới 1 phút';
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} giờ`;
  return `${Math.floor(hours / 24)} ngày`;
}

/** "nhanh hơn giờ của máy chủ tỉnh 7 phút": the hub's clock against the central's (central minus hub, in seconds). */
export function skewWords(seconds: number): string {
  return `${seconds < 0 ? 'nhanh hơn' : 'chậm hơn'} giờ của máy chủ tỉnh ${durationWords(Math.abs(seconds) * 1000)}`;
}

/** "Mất kết nối đã 2 giờ": how long the central has not been reached. */
export function offlineWords(offlineSince: string | null, now: number): string {
  const ms = offlineSince ? now - Date.parse(offlineSince) : 0;
  return ms < 60_000 ? 'Mất kết nối' : `Mất kết nối đã ${durationWords(ms)}`;
}

/** The connection in words, offline with its length. */
export function syncConnectionWords(level: SyncLevel, offlineSince: string | null, now: number): string {
  return level === 'offline' || level === 'offline_long' ? offlineWords(offlineSince, now) : syncConnectionLabels[level];
}
