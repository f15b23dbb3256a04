import type { UpdateFileView } from './about';
import type { UpdateState } from './update-status';

/**
 * Words for the "about" facts, one copy for the page (renderer) and the diagnostics summary a
 * technician reads (tom-tat.txt): both must say the same thing about the same file.
 */
export const updateStateLabels: Record<UpdateState, string> = {
  disabled: 'Đang tắt',
  idle: 'Đang dùng phiên bản mới nhất',
  checking: 'Đang kiểm tra phiên bản mới',
  downloading: 'Đang tải phiên bản mới',
  ready: 'Phiên bản mới đã tải xong, sẽ được cài khi khởi động lại ứng dụng',
  error: 'Lỗi',
};

/** A headless hub has no updater, hence no status file. */
export const NO_UPDATER = 'Không có (máy chủ chạy không có giao diện Electron)';

export const NOT_ELECTRON = 'không chạy trong Electron';

/** The automatic update in one sentence, said after "Cập nhật tự động:" (times are added by each side in its own format). */
export function updateHeadline(view: UpdateFileView): string {
  if (view.kind === 'absent') return NO_UPDATER;
  if (view.kind === 'unreadable') return `Không đọc được tệp trạng thái: ${view.message}`;
  const s = view.status;
  const v = s.availableVersion;
  if (s.state === 'downloading' && v) return `Đang tải phiên bản ${v}`;
  if (s.state === 'ready' && v) return `Phiên bản ${v} đã tải xong, sẽ được cài khi khởi động lại ứng dụng`;
  if (s.state === 'error' && s.error) return `Lỗi (mã ${s.error.code}): ${s.error.message}`;
  if (s.state === 'disabled' && s.channelUrl === null) return 'Đang tắt (chưa đặt nguồn cập nhật)';
  return updateStateLabels[s.state];
}
