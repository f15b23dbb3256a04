import type { Printer, PrinterState } from '../../../contract/printing';
import { printerProblemMessages, printerState, retriesByItself, retryDelayMs } from '../../core/printing-rules';
import type { JobRow } from '../db/print-store';
import type { PrintStore } from '../db/print-store';
import type { WriteQueue } from '../db/write-queue';
import type { HubBus } from '../hub/bus';
import type { Logger } from '../../../common/node/logger';
import { encode } from './encode';
import type { LayoutOptions, ReceiptSlipData, TestPageData, TicketPrintData } from './layout-types';
import { receiptSlipDocument, testPageDocument, ticketDocument } from './layouts';
import { PrinterError } from './printer-error';
import { printerProfile } from './profiles';
import { openPrinterTransport, printJob, type PrinterTransport } from './transport';

export interface SpoolerOptions {
  /** How often two-way printers are asked for their status while idle. */
  readonly statusIntervalMs?: number;
  readonly retryDelay?: (attempt: number) => number;
  readonly openTransport?: (address: string) => PrinterTransport;
}

interface Live {
  state: PrinterState;
  message: string | null;
  checkedAt: number | null;
}

/** The bytes of a job for a printer, rendered now (so a corrected paper width applies to a reprint). */
export function renderJob(job: Pick<JobRow, 'kind' | 'data'>, printer: Printer): Uint8Array {
  const profile = printerProfile(printer.paper, { model: printer.model, textMode: printer.textMode });
  const options: LayoutOptions = { beep: printer.beep, cut: printer.cut };
  const data: unknown = JSON.parse(job.data);
  const doc =
    job.kind === 'ticket'
      ? ticketDocument(data as TicketPrintData, options)
      : job.kind === 'receipt'
        ? receiptSlipDocument(data as ReceiptSlipData, options)
        : testPageDocument(data as TestPageData, options);
  return encode(doc, profile);
}

/**
 * Sends the durable print queue to the printers, one printer at a time in job order. Every step
 * is committed before the next: a job is marked "printing" before its bytes leave, "done" after;
 * a printer problem holds the job (and the ones behind it) and retries with backoff, and the
 * status monitor releases them as soon as the printer answers that it is fine again. Nothing
 * here blocks the LAN API: sending is network I/O, database writes go through the group commit.
 */
export class PrintSpooler {
  /** Printers being sent to right now, and the promise of that work (awaited on stop). */
  private readonly draining = new Map<string, Promise<void>>();
  private readonly live = new Map<string, Live>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private monitor: NodeJS.Timeout | null = null;
  /** The status round in progress: one at a time, and a stop waits for it before the database closes. */
  private checking: Promise<void> | null = null;
  private stopped = false;
  private readonly openTransport: (address: string) => PrinterTransport;
  private readonly retryDelay: (attempt: number) => number;

  constructor(
    private readonly deps: { readonly printing: PrintStore; readonly writer: WriteQueue; readonly bus: HubBus; readonly clock: () => number; readonly log: Logger },
    private readonly options: SpoolerOptions = {},
  ) {
    this.openTransport = options.openTransport ?? openPrinterTransport;
    this.retryDelay = options.retryDelay ?? retryDelayMs;
  }

  /** Holds what was interrupted by a stop, then resumes every printer with work. */
  async start(): Promise<void> {
    const now = this.deps.clock();
    const held = await this.deps.writer.run(() => this.deps.printing.holdInterrupted(now, printerProblemMessages.PRINT_INTERRUPTED));
    if (held > 0) this.deps.bus.emit('changed', ['printers']);
    for (const id of this.deps.printing.printersWithWork()) this.kick(id);
    const every = this.options.statusIntervalMs ?? 15_000;
    this.monitor = setInterval(() => {
      // A round still waiting on a silent printer is not doubled by the next tick.
      this.checking ??= this.checkAll().finally(() => (this.checking = null));
    }, every);
    this.monitor.unref();
  }

  /**
   * Stops taking new jobs and waits for the ones being sent and the status round in progress
   * (bounded by the transports' timeouts): nothing touches the database after this resolves.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.monitor) clearInterval(this.monitor);
    for (const t of this.retryTimers.values()) clearTimeout(t);
    await Promise.allSettled([...this.draining.values(), ...(this.checking ? [this.checking] : [])]);
  }

  liveOf(printerId: string): Live {
    return this.live.get(printerId) ?? { state: 'unknown', message: null, checkedAt: null };
  }

  /** Something was queued or released on this printer: send it (no-op while already sending). */
  kick(printerId: string): void {
    if (this.stopped || this.draining.has(printerId)) return;
    const work = this.drain(printerId).finally(() => this.draining.delete(printerId));
    this.draining.set(printerId, work);
  }

