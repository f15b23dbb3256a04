import { HubError } from '../../contract/errors';
import { parsePrinterAddress } from '../../contract/printer-address';
import type { Printer, PrinterState, PrintJobStatus } from '../../contract/printing';

/**
 * Why a job did not print, as a stable code and the Vietnamese message staff see. One list for
 * the device layer (which raises them) and the queue (which shows them).
 */
export const printerProblemMessages = {
  PRINTER_UNREACHABLE: 'Không kết nối được với máy in. Kiểm tra nguồn điện, cáp mạng hoặc cáp USB/COM của máy in.',
  PRINTER_TIMEOUT: 'Máy in không phản hồi. Kiểm tra máy in rồi in lại.',
  PRINTER_OFFLINE: 'Máy in đang tạm dừng (offline). Kiểm tra máy in rồi in lại.',
  PRINTER_PAPER_OUT: 'Máy in hết giấy. Thay cuộn giấy mới rồi in lại.',
  PRINTER_COVER_OPEN: 'Nắp máy in đang mở. Đóng nắp rồi in lại.',
  PRINTER_CUTTER_ERROR: 'Dao cắt giấy của máy in bị kẹt. Tắt máy in, gỡ giấy kẹt rồi bật lại.',
  PRINTER_BAD_STATUS: 'Máy in trả về trạng thái không đọc được. Kiểm tra cấu hình cổng máy in.',
  /** The hub stopped while this job was being sent: it may or may not have come out. */
  PRINT_INTERRUPTED: 'Máy chủ bị tắt khi đang in phiếu này: không rõ phiếu đã ra hay chưa. Kiểm tra rồi in lại nếu chưa ra, hoặc chọn "Đã ra giấy" nếu phiếu đã ra.',
  /**
   * The bytes went out but the printer did not answer "ready" after them (jammed, hung, switched
   * off mid-job): the ticket may be missing, partly printed, or fine.
   */
  PRINT_NOT_CONFIRMED: 'Máy in không xác nhận đã in xong phiếu này. Xem phiếu đã ra chưa: nếu chưa ra hoặc bị lỗi, kiểm tra máy in rồi in lại; nếu đã ra đủ, chọn "Đã ra giấy".',
  /** A bug in the hub while laying out the job; the log has the details under the job's id. */
  PRINT_RENDER_FAILED: 'Lỗi phần mềm khi tạo nội dung phiếu này (đã ghi vào nhật ký của máy chủ). Báo quản trị viên; các phiếu khác vẫn in bình thường.',
  /** Something in the hub failed before the first byte (the database refused a write…); logged, retried. */
  PRINT_FAILED: 'Máy chủ gặp lỗi khi gửi phiếu này (đã ghi vào nhật ký). Hệ thống tự thử lại; nếu lỗi kéo dài, báo quản trị viên.',
  PRINTER_ADDRESS_REFUSED: 'Địa chỉ máy in không được phép (không phải là máy in). Quản trị viên cần sửa địa chỉ máy in trong mục Máy in.',
  PRINTER_NOT_SUPPORTED: 'Máy in A4 của hệ điều hành chỉ in được từ màn hình quầy (hộp thoại in).',
} as const;
export type PrinterProblem = keyof typeof printerProblemMessages;

/**
 * Jobs only staff can settle: whether the paper came out (interrupted, not confirmed) or a bug
 * (render failed). They are set aside — the jobs behind them print — and never resent by themselves:
 * sending blindly could print a ticket twice.
 */
export const staffDecides: readonly PrinterProblem[] = ['PRINT_INTERRUPTED', 'PRINT_NOT_CONFIRMED', 'PRINT_RENDER_FAILED'];

/** Problems that clear by themselves or when someone fixes the printer: the queue retries them. */
const selfClearing: readonly PrinterProblem[] = [
  'PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_OFFLINE', 'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN', 'PRINTER_CUTTER_ERROR', 'PRINT_FAILED',
];
export function retriesByItself(code: string | null): boolean {
  return code !== null && (selfClearing as readonly string[]).includes(code);
}

const stateOfProblem: Partial<Record<PrinterProblem, PrinterState>> = {
  PRINTER_UNREACHABLE: 'unreachable',
  PRINTER_TIMEOUT: 'unreachable',
  PRINTER_OFFLINE: 'offline',
  PRINTER_PAPER_OUT: 'paper_out',
  PRINTER_COVER_OPEN: 'cover_open',
  PRINTER_CUTTER_ERROR: 'cutter_error',
  PRINTER_ADDRESS_REFUSED: 'unreachable',
  PRINT_NOT_CONFIRMED: 'unconfirmed',
};

