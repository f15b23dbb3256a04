import type { Db } from '../db/db';
import type { Period } from './period';
import type { SiteFigures } from './scoring';

/**
 * The statuses in which a dossier's clock runs at the desk's side: with the back offices and no
 * result yet (a supplement request stops the clock; returned, withdrawn and refused are closed).
 * The hub counts its overdue dossiers by the same list (main/node/db/report-store.ts RUNNING).
 */
export const RUNNING_STATUSES = ['received', 'forwarded', 'processing'] as const;

/**
 * Satisfied: the upper half of the default scale (QĐ 766's common scale Rất hài lòng / Hài lòng /
 * Không hài lòng). A rating event carries its level's code and label, not the site's scale, so a
 * site with a scale of its own is judged by these codes.
 */
export const SATISFIED_SCORES = ['very_satisfied', 'satisfied'] as const;

/** A ticket served: finished, or served and sent on to another service (main/core/reports/queue.ts legOutcome). */
export const SERVED_STATUSES = ['finished', 'redirected'] as const;

/** Vietnam's calendar day of a timestamptz column, whatever the session's time zone. */
const vnDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * The handled dossiers are those returned in the period with a due time, scored as QĐ 766 counts
 * (main/core/dossier/lifecycle.ts `timeliness`, which the central may not import): late after the
 * due time, early when returned on an earlier Vietnam day, else on time. The central scores the
 * return (the step it sees in its projection) against the due time the site sent last.
 */
export const PROVINCE_SQL = `
WITH received AS (
  SELECT site_id, count(*) AS n FROM dossiers WHERE received_at >= $1 AND received_at < $2 GROUP BY site_id
), handled AS (
  SELECT site_id,
    count(*) FILTER (WHERE returned_at > due_at) AS late,
    count(*) FILTER (WHERE returned_at <= due_at AND ${vnDay('returned_at')} < ${vnDay('due_at')}) AS early,
    count(*) FILTER (WHERE returned_at <= due_at AND ${vnDay('returned_at')} >= ${vnDay('due_at')}) AS on_time
  FROM dossiers WHERE returned_at >= $1 AND returned_at < $2 AND due_at IS NOT NULL GROUP BY site_id
), overdue AS (
  SELECT site_id, count(*) AS n FROM dossiers
  WHERE returned_at IS NULL AND due_at < $3 AND status = ANY($6::text[]) AND processing_status IS DISTINCT FROM 'result_ready'
  GROUP BY site_id
), tickets AS (
  SELECT site_id, count(*) AS issued,
    count(*) FILTER (WHERE status = ANY($8::text[])) AS served,
    count(*) FILTER (WHERE status = 'skipped') AS no_show,
    avg(extract(epoch FROM called_at - issued_at)) FILTER (WHERE status = ANY($8::text[]) AND called_at >= issued_at) AS mean_wait
  FROM tickets WHERE service_date >= $4::date AND service_date <= $5::date GROUP BY site_id
), rated AS (
  SELECT site_id, count(*) AS n, count(*) FILTER (WHERE score = ANY($7::text[])) AS satisfied
  FROM ratings WHERE rated_at >= $1 AND rated_at < $2 GROUP BY site_id
), pushed AS (
  SELECT site_id, max(updated_at) AS at FROM streams GROUP BY site_id
)
SELECT s.site_id, s.name, s.created_at, seen.at AS last_seen_at, p.at AS last_push_at,
  coalesce(r.n, 0) AS received, coalesce(h.early, 0) AS early, coalesce(h.on_time, 0) AS on_time, coalesce(h.late, 0) AS late,
  coalesce(o.n, 0) AS overdue, coalesce(t.issued, 0) AS issued, coalesce(t.served, 0) AS served, coalesce(t.no_show, 0) AS no_show,
  t.mean_wait::float8 AS mean_wait, coalesce(q.n, 0) AS ratings, coalesce(q.satisfied, 0) AS satisfied
FROM sites s
  LEFT JOIN received r USING (site_id) LEFT JOIN handled h USING (site_id) LEFT JOIN overdue o USING (site_id)
  LEFT JOIN tickets t USING (site_id) LEFT JOIN rated q USING (site_id) LEFT JOIN pushed p USING (site_id) LEFT JOIN site_seen seen USING (site_id)
ORDER BY s.site_id`;

/** The parameters of PROVINCE_SQL, in order (the bench runs the same SQL with them directly). */
export const provinceParams = (period: Period, now: Date): unknown[] => [
  period.start, period.end, now, period.from, period.to, [...RUNNING_STATUSES], [...SATISFIED_SCORES], [...SERVED_STATUSES],
];

interface Row {
  site_id: string; name: string; created_at: Date; last_seen_at: Date | null; last_push_at: Date | null; received: number; early: number; on_time: number; late: number;
  overdue: number; issued: number; served: number; no_show: number; mean_wait: number | null; ratings: number; satisfied: number;
}

/** Every site's figures for the period (a site with nothing in it has zeros). */
export async function provinceFigures(db: Db, period: Period, now: Date): Promise<SiteFigures[]> {
  const rows = await db.transaction(async (tx) => {
    // Our statements are named (central/db/postgres.ts): after five runs PostgreSQL may keep one
    // generic plan for every period, a week's and a year's alike, where the dates decide which
    // index pays. This one is planned for its own dates each time.
    await tx.query('SET LOCAL plan_cache_mode = force_custom_plan');
    return tx.query<Row>(PROVINCE_SQL, provinceParams(period, now));
  });
  return rows.map((r) => ({
    siteId: r.site_id, name: r.name, createdAt: r.created_at, lastSeenAt: r.last_seen_at, lastPushAt: r.last_push_at,
    received: Number(r.received), handledEarly: Number(r.early), handledOnTime: Number(r.on_time), handledLate: Number(r.late), overdue: Number(r.overdue),
    ticketsIssued: Number(r.issued), ticketsServed: Number(r.served), ticketsNoShow: Number(r.no_show), meanWaitSeconds: r.mean_wait,
    ratings: Number(r.ratings), ratingsSatisfied: Number(r.satisfied),
  }));
}
