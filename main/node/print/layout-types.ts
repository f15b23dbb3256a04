/**
 * The printing model: a document is a plain list of blocks (data, not code), so layouts can be
 * stored, tested and previewed without a printer. `render` turns it into device-level items for one
 * printer profile; `encode` and `preview` both consume that one rendering.
 */

export type Align = 'left' | 'center' | 'right';

/** How a Vietnamese `line` reaches paper. `raster` works on every printer; see printing.md. */
export type TextMode = 'raster' | 'epson-tcvn3';

export type LineSize = 'small' | 'normal' | 'large';

export type Block =
  /** Any text, Vietnamese included; wrapped to the paper width. */
  | { kind: 'line'; text: string; align?: Align; size?: LineSize; bold?: boolean }
  /** An entry of a list, left-aligned: the marker ("1.") hangs, wrapped lines start under the text. */
  | { kind: 'item'; marker: string; text: string; size?: LineSize }
  /** ASCII text in the printer's own font magnified by `GS !` (the ticket number): small and sharp. */
  | { kind: 'big'; text: string; align?: Align; bold?: boolean; maxScale?: number }
  /** An ASCII payload printed as a native QR (`GS ( k`). */
  | { kind: 'qr'; payload: string; align?: Align; errorLevel?: QrErrorLevel }
  | { kind: 'separator' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' }
  | { kind: 'beep' };

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export type PrintDocument = readonly Block[];

export type PaperWidth = '58mm' | '80mm';

export interface PrinterProfile {
  /** Printable width in dots at 203 dpi: 384 (58 mm), 576 (80 mm) or 512 (TM-T88 profile). */
  readonly widthDots: number;
  readonly textMode: TextMode;
  /** Upper bound for a QR module in dots; render shrinks it if the code would not fit. */
  readonly qrModuleDots: number;
  /** Cut with a small hinge left (most kiosks) or a full cut. */
  readonly cut: 'partial' | 'full';
}

export interface TicketPrintData {
  readonly siteName: string;
  /** The site runs on sample data: the slip is marked. Absent on jobs queued before the mark existed. */
  readonly sampleData?: boolean;
  /** ASCII, e.g. "A015". */
  readonly displayCode: string;
  readonly serviceName: string;
  /** A category label only ("Người cao tuổi"), never health details; null for a normal ticket. */
  readonly priorityLabel?: string | null;
  /** A checked-in booking's slot time ("09:00"), printed as "Hẹn 09:00"; absent or null for a walk-in. */
  readonly appointmentTime?: string | null;
  readonly peopleAhead: number;
  /** From the wait estimate, e.g. "khoảng 15–20 phút", or the words saying no counter is open. */
  readonly waitText: string;
  /** No counter serves the service: `waitText` is a sentence of its own, not a duration. Absent on older jobs. */
  readonly noCounter?: boolean;
  /** Epoch milliseconds; printed in Vietnam time. */
  readonly issuedAt: number;
  /** ASCII, e.g. a status-lookup URL; no QR when absent. */
  readonly qrPayload?: string;
  /** Set by the site admin. */
  readonly footer?: string;
}

/** The procedure checklist printed at the kiosk: what main/core/kiosk-procedure.ts words, and when. */
export interface ChecklistPrintData {
  readonly siteName: string;
  readonly sampleData: boolean;
  readonly procedureName: string;
  readonly papers: readonly { readonly name: string; readonly howMany: string }[];
  readonly fees: readonly string[];
  readonly processing: string;
  readonly result: string;
  readonly submitAt: string;
  /** Epoch milliseconds: the catalogue changes, so the paper says when it was true. */
  readonly at: number;
}

export interface ReceiptSlipData {
  readonly siteName: string;
  /** The site runs on sample data: the slip is marked. Absent on jobs queued before the mark existed. */
  readonly sampleData?: boolean;
  readonly dossierCode: string;
  readonly applicantName: string;
  readonly procedureName: string;
  /** Epoch milliseconds. */
  readonly receivedAt: number;
  /** Epoch milliseconds of the appointment to collect the result. */
  readonly returnAt: number;
  readonly lookupCode: string;
  /**
   * The papers received, as Mẫu 01 words them ("Tờ khai đăng ký khai sinh (Bản chính: 01)"). Absent
   * on slips queued before the list was printed.
   */
  readonly papers?: readonly string[];
  /** ASCII; defaults to the compact receipt QR (`MC1|dossier|lookup`). */
  readonly qrPayload?: string;
}

export interface TestPageData {
  readonly siteName: string;
  readonly printerName: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface LayoutOptions {
  /** Sound the buzzer when the ticket is out (kiosks in noisy halls). */
  readonly beep?: boolean;
  /** false for printers without a cutter: feed instead. */
  readonly cut?: boolean;
}