/** Printer states that are not a problem in themselves: ready, a one-way device, not yet checked. */
const calmPrinterStates: readonly PrinterState[] = ['ok', 'one_way', 'unknown'];

/** Whether someone should look at an active printer: a state that is a problem, or jobs held back. */
export function printerNeedsAttention(p: { active: boolean; state: PrinterState; held: number }): boolean {
  return p.active && (!calmPrinterStates.includes(p.state) || p.held > 0);
}

/** What a one-way printer's state says: we can send, never read back. */
export const ONE_WAY_MESSAGE = 'Máy in nối một chiều (USB, LPT, máy in chia sẻ): không đọc được trạng thái giấy, nắp; phiếu được gửi đi nhưng không được máy in xác nhận.';

/**
 * The printer's state as staff see it, from the problem found (or none) and the paper sensor;
 * `paperNearEnd` null = the link cannot read status at all (one-way).
 */
export function printerState(problem: string | null, paperNearEnd: boolean | null): { state: PrinterState; message: string | null } {
  if (problem === null) {
    if (paperNearEnd === null) return { state: 'one_way', message: ONE_WAY_MESSAGE };
    return paperNearEnd ? { state: 'paper_near_end', message: 'Giấy sắp hết: chuẩn bị cuộn giấy mới.' } : { state: 'ok', message: null };
  }
  const known = problem in printerProblemMessages ? (problem as PrinterProblem) : null;
  return { state: (known && stateOfProblem[known]) ?? 'unknown', message: known ? printerProblemMessages[known] : problem };
}

/** Waits between attempts on a failing printer: quick at first (someone just closed the cover), then every minute. */
export function retryDelayMs(attempt: number): number {
  const steps = [2_000, 5_000, 10_000, 20_000, 30_000];
  return steps[Math.min(attempt, steps.length) - 1] ?? 60_000;
}

/** The kiosk's own ticket printer, else the shared one. */
export function ticketPrinterFor(printers: readonly Printer[], deviceId: string | null): Printer | null {
  const usable = printers.filter((p) => p.active && p.role === 'ticket');
  return usable.find((p) => deviceId !== null && p.deviceId === deviceId) ?? usable.find((p) => p.deviceId === null) ?? null;
}

/** The counter's own receipt printer, else the shared one. */
export function receiptPrinterFor(printers: readonly Printer[], counterId: string | null): Printer | null {
  const usable = printers.filter((p) => p.active && p.role === 'receipt');
  return usable.find((p) => counterId !== null && p.counterId === counterId) ?? usable.find((p) => p.counterId === null) ?? null;
}

/**
 * The operating-system printer the legal A4 forms print on without a dialog: the first active A4
 * printer with an `os:<name>` address. null = none set, so the shell shows the system's print dialog.
 */
export function a4SystemPrinterName(printers: readonly Printer[]): string | null {
  for (const p of printers) {
    if (!p.active || p.role !== 'a4') continue;
    const parsed = parsePrinterAddress(p.address);
    if (parsed.ok && parsed.address.kind === 'os') return parsed.address.name;
  }
  return null;
}

/** A held job nobody knows came out or not (interrupted, not confirmed by the printer): only a person looking at the paper can settle it. */
export function outcomeUnknown(status: PrintJobStatus, errorCode: string | null): boolean {
  return status === 'held' && (errorCode === 'PRINT_INTERRUPTED' || errorCode === 'PRINT_NOT_CONFIRMED');
}

/**
 * What staff may do with a print job: send a held one again; cancel one not yet printing; record
 * that a job whose outcome was unknown did come out.
 */
export function checkPrintJobStep(status: PrintJobStatus, errorCode: string | null, step: 'retry' | 'cancel' | 'markPrinted'): void {
  if (step === 'retry' && status !== 'held') throw new HubError('CONFLICT', 'Chỉ in lại được lệnh in đang bị giữ.');
  if (step === 'cancel' && status !== 'held' && status !== 'queued') throw new HubError('CONFLICT', 'Lệnh in này đã in xong hoặc đang in.');
  if (step === 'markPrinted' && !outcomeUnknown(status, errorCode)) throw new HubError('CONFLICT', 'Chỉ ghi nhận "đã ra giấy" cho lệnh in đang giữ vì chưa xác nhận được phiếu đã ra.');
}
