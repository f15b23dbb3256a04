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
 * The period's figures are sums of the sites' days (central/reports/site-days.ts, which defines
 * each measure as the hub does); the overdue count is today's, from the projected dossiers.
 */
export const PROVINCE_SQL = `
WITH days AS (
  SELECT site_id, sum(received) AS received, sum(early) AS early, sum(on_time) AS on_time, sum(late) AS late, sum(issued) AS issued,
    sum(served) AS served, sum(no_show) AS no_show, sum(waits) AS waits, sum(wait_seconds) AS wait_seconds, sum(ratings) AS ratings, sum(satisfied) AS satisfied
  FROM site_days WHERE day >= $1::date AND day <= $2::date GROUP BY site_id
), overdue AS (
  SELECT site_id, count(*) AS n FROM dossiers
  WHERE returned_at IS NULL AND due_at < $3 AND status = ANY($4::text[]) AND processing_status IS DISTINCT FROM 'result_ready'
  GROUP BY site_id
), pushed AS (
  SELECT site_id, max(updated_at) AS at FROM streams GROUP BY site_id
)
SELECT s.site_id, s.name, s.created_at, seen.at AS last_seen_at, p.at AS last_push_at,
  coalesce(d.received, 0) AS received, coalesce(d.early, 0) AS early, coalesce(d.on_time, 0) AS on_time, coalesce(d.late, 0) AS late,
  coalesce(o.n, 0) AS overdue, coalesce(d.issued, 0) AS issued, coalesce(d.served, 0) AS served, coalesce(d.no_show, 0) AS no_show,
  (d.wait_seconds / nullif(d.waits, 0))::float8 AS mean_wait, coalesce(d.ratings, 0) AS ratings, coalesce(d.satisfied, 0) AS satisfied
FROM sites s
  LEFT JOIN days d USING (site_id) LEFT JOIN overdue o USING (site_id) LEFT JOIN pushed p USING (site_id) LEFT JOIN site_seen seen USING (site_id)
ORDER BY s.site_id`;

/** The parameters of PROVINCE_SQL, in order (the bench runs the same SQL with them directly). */
export const provinceParams = (period: Period, now: Date): unknown[] => [period.from, period.to, now, [...RUNNING_STATUSES]];

interface Row {
  site_id: string; name: string; created_at: Date; last_seen_at: Date | null; last_push_at: Date | null; received: number; early: number; on_time: number; late: number;
  overdue: number; issued: number; served: number; no_show: number; mean_wait: number | null; ratings: number; satisfied: number;
}

/** Every site's figures for the period (a site with nothing in it has zeros). */
export async function provinceFigures(db: Db, period: Period, now: Date): Promise<SiteFigures[]> {
  const rows = await db.transaction(async (tx) => {
    // Our statements are named (central/db/postgres.ts): after five runs PostgreSQL may keep one
    // generic plan for every period, a week's and a year's alike, where the dates decide how to
    // read site_days. This one is planned for its own dates each time.
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
