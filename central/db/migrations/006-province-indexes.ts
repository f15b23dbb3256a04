/**
 * The indexes of the province's page (central/reports/province-sql.ts), measured by `npm run bench
 * -- central-province` (150 sites × a year; docs/PERFORMANCE.md has the figures and what they
 * cost each projected change). Without them a month reads every row of `dossiers`, `tickets` and
 * `ratings`; with them it reads the month's. The site id rides along so the counts per site need
 * not visit the rows for it.
 *
 * - `dossiers_received`, `dossiers_returned`: dossiers received / returned in the period.
 * - `dossiers_open_due`: the dossiers not returned, by site and due time — the overdue count and a
 *   site's overdue list; small, as most dossiers are returned.
 * - `tickets_service_date`, `ratings_rated`: the period's tickets and ratings.
 *
 * Migration 008 drops all but `dossiers_open_due`: the page now adds up site_days.
 */

export const statements: readonly string[] = [
  `CREATE INDEX dossiers_received ON dossiers (received_at, site_id)`,
  `CREATE INDEX dossiers_returned ON dossiers (returned_at, site_id) INCLUDE (due_at) WHERE due_at IS NOT NULL`,
  `CREATE INDEX dossiers_open_due ON dossiers (site_id, due_at) WHERE returned_at IS NULL`,
  `CREATE INDEX tickets_service_date ON tickets (service_date, site_id)`,
  `CREATE INDEX ratings_rated ON ratings (rated_at, site_id)`,
];
