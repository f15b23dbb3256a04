import type { Queryable } from '../db/db';
import { vnDaysBetween } from './period';
import { RUNNING_STATUSES } from './province-sql';

/** One overdue dossier as the province's page lists it: no applicant (the clerk finds the dossier by its code for that). */
export interface OverdueDossier {
  readonly dossierId: string;
  readonly code: string | null;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string;
  /**
   * Vietnam calendar days from the due day to today (1 = due yesterday), and the page says so: the
   * working calendar (lunar holidays, swapped days) is the hub's rule, which the central may not import.
   */
  readonly daysLate: number;
}

/** Beyond this the list says how many more there are instead of sending them (a page, not an export). */
export const OVERDUE_LIST_LIMIT = 500;

/** A site's overdue dossiers (as counted in province-sql.ts), longest overdue first, and how many there are in all. */
export async function overdueDossiers(db: Queryable, siteId: string, now: Date): Promise<{ dossiers: OverdueDossier[]; total: number }> {
  const rows = await db.query<{ dossier_id: string; code: string | null; procedure_code: string; procedure_name: string; received_at: Date | null; due_at: Date; total: number }>(
    `SELECT dossier_id, code, procedure_code, procedure_name, received_at, due_at, count(*) OVER () AS total FROM dossiers
     WHERE site_id = $1 AND returned_at IS NULL AND due_at < $2 AND status = ANY($3::text[]) AND processing_status IS DISTINCT FROM 'result_ready'
     ORDER BY due_at, code LIMIT $4`,
    [siteId, now, [...RUNNING_STATUSES], OVERDUE_LIST_LIMIT],
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    dossiers: rows.map((r) => ({
      dossierId: r.dossier_id, code: r.code, procedureCode: r.procedure_code, procedureName: r.procedure_name,
      receivedAt: r.received_at?.toISOString() ?? null, dueAt: r.due_at.toISOString(), daysLate: vnDaysBetween(r.due_at.getTime(), now.getTime()),
    })),
  };
}
