import type { Printer, PrintJob, PrintJobStatus } from '../../../contract/printing';
import { SqlStore } from './sql-store';
import { isoOrNull } from '../../core/vn-time';
import { outcomeUnknown, staffDecides } from '../../core/printing-rules';

interface PrinterRow {
  id: string; name: string; role: Printer['role']; address: string; paper: Printer['paper']; model: Printer['model'];
  text_mode: Printer['textMode']; cut: number; beep: number; device_id: string | null; counter_id: string | null; active: number;
}

export interface JobRow {
  id: string;
  printer_id: string;
  kind: PrintJob['kind'];
  title: string;
  data: string;
  status: PrintJobStatus;
  attempts: number;
  error_code: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  printed_at: number | null;
  ticket_id: string | null;
  reprint_of: string | null;
  requested_by: string | null;
}

const toPrinter = (r: PrinterRow): Printer => ({
  id: r.id, name: r.name, role: r.role, address: r.address, paper: r.paper, model: r.model, textMode: r.text_mode,
  cut: r.cut === 1, beep: r.beep === 1, deviceId: r.device_id, counterId: r.counter_id, active: r.active === 1,
});

/** Problems that wait for staff rather than for the printer (a JSON list for `json_each`): they must not hold back later jobs. */
const WAITS_FOR_STAFF = JSON.stringify(staffDecides);

/** Printers and the durable print queue. */
export class PrintStore extends SqlStore {
  printers(): Printer[] {
    return this.sql<[], PrinterRow>('SELECT * FROM printers ORDER BY role, name').all().map(toPrinter);
  }

  printer(id: string): Printer | null {
    const r = this.sql<[string], PrinterRow>('SELECT * FROM printers WHERE id = ?').get(id);
    return r ? toPrinter(r) : null;
  }

  savePrinter(p: Printer): void {
    this.sql(
      `INSERT INTO printers (id, name, role, address, paper, model, text_mode, cut, beep, device_id, counter_id, active)
       VALUES (@id, @name, @role, @address, @paper, @model, @textMode, @cut, @beep, @deviceId, @counterId, @active)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, address = excluded.address,
         paper = excluded.paper, model = excluded.model, text_mode = excluded.text_mode, cut = excluded.cut,
         beep = excluded.beep, device_id = excluded.device_id, counter_id = excluded.counter_id, active = excluded.active`,
    ).run({ ...p, cut: p.cut ? 1 : 0, beep: p.beep ? 1 : 0, active: p.active ? 1 : 0 });
  }

  insertJob(j: JobRow): void {
    this.sql(
      `INSERT INTO print_jobs (id, printer_id, kind, title, data, status, attempts, error_code, error, created_at, updated_at, printed_at, ticket_id, reprint_of, requested_by)
       VALUES (@id, @printer_id, @kind, @title, @data, @status, @attempts, @error_code, @error, @created_at, @updated_at, @printed_at, @ticket_id, @reprint_of, @requested_by)`,
    ).run(j);
  }

  job(id: string): JobRow | null {
    return this.sql<[string], JobRow>('SELECT * FROM print_jobs WHERE id = ?').get(id) ?? null;
  }

  /**
   * The job to send next on a printer, in order: the oldest queued job, unless an older job is
   * held by a printer problem (then nothing: printing past it would break the order).
   */
  next(printerId: string): JobRow | null {
    return (
      this.sql<[string, string], JobRow>(
        `SELECT * FROM print_jobs WHERE printer_id = ?
           AND (status = 'queued' OR (status = 'held' AND coalesce(error_code, '') NOT IN (SELECT value FROM json_each(?))))
         ORDER BY created_at, id LIMIT 1`,
      ).get(printerId, WAITS_FOR_STAFF) ?? null
    );
  }

