import type { MonthlyFieldRow } from '../../../contract/reports';
import { handledTimeliness } from './dossiers';

/**
 * The monthly report by field (the shape provinces ask desks for): each dossier received before
 * the period's end that was still open at its start falls in exactly one "from" box (carried over
 * or received in the period) and one "to" box (handled, withdrawn, or pending at the end), so the
 * two sides of every row add up to the same number.
 */

/** A dossier open at some time in [start, end): received before the end, not handled nor withdrawn before the start. */
export interface MonthlyDossier {
  readonly field: string;
  readonly receivedAt: number;
  /** Its first result (QĐ 766 scores the result's readiness). */
  readonly handledAt: number | null;
  readonly dueAt: number | null;
  readonly firstExtensionPreviousDue: number | null;
  readonly withdrawnAt: number | null;
}

type Counts = Omit<MonthlyFieldRow, 'field'>;

const zero = (): Counts => ({ carriedOver: 0, received: 0, handledEarly: 0, handledOnTime: 0, handledLate: 0, withdrawn: 0, pendingWithinTime: 0, pendingOverdue: 0 });

/**
 * `asOf`: when "pending" is read — the period's end, or now for a period still running (a dossier
 * due later today is not overdue yet). Fields in Vietnamese order; the total row sums them.
 */
export function monthlyByField(dossiers: readonly MonthlyDossier[], start: number, end: number, asOf: number): { fields: MonthlyFieldRow[]; total: Counts } {
  const byField = new Map<string, Counts>();
  for (const d of dossiers) {
    let c = byField.get(d.field);
    if (!c) byField.set(d.field, (c = zero()));
    if (d.receivedAt < start) c.carriedOver += 1;
    else c.received += 1;
    if (d.handledAt !== null && d.handledAt < end && d.dueAt !== null) {
      const t = handledTimeliness({ dueAt: d.dueAt, firstExtensionPreviousDue: d.firstExtensionPreviousDue, handledAt: d.handledAt });
      if (t === 'early') c.handledEarly += 1;
      else if (t === 'on_time') c.handledOnTime += 1;
      else c.handledLate += 1;
    } else if (d.withdrawnAt !== null && d.withdrawnAt < end) c.withdrawn += 1;
    else if (d.dueAt !== null && d.dueAt < asOf) c.pendingOverdue += 1;
    else c.pendingWithinTime += 1;
  }
  const fields = [...byField].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([field, c]) => ({ field, ...c }));
  const total = zero();
  for (const f of fields) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += f[k];
  return { fields, total };
}
