import type { Printer, PrinterState } from '../../../contract/printing';
import { printerProblemMessages, printerState, retriesByItself, retryDelayMs, staffDecides, type PrinterProblem } from '../../core/printing-rules';
import type { JobRow } from '../db/print-store';
import type { PrintStore } from '../db/print-store';
import type { WriteQueue } from '../db/write-queue';
import type { HubBus } from '../hub/bus';
import type { Logger } from '../../../common/node/logger';
import { encode } from './encode';
import type { ChecklistPrintData, LayoutOptions, ReceiptSlipData, TestPageData, TicketPrintData } from './layout-types';
import { checklistDocument, receiptSlipDocument, testPageDocument, ticketDocument } from './layouts';
import { printJob, readPrinterStatus } from './print-job';
import { PrinterError } from './printer-error';
import { statusProblem } from './printer-status';
import { printerProfile } from './profiles';
import { openPrinterTransport } from './transport';

export interface SpoolerOptions {
  /** How often two-way printers are asked for their status while idle. */
  readonly statusIntervalMs?: number;
  readonly retryDelay?: (attempt: number) => number;
  /** How long a printer may take to confirm it read a whole job (print-job.ts); tests shorten it. */
  readonly confirmTimeoutMs?: number;
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
        : job.kind === 'checklist'
          ? checklistDocument(data as ChecklistPrintData, options)
          : testPageDocument(data as TestPageData, options);
  return encode(doc, profile);
}

