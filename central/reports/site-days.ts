import type { Db, Queryable } from '../db/db';
import type { Working } from '../projection/fold';
import { vnDate } from './period';

/**
 * Each site's figures per Vietnam day, kept beside the projections so that the province's page
 * over a year adds up 150 × 365 rows instead of counting a million dossiers and two million
 * tickets (docs/PERFORMANCE.md). A day's row is a cache: it is computed from the projected rows
 * by DAY_FIGURES, never incremented, so recomputing it is always right. A push recomputes the
 * days its events touched (the days of the rows before and after the fold), in its transaction;
 * a change of the definition below bumps SITE_DAYS_DEFINITION and the central recomputes every
 * day once at start (ensureSiteDays).
 *
 * The measures are the hub's (main/core/reports/queue.ts, dossiers.ts, satisfaction.ts):
 * - received: dossiers received that day;
 * - handled: dossiers whose result first became ready that day, with a due time, scored against
 *   the due time before their first extension (an extension moves the citizen's date, not the
 *   desk's score): late after it, early when ready on an earlier Vietnam day, else on time;
 * - tickets of that service date: issued (not counting the continuations of a ticket redirected
 *   to another service: the same citizen), served (finished or redirected), no-show (skipped and
 *   not brought back), and the wait from issue to first call of every ticket called;
 * - ratings given that day, of visits and of dossiers, and how many satisfied on the site's scale.
 */
export const SITE_DAYS_DEFINITION = '1';
const SETTING = 'site_days_definition';

const SCORED_DUE = 'coalesce(first_previous_due_at, due_at)';
const vnDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** The instants a Vietnam date spans, for an index range on a timestamptz column. */
const within = (column: string) =>
  `${column} >= (p.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND ${column} < ((p.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

const COLUMNS = ['received', 'early', 'on_time', 'late', 'issued', 'served', 'no_show', 'waits', 'wait_seconds', 'ratings', 'satisfied'] as const;

/** The figures of the (site_id, day) pairs of the CTE `pairs`, written over what site_days held for them. */
const DAY_FIGURES = (pairs: string) => `
WITH pairs AS (${pairs})
INSERT INTO site_days (site_id, day, ${COLUMNS.join(', ')})
SELECT p.site_id, p.day, r.received, h.early, h.on_time, h.late, t.issued, t.served, t.no_show, t.waits, t.wait_seconds, q.ratings, q.satisfied
FROM pairs p
CROSS JOIN LATERAL (SELECT count(*) AS received FROM dossiers WHERE site_id = p.site_id AND ${within('received_at')}) r
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE result_ready_at > ${SCORED_DUE}) AS late,
    count(*) FILTER (WHERE result_ready_at <= ${SCORED_DUE} AND p.day < ${vnDay(SCORED_DUE)}) AS early,
    count(*) FILTER (WHERE result_ready_at <= ${SCORED_DUE} AND p.day >= ${vnDay(SCORED_DUE)}) AS on_time
  FROM dossiers WHERE site_id = p.site_id AND ${within('result_ready_at')} AND due_at IS NOT NULL
) h
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE NOT continues) AS issued,
    count(*) FILTER (WHERE status IN ('finished', 'redirected')) AS served,
    count(*) FILTER (WHERE status = 'skipped') AS no_show,
    count(*) FILTER (WHERE first_called_at >= issued_at) AS waits,
    coalesce(sum(extract(epoch FROM first_called_at - issued_at)) FILTER (WHERE first_called_at >= issued_at), 0)::float8 AS wait_seconds
  FROM tickets WHERE site_id = p.site_id AND service_date = p.day
) t
CROSS JOIN LATERAL (
  SELECT count(*) AS ratings, count(*) FILTER (WHERE x.satisfied) AS satisfied FROM (
    SELECT satisfied FROM ratings WHERE site_id = p.site_id AND ${within('rated_at')}
    UNION ALL SELECT rating_satisfied FROM dossiers WHERE site_id = p.site_id AND ${within('rated_at')}
  ) x
) q
ON CONFLICT (site_id, day) DO UPDATE SET ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`;

/** Every day a site (or every site) has something on: its rows from scratch. */
const EVERY_PAIR = (site: string) => `
  SELECT site_id, ${vnDay('received_at')} AS day FROM dossiers WHERE received_at IS NOT NULL AND ${site}
  UNION SELECT site_id, ${vnDay('result_ready_at')} FROM dossiers WHERE result_ready_at IS NOT NULL AND ${site}
  UNION SELECT site_id, ${vnDay('rated_at')} FROM dossiers WHERE rated_at IS NOT NULL AND ${site}
  UNION SELECT site_id, service_date FROM tickets WHERE ${site}
  UNION SELECT site_id, ${vnDay('rated_at')} FROM ratings WHERE ${site}`;

const dayOf = (iso: string | null): string[] => (iso === null ? [] : [vnDate(Date.parse(iso))]);

/** The Vietnam days the aggregates of a working set count on (site_days rows their figures are in). */
export function daysOf(w: Working): Set<string> {
  const days = new Set<string>();
  const add = (xs: string[]) => xs.forEach((d) => days.add(d));
  for (const t of w.tickets.values()) if (t) add([t.serviceDate]);
  for (const d of w.dossiers.values()) if (d) add([...dayOf(d.receivedAt), ...dayOf(d.resultReadyAt), ...dayOf(d.ratedAt)]);
  for (const r of w.ratings.values()) if (r) add(dayOf(r.ratedAt));
  return days;
}

/** Recomputes a site's rows for the given days, in the caller's transaction (the push's). */
export async function refreshSiteDays(tx: Queryable, siteId: string, days: Iterable<string>): Promise<void> {
  const list = [...days];
  if (list.length === 0) return;
  await tx.query(DAY_FIGURES('SELECT $1::text AS site_id, d AS day FROM unnest($2::date[]) AS d'), [siteId, list]);
}

/**
 * A site's rows (or, with null, every site's) recomputed from scratch, whatever they held: the
 * check of what the pushes kept (test/central/projection.test.ts), and the refill at start.
 */
export async function recomputeSiteDays(tx: Queryable, siteId: string | null): Promise<void> {
  if (siteId === null) {
    await tx.query('DELETE FROM site_days');
    await tx.query(DAY_FIGURES(EVERY_PAIR('true')));
  } else {
    await tx.query('DELETE FROM site_days WHERE site_id = $1', [siteId]);
    await tx.query(DAY_FIGURES(EVERY_PAIR('site_id = $1')), [siteId]);
  }
}

/**
 * Recomputes every row when the table was made by another definition (or never filled): once,
 * at start, before the server takes pushes. Returns whether it did.
 */
export async function ensureSiteDays(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two centrals starting together on one database: the second waits, then finds it done.
    await tx.query('LOCK TABLE site_days IN EXCLUSIVE MODE');
    const [row] = await tx.query<{ value: string }>('SELECT value FROM central_settings WHERE key = $1', [SETTING]);
    if (row?.value === SITE_DAYS_DEFINITION) return false;
    await recomputeSiteDays(tx, null);
    await tx.query(
      'INSERT INTO central_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [SETTING, SITE_DAYS_DEFINITION],
    );
    return true;
  });
}
