import { z } from 'zod';
import { parsePrinterAddress } from './printer-address';
import { Id, IsoTime } from './scalars';

export const PrinterRole = z.enum(['ticket', 'receipt', 'a4']);
export type PrinterRole = z.infer<typeof PrinterRole>;

/**
 * A printer as site configuration. `address` is how the hub reaches it (contract/printer-address.ts):
 *   `tcp://192.168.1.50:9100`, `serial:/dev/ttyUSB0?baud=115200&flow=rtscts` (or `serial:COM3?…`),
 *   a printer device (`/dev/usb/lp0`, `LPT1`, `\\PC\Printer`), or `os:<name>` for an A4 printer of the
 *   operating system (printed through the Electron shell or the browser's print dialog). Never a file.
 */
export const Printer = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  role: PrinterRole,
  address: z
    .string()
    .min(1)
    .max(300)
    .superRefine((a, ctx) => {
      const parsed = parsePrinterAddress(a);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
  paper: z.enum(['58mm', '80mm']),
  /** 'tm-t88' prints 512 dots wide instead of 576 on 80 mm paper. */
  model: z.enum(['generic', 'tm-t88']),
  /** 'raster' works on every printer; 'epson-tcvn3' is faster on genuine Epson TM printers only. */
  textMode: z.enum(['raster', 'epson-tcvn3']),
  cut: z.boolean(),
  beep: z.boolean(),
  /** The kiosk this ticket printer belongs to; null = every kiosk without a printer of its own. */
  deviceId: Id.nullable(),
  /** The counter this receipt printer stands at; null = any counter without one. */
  counterId: Id.nullable(),
  active: z.boolean(),
});
export type Printer = z.infer<typeof Printer>;

/**
 * `unconfirmed`: the last job went out but the printer did not confirm taking it (see the held job);
 * `one_way`: a device written like a file (USB, LPT, shared printer) cannot report paper or cover.
 */
export const PrinterState = z.enum(['ok', 'paper_near_end', 'paper_out', 'cover_open', 'offline', 'cutter_error', 'unreachable', 'unconfirmed', 'one_way', 'unknown']);
export type PrinterState = z.infer<typeof PrinterState>;

export const PrinterLive = z.object({
  printer: Printer,
  state: PrinterState,
  /** Vietnamese, for staff; null when all is well. */
  message: z.string().nullable(),
  checkedAt: IsoTime.nullable(),
  queued: z.int(),
  held: z.int(),
});

export const PrintJobStatus = z.enum(['queued', 'printing', 'held', 'done', 'cancelled']);
export type PrintJobStatus = z.infer<typeof PrintJobStatus>;

export const PrintJob = z.object({
  id: Id,
  printerId: Id,
  printerName: z.string(),
  /** `checklist`: the papers of a procedure a citizen prints at the kiosk. */
  kind: z.enum(['ticket', 'receipt', 'test', 'checklist']),
  /** What staff see in the list, e.g. "Phiếu số A015". */
  title: z.string(),
  status: PrintJobStatus,
  attempts: z.int(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  /** Held because nobody knows whether it came out (interrupted, not confirmed): staff reprint it or record it as printed. */
  outcomeUnknown: z.boolean(),
  createdAt: IsoTime,
  printedAt: IsoTime.nullable(),
  ticketId: Id.nullable(),
});
export type PrintJob = z.infer<typeof PrintJob>;

/** An address printed in a QR code: ASCII, since printers' QR commands and cheap scanners mangle anything else. */
const QrAddress = z
  .string()
  .url()
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'Địa chỉ tra cứu chỉ được dùng chữ không dấu (mã QR trên phiếu không chứa được chữ có dấu); hãy dùng dạng mã hóa %xx.')
  .nullable();

/** Site-wide printing text, set by the admin. */
export const PrintingSettings = z.object({
  ticketFooter: z.string().max(200),
  /**
   * Base of the citizen pages the QR codes open (a name on the site's Wi-Fi for the hub's `/q/` and
   * `/tra-cuu`); null = the hub's own address on the LAN (main/core/citizen-links.ts).
   */
  lookupBaseUrl: QrAddress,
  /**
   * The public address of the province's central (its `/tra-cuu` page), which the province gives
   * its sites: when set, a receipt's QR opens the dossier's status there, from anywhere and while
   * the site is offline; null = the same address as the ticket's. Tickets keep the hub's address:
   * the live queue is only on the hub.
   */
  provinceLookupUrl: QrAddress,
});
export type PrintingSettings = z.infer<typeof PrintingSettings>;

/** A serial (USB-CDC) QR scanner on the hub PC, and the counter whose screen receives its scans. */
export const ScannerConfig = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  /** `/dev/ttyACM0`, `COM4`… */
  path: z.string().min(1).max(200),
  baudRate: z.int().min(1200).max(921_600),
  counterId: Id,
});
export type ScannerConfig = z.infer<typeof ScannerConfig>;