/**
 * Sends the durable print queue to the printers, one printer at a time in job order. Every step
 * is committed before the next: a job becomes "printing" just before its first byte leaves (after
 * the printer said it can print), "done" only once the printer confirmed it read the whole job
 * (print-job.ts). A printer problem holds the job (and the ones behind it) and retries with
 * backoff; the status monitor releases them as soon as the printer answers that it is fine again.
 * Jobs only a person can settle — not confirmed, interrupted, impossible to lay out — are set aside
 * with their reason and the jobs behind them print. Nothing here blocks the LAN API: sending is
 * network I/O, database writes go through the group commit.
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
  private readonly retryDelay: (attempt: number) => number;

  constructor(
    private readonly deps: { readonly printing: PrintStore; readonly writer: WriteQueue; readonly bus: HubBus; readonly clock: () => number; readonly log: Logger },
    private readonly options: SpoolerOptions = {},
  ) {
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
      this.checking ??= this.checkAll()
        .catch((e: unknown) => this.deps.log.error({ err: e }, 'printer status round failed unexpectedly'))
        .finally(() => (this.checking = null));
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
    const work = this.drain(printerId)
      // The database refused a write (a full disk…): the job keeps its last committed state, and the
      // next kick or status round tries again.
      .catch((e: unknown) => this.deps.log.error({ err: e, printerId }, 'print queue stopped on an unexpected error'))
      .finally(() => this.draining.delete(printerId));
    this.draining.set(printerId, work);
  }

  private async drain(printerId: string): Promise<void> {
    const { printing } = this.deps;
    while (!this.stopped) {
      const printer = printing.printer(printerId);
      const job = printer?.active ? printing.next(printerId) : null;
      if (!printer || !job) return;
      if (job.status === 'held') {
        if (retriesByItself(job.error_code)) this.scheduleRetry(printerId);
        return;
      }
      // A held job keeps the order: nothing behind it prints first.
      if (!(await this.send(job, printer))) return;
    }
  }

  /** One job from layout to confirmation; true when the next job may go (printed, or set aside for staff). */
  private async send(job: JobRow, printer: Printer): Promise<boolean> {
    const { printing, writer, bus, clock, log } = this.deps;
    const attempts = job.attempts + 1;
    let bytes: Uint8Array;
    try {
      bytes = renderJob(job, printer);
    } catch (e) {
      // A bug in the hub, not a printer problem: retrying cannot help. The log names the job, not its
      // content (it may be personal); staff see the reason on the job; the jobs behind it print.
      log.error({ err: e, jobId: job.id, kind: job.kind, printerId: printer.id, code: 'PRINT_RENDER_FAILED' }, 'print job could not be laid out; set aside');
      await this.hold(job, attempts, 'PRINT_RENDER_FAILED');
      return true;
    }
    let sending = false;
    try {
      const transport = openPrinterTransport(printer.address);
      try {
        const status = await printJob(transport, bytes, {
          ...(this.options.confirmTimeoutMs ? { confirmTimeoutMs: this.options.confirmTimeoutMs } : {}),
          beforeFirstByte: async () => {
            await writer.run(() => printing.setStatus(job.id, 'printing', clock(), { attempts }));
            sending = true;
            bus.emit('changed', ['printers']);
          },
        });
        await writer.run(() => printing.setStatus(job.id, 'done', clock(), { printed_at: clock() }));
        this.failures.delete(printer.id);
        this.setLive(printer.id, null, status === null ? null : status.paperNearEnd);
        bus.emit('changed', ['printers']);
        return true;
      } finally {
        await transport.close().catch(() => undefined);
      }
    } catch (e) {
      const code: PrinterProblem = e instanceof PrinterError ? e.code : sending ? 'PRINT_NOT_CONFIRMED' : 'PRINT_FAILED';
      // Printer problems are logged once, when the printer's state changes (setLive), not at every retry.
      if (!(e instanceof PrinterError)) log.error({ err: e, jobId: job.id, printerId: printer.id, code }, 'print job failed unexpectedly');
      else if (code === 'PRINT_NOT_CONFIRMED') log.warn({ jobId: job.id, printerId: printer.id, code, detail: e.detail }, 'print job not confirmed by the printer; held for staff');
      this.setLive(printer.id, code, null);
      await this.hold(job, attempts, code);
      if (retriesByItself(code)) this.scheduleRetry(printer.id);
      return staffDecides.includes(code);
    }
  }

  private async hold(job: JobRow, attempts: number, code: PrinterProblem): Promise<void> {
    await this.deps.writer.run(() => this.deps.printing.setStatus(job.id, 'held', this.deps.clock(), { attempts, error_code: code, error: printerProblemMessages[code] }));
    this.deps.bus.emit('changed', ['printers']);
  }

  private scheduleRetry(printerId: string): void {
    if (this.stopped || this.retryTimers.has(printerId)) return;
    const attempt = (this.failures.get(printerId) ?? 0) + 1;
    this.failures.set(printerId, attempt);
    const timer = setTimeout(() => {
      this.retryTimers.delete(printerId);
      this.release(printerId).catch((e: unknown) => this.deps.log.error({ err: e, printerId }, 'print retry failed unexpectedly'));
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

  /**
   * Status of every idle printer; a two-way printer that is fine again gets its held jobs released
   * at once. A one-way printer is shown as such (it cannot say more).
   */
  private async checkAll(): Promise<void> {
    for (const printer of this.deps.printing.printers()) {
      if (this.stopped || !printer.active || this.draining.has(printer.id) || printer.address.startsWith('os:')) continue;
      let problem: PrinterProblem | null = null;
      let nearEnd: boolean | null = null;
      try {
        const transport = openPrinterTransport(printer.address);
        try {
          const status = await readPrinterStatus(transport);
          nearEnd = status === null ? null : status.paperNearEnd;
          problem = status === null ? null : (statusProblem(status)?.code ?? null);
        } finally {
          await transport.close().catch(() => undefined);
        }
      } catch (e) {
        problem = e instanceof PrinterError ? e.code : 'PRINTER_UNREACHABLE';
        if (!(e instanceof PrinterError)) this.deps.log.error({ err: e, printerId: printer.id }, 'printer status round failed unexpectedly');
      }
      if (this.stopped) return; // the hub is closing while this printer answered (or timed out)
      const changed = this.setLive(printer.id, problem, nearEnd);
      if (changed) this.deps.bus.emit('changed', ['printers']);
      if (problem === null && nearEnd !== null && (this.deps.printing.counts().get(printer.id)?.held ?? 0) > 0) {
        const timer = this.retryTimers.get(printer.id);
        if (timer) clearTimeout(timer);
        this.retryTimers.delete(printer.id);
        this.failures.delete(printer.id);
        await this.release(printer.id);
      }
    }
  }

  /** `nearEnd` null: the link cannot read the sensor (one-way), or a problem hides it. True when the state changed (and was logged). */
  private setLive(printerId: string, problem: string | null, nearEnd: boolean | null): boolean {
    const next = { ...printerState(problem, nearEnd), checkedAt: this.deps.clock() };
    const before = this.live.get(printerId);
    this.live.set(printerId, next);
    if (before?.state === next.state) return false;
    if (problem === null) this.deps.log.info({ printerId, state: next.state }, 'printer state changed');
    else this.deps.log.warn({ printerId, state: next.state, code: problem }, 'printer state changed');
    return true;
  }
}
