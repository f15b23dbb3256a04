/**
 * Why a job did not print, as a stable code for programs (the hub keeps the job queued and shows
 * staff the message) and a Vietnamese message for the person at the counter.
 */
export const printerErrorMessages = {
  PRINTER_UNREACHABLE: 'Không kết nối được với máy in. Kiểm tra nguồn điện, cáp mạng hoặc cáp USB/COM của máy in.',
  PRINTER_TIMEOUT: 'Máy in không phản hồi. Kiểm tra máy in rồi in lại.',
  PRINTER_OFFLINE: 'Máy in đang tạm dừng (offline). Kiểm tra máy in rồi in lại.',
  PRINTER_PAPER_OUT: 'Máy in hết giấy. Thay cuộn giấy mới rồi in lại.',
  PRINTER_COVER_OPEN: 'Nắp máy in đang mở. Đóng nắp rồi in lại.',
  PRINTER_CUTTER_ERROR: 'Dao cắt giấy của máy in bị kẹt. Tắt máy in, gỡ giấy kẹt rồi bật lại.',
  PRINTER_BAD_STATUS: 'Máy in trả về trạng thái không đọc được. Kiểm tra cấu hình cổng máy in.',
} as const;

export type PrinterErrorCode = keyof typeof printerErrorMessages;

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  /** The transport's own error code or description, for the log (never shown to citizens). */
  readonly detail: string | undefined;
  constructor(code: PrinterErrorCode, detail?: string) {
    super(printerErrorMessages[code]);
    this.name = 'PrinterError';
    this.code = code;
    this.detail = detail;
  }
}
