/**
 * Why an update check, download or install did not happen: a stable code for programs (the hub's
 * about page, the diagnostics bundle) and a Vietnamese message for the admin or the provincial
 * technician, saying what to do. Written to `<data>/update-status.json` (contract/update-status.ts).
 */
export const updateErrorCodes = [
  // The updater is off, and says why (state `disabled`).
  'UPDATE_NOT_CONFIGURED',
  'UPDATE_CONFIG_INVALID',
  'UPDATE_NO_TRUSTED_KEY',
  'UPDATE_NOT_PACKAGED',
  // A check failed; the next one comes by itself.
  'UPDATE_SERVER_UNREACHABLE',
  'UPDATE_SERVER_ERROR',
  'UPDATE_CHANNEL_NOT_FOUND',
  // What the provincial server published is refused.
  'UPDATE_SIGNATURE_MISSING',
  'UPDATE_SIGNATURE_INVALID',
  'UPDATE_METADATA_INVALID',
  'UPDATE_CHECKSUM_MISMATCH',
  // Download or install trouble on this PC.
  'UPDATE_DOWNLOAD_FAILED',
  'UPDATE_INSTALL_FAILED',
  'UPDATE_FAILED',
] as const;
export type UpdateErrorCode = (typeof updateErrorCodes)[number];

export class UpdateError extends Error {
  constructor(
    readonly code: UpdateErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpdateError';
  }
}

const retryLater = 'Máy sẽ tự thử lại sau.';

/** Network failures of Node and of Chromium (Electron's net module), by their codes. */
const unreachableCodes = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_\w+|ABORT_ERR|TimeoutError|ERR_(CONNECTION|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|NETWORK_CHANGED|TIMED_OUT)\w*)$/;

export function unreachable(url: string, cause: unknown): UpdateError {
  return new UpdateError('UPDATE_SERVER_UNREACHABLE', `Không kết nối được máy chủ cập nhật của tỉnh (${url}): ${describe(cause)}. ${retryLater}`, { cause });
}

/**
 * An error from electron-updater (download, sha512 check, installer) or from our own steps, as
 * one UpdateError. electron-updater marks its errors with `code` (ERR_CHECKSUM_MISMATCH,
 * ERR_UPDATER_INVALID_SIGNATURE …); an HTTP failure carries `statusCode`.
 */
export function toUpdateError(e: unknown, during: 'download' | 'install'): UpdateError {
  if (e instanceof UpdateError) return e;
  const code = codeOf(e);
  if (code === 'ERR_CHECKSUM_MISMATCH') {
    return new UpdateError('UPDATE_CHECKSUM_MISMATCH', 'Tệp cài đặt tải về không khớp mã SHA-512 mà tỉnh đã ký: tệp trên máy chủ đã bị thay hoặc hỏng. Đã bỏ tệp, không cài. Báo kỹ thuật viên của tỉnh kiểm tra thư mục cập nhật.', { cause: e });
  }
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') {
    return new UpdateError('UPDATE_SIGNATURE_INVALID', `Tệp cài đặt tải về không mang chữ ký số của nhà phát hành (${describe(e)}). Không cài.`, { cause: e });
  }
  if (code !== null && unreachableCodes.test(code)) return unreachable('tệp cài đặt', e);
  const status = statusOf(e);
  if (status !== null) {
    return new UpdateError('UPDATE_SERVER_ERROR', `Máy chủ cập nhật trả lời lỗi HTTP ${status} khi tải tệp cài đặt. ${retryLater}`, { cause: e });
  }
  if (during === 'install') {
    return new UpdateError('UPDATE_INSTALL_FAILED', `Không chạy được trình cài đặt bản cập nhật: ${describe(e)}. Xem nhật ký (logs).`, { cause: e });
  }
  return new UpdateError('UPDATE_DOWNLOAD_FAILED', `Tải bản cập nhật không xong: ${describe(e)}. ${retryLater}`, { cause: e });
}

export function codeOf(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const own = (e as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const name = (e as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'TimeoutError';
  // fetch() wraps the socket's error: `TypeError: fetch failed` with the real one as its cause.
  return codeOf((e as { cause?: unknown }).cause);
}

function statusOf(e: unknown): number | null {
  const status = typeof e === 'object' && e !== null ? (e as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : null;
}

export function describe(e: unknown): string {
  const code = codeOf(e);
  const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return code !== null && !message.includes(code) ? `${message} (${code})` : message;
}