  setStatus(id: string, status: PrintJobStatus, now: number, patch: { attempts?: number; error_code?: string | null; error?: string | null; printed_at?: number | null } = {}): void {
    this.sql(
      `UPDATE print_jobs SET status = @status, updated_at = @now,
         attempts = coalesce(@attempts, attempts), error_code = @error_code, error = @error, printed_at = coalesce(@printed_at, printed_at)
       WHERE id = @id`,
    ).run({ id, status, now, attempts: patch.attempts ?? null, error_code: patch.error_code ?? null, error: patch.error ?? null, printed_at: patch.printed_at ?? null });
  }

  /** Held jobs of a printer whose problem may have cleared go back to the queue. */
  requeueHeld(printerId: string, now: number): number {
    return this.sql(
      `UPDATE print_jobs SET status = 'queued', updated_at = ?
       WHERE printer_id = ? AND status = 'held' AND coalesce(error_code, '') NOT IN (SELECT value FROM json_each(?))`,
    ).run(now, printerId, WAITS_FOR_STAFF).changes;
  }

  /** After a restart: jobs that were being sent are held for staff, never resent on a guess. */
  holdInterrupted(now: number, message: string): number {
    return this.sql(`UPDATE print_jobs SET status = 'held', error_code = 'PRINT_INTERRUPTED', error = ?, updated_at = ? WHERE status = 'printing'`).run(message, now).changes;
  }

  printersWithWork(): string[] {
    return this.sql<[], { printer_id: string }>(`SELECT DISTINCT printer_id FROM print_jobs WHERE status IN ('queued', 'held')`).all().map((r) => r.printer_id);
  }

  counts(): Map<string, { queued: number; held: number }> {
    const rows = this.sql<[], { printer_id: string; queued: number; held: number }>(
      `SELECT printer_id, sum(status IN ('queued', 'printing')) AS queued, sum(status = 'held') AS held
       FROM print_jobs WHERE status IN ('queued', 'printing', 'held') GROUP BY printer_id`,
    ).all();
    return new Map(rows.map((r) => [r.printer_id, { queued: r.queued, held: r.held }]));
  }

  /** Open jobs (queued, printing, held) and the day's finished ones, newest first. */
  jobs(statuses: readonly PrintJobStatus[], since: number, limit: number): PrintJob[] {
    return this.sql<[number, number], JobRow & { printer_name: string }>(
      `SELECT j.*, p.name AS printer_name FROM print_jobs j JOIN printers p ON p.id = j.printer_id
       WHERE j.status IN ('queued', 'printing', 'held') OR j.updated_at >= ?
       ORDER BY j.created_at DESC LIMIT ?`,
    )
      .all(since, limit)
      .filter((r) => statuses.includes(r.status))
      .map((r) => this.view(r, r.printer_name));
  }

  /** The first receipt slip queued for a dossier (a repeated receive request answers with it). */
  firstReceiptJobOf(dossierId: string): string | null {
    return (
      this.sql<[string], { id: string }>(`SELECT id FROM print_jobs WHERE kind = 'receipt' AND json_extract(data, '$.dossierId') = ? ORDER BY created_at LIMIT 1`).get(dossierId)?.id ?? null
    );
  }

  jobView(id: string): PrintJob | null {
    const r = this.sql<[string], JobRow & { printer_name: string }>(
      'SELECT j.*, p.name AS printer_name FROM print_jobs j JOIN printers p ON p.id = j.printer_id WHERE j.id = ?',
    ).get(id);
    return r ? this.view(r, r.printer_name) : null;
  }

  private view(r: JobRow, printerName: string): PrintJob {
    return {
      id: r.id, printerId: r.printer_id, printerName, kind: r.kind, title: r.title, status: r.status, attempts: r.attempts,
      errorCode: r.error_code, error: r.error, outcomeUnknown: outcomeUnknown(r.status, r.error_code), createdAt: isoOrNull(r.created_at)!, printedAt: isoOrNull(r.printed_at), ticketId: r.ticket_id,
    };
  }
}
