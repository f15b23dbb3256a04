import { printerProblemMessages, type PrinterProblem } from '../../core/printing-rules';

/**
 * Why a job did not print, as a stable code for programs (the hub keeps the job queued and shows
 * staff the message) and a Vietnamese message for the person at the counter. The codes and
 * messages are the core's list (main/core/printing-rules.ts).
 */
export type PrinterErrorCode = PrinterProblem;

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  /** The transport's own error code or description, for the log (never shown to citizens). */
  readonly detail: string | undefined;
  constructor(code: PrinterErrorCode, detail?: string) {
    super(printerProblemMessages[code]);
    this.name = 'PrinterError';
    this.code = code;
    this.detail = detail;
  }
}
