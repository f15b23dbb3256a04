import { PrinterError } from './printer-error';
import { readStatus, statusProblem, type PrinterStatus } from './printer-status';
import type { PrinterLink, PrinterTransport } from './transport';

export interface PrintJobOptions {
  /**
   * Called once the printer has said it can print, right before the first byte goes out: the
   * moment the job becomes "printing" for good. A power cut before it leaves the job queued (it
   * prints after the restart); after it, staff decide (it may have come out).
   */
  readonly beforeFirstByte?: () => Promise<void>;
  /**
   * How long the printer may take to read the whole job and answer the question after it. A
   * printer reads its input as it prints, so this covers printing most of a long slip. A serial
   * line's own time for the job is added (PrinterLink.lineMs).
   */
  readonly confirmTimeoutMs?: number;
}

const DEFAULT_CONFIRM_MS = 15_000;

/** The printer's status over a two-way link; null on a one-way link, which cannot tell. */
export async function readPrinterStatus(transport: PrinterTransport): Promise<PrinterStatus | null> {
  if (!transport.twoWay) return null;
  const link = await transport.open();
  try {
    return await readStatus(asker(link));
  } finally {
    await link.close().catch(() => undefined);
  }
}

/**
 * Sends one job and finds out whether the printer took it:
 * 1. two-way links: ask the status first — a ticket must not vanish into a printer with its cover
 *    open or out of paper (PrinterError with that problem; nothing was sent);
 * 2. `beforeFirstByte`, then the bytes;
 * 3. two-way links: ask again on the same link. An ESC/POS printer answers `DLE EOT` when it reads
 *    it, i.e. only after it has read every byte of the job before it; a timely "ready" is the
 *    confirmation. A jammed or hung printer leaves the job in the socket buffers and never answers.
 * Anything that goes wrong after the first byte is PRINT_NOT_CONFIRMED: the ticket may or may not
 * have come out, which only a person can see. Resolves with the status after the job, or null on a
 * one-way link (sent, but nothing can confirm it).
 */
export async function printJob(transport: PrinterTransport, bytes: Uint8Array, options: PrintJobOptions = {}): Promise<PrinterStatus | null> {
  const link = await transport.open();
  let sent = false;
  try {
    const ask = link.ask ? asker(link) : null;
    if (ask) {
      const problem = statusProblem(await readStatus(ask));
      if (problem) throw problem;
    }
    await options.beforeFirstByte?.();
    sent = true;
    await link.write(bytes);
    if (!ask) {
      await link.close();
      return null;
    }
    const after = await readStatus(asker(link, (options.confirmTimeoutMs ?? DEFAULT_CONFIRM_MS) + (link.lineMs?.(bytes.length) ?? 0)));
    const problem = statusProblem(after);
    if (problem) throw new PrinterError('PRINT_NOT_CONFIRMED', `after the job: ${problem.code}`);
    await link.close();
    return after;
  } catch (e) {
    await link.abort().catch(() => undefined);
    if (!sent || (e instanceof PrinterError && e.code === 'PRINT_NOT_CONFIRMED')) throw e;
    throw new PrinterError('PRINT_NOT_CONFIRMED', e instanceof PrinterError ? `${e.code}: ${e.detail ?? ''}` : String(e));
  }
}

function asker(link: PrinterLink, timeoutMs?: number): (query: Buffer) => Promise<number> {
  return (query) => link.ask!(query, timeoutMs);
}