  private async drain(printerId: string): Promise<void> {
    const { printing, writer, bus, clock } = this.deps;
    while (!this.stopped) {
      const printer = printing.printer(printerId);
      const job = printer?.active ? printing.next(printerId) : null;
      if (!printer || !job) break;
      if (job.status === 'held') {
        if (retriesByItself(job.error_code)) this.scheduleRetry(printerId);
        break;
      }
      await writer.run(() => printing.setStatus(job.id, 'printing', clock(), { attempts: job.attempts + 1 }));
      bus.emit('changed', ['printers']);
      try {
        if (printer.address.startsWith('os:')) throw new PrinterError('PRINTER_NOT_SUPPORTED');
        const transport = this.openTransport(printer.address);
        try {
          await printJob(transport, renderJob(job, printer));
        } finally {
          await transport.close().catch(() => undefined);
        }
        await writer.run(() => printing.setStatus(job.id, 'done', clock(), { printed_at: clock() }));
        this.failures.delete(printerId);
        this.setLive(printerId, null, false);
        bus.emit('changed', ['printers']);
      } catch (e) {
        const code = e instanceof PrinterError ? e.code : 'PRINTER_UNREACHABLE';
        const { message } = printerState(code, false);
        await writer.run(() => printing.setStatus(job.id, 'held', clock(), { error_code: code, error: message }));
        this.setLive(printerId, code, false);
        bus.emit('changed', ['printers']);
        if (retriesByItself(code)) this.scheduleRetry(printerId);
        break; // keep the order: nothing behind a held job prints first
      }
    }
  }

  private scheduleRetry(printerId: string): void {
    if (this.stopped || this.retryTimers.has(printerId)) return;
    const attempt = (this.failures.get(printerId) ?? 0) + 1;
    this.failures.set(printerId, attempt);
    const timer = setTimeout(() => {
      this.retryTimers.delete(printerId);
      void this.release(printerId);
    }, this.retryDelay(attempt));
    timer.unref();
    this.retryTimers.set(printerId, timer);
  }

  /** Puts a printer's held jobs back in the queue and sends them. */
  async release(printerId: string): Promise<void> {
    const n = await this.deps.writer.run(() => this.deps.printing.requeueHeld(printerId, this.deps.clock()));
    if (n > 0) this.deps.bus.emit('changed', ['printers']);
    this.kick(printerId);
  }

  /** Status of every idle two-way printer; a printer that is fine again gets its held jobs released at once. */
  private async checkAll(): Promise<void> {
    for (const printer of this.deps.printing.printers()) {
      if (this.stopped || !printer.active || this.draining.has(printer.id)) continue;
      if (!/^(tcp|serial):/i.test(printer.address)) continue;
      let problem: string | null = null;
      let nearEnd = false;
      const transport = this.openTransport(printer.address);
      try {
        const status = await transport.status!();
        nearEnd = status.paperNearEnd;
        problem = status.coverOpen ? 'PRINTER_COVER_OPEN' : status.paperOut ? 'PRINTER_PAPER_OUT' : status.cutterError ? 'PRINTER_CUTTER_ERROR' : !status.online ? 'PRINTER_OFFLINE' : null;
      } catch (e) {
        problem = e instanceof PrinterError ? e.code : 'PRINTER_UNREACHABLE';
      } finally {
        await transport.close().catch(() => undefined);
      }
      if (this.stopped) return; // the hub is closing while this printer answered (or timed out)
      const changed = this.setLive(printer.id, problem, nearEnd);
      if (changed) this.deps.bus.emit('changed', ['printers']);
      if (problem === null && (this.deps.printing.counts().get(printer.id)?.held ?? 0) > 0) {
        const timer = this.retryTimers.get(printer.id);
        if (timer) clearTimeout(timer);
        this.retryTimers.delete(printer.id);
        this.failures.delete(printer.id);
        await this.release(printer.id);
      }
    }
  }

  private setLive(printerId: string, problem: string | null, nearEnd: boolean): boolean {
    const next = { ...printerState(problem, nearEnd), checkedAt: this.deps.clock() };
    const before = this.live.get(printerId);
    this.live.set(printerId, next);
    return before?.state !== next.state;
  }
}
