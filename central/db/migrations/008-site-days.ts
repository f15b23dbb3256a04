/**
 * The province's figures the way the hub computes them, and per site and day (issue 12).
 *
 * 1. The projections keep the few instants of a history the hub's reports score by (central/
 *    projection/fold.ts): a ticket's first call and whether it continues a redirected one; a
 *    dossier's result becoming ready, its due time before the first extension and the citizen's
 *    rating of it; whether a rating was satisfied on the site's own scale. They are filled here
 *    from the events already projected, taking what the fold takes (the first in arrival order).
 * 2. `site_days`: each site's figures per Vietnam day (central/reports/site-days.ts), which the
 *    central fills at its next start and each push keeps current.
 * 3. Indexes by site and instant for recomputing a site's day; migration 006's indexes by instant,
 *    which only the province's page read, are dropped (each cost every projected write); the open
 *    dossiers' index carries their statuses, so the overdue count reads it alone.
 */

/** The events of one type already projected, as JSON, in arrival order. */
const projected = (type: string) => `SELECT site_id, aggregate_id, id, payload::jsonb AS p FROM events WHERE type = '${type}' AND projected`;
const DEFAULT_SATISFIED = `('very_satisfied', 'satisfied')`;

export const statements: readonly string[] = [
  // An extension's previous due time is in the event's free-form data: whatever is not a time
  // PostgreSQL can hold is left out, as the fold leaves it out, instead of failing the migration.
  `CREATE FUNCTION motcua_try_time(v text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
   BEGIN
     RETURN v::timestamptz;
   EXCEPTION WHEN others THEN
     RETURN NULL;
   END $$`,
  `ALTER TABLE tickets ADD COLUMN first_called_at timestamptz, ADD COLUMN continues boolean NOT NULL DEFAULT false`,
  `ALTER TABLE dossiers ADD COLUMN result_ready_at timestamptz, ADD COLUMN first_previous_due_at timestamptz,
     ADD COLUMN rated_at timestamptz, ADD COLUMN rating_satisfied boolean`,
  `ALTER TABLE ratings ADD COLUMN satisfied boolean`,

  `UPDATE tickets t SET first_called_at = x.at FROM (
     SELECT site_id, aggregate_id, (array_agg((p->>'at')::timestamptz ORDER BY id))[1] AS at FROM (${projected('ticket.called')}) e GROUP BY 1, 2
   ) x WHERE t.site_id = x.site_id AND t.ticket_id::text = x.aggregate_id`,
  `UPDATE tickets t SET continues = true FROM (${projected('ticket.issued')}) e
   WHERE t.site_id = e.site_id AND t.ticket_id::text = e.aggregate_id AND jsonb_typeof(e.p->'data'->'redirectedFrom') = 'string'`,
  `UPDATE dossiers d SET result_ready_at = x.at FROM (
     SELECT site_id, aggregate_id, (array_agg((p->'event'->>'at')::timestamptz ORDER BY id))[1] AS at FROM (${projected('dossier.resultReady')}) e GROUP BY 1, 2
   ) x WHERE d.site_id = x.site_id AND d.dossier_id::text = x.aggregate_id`,
  `UPDATE dossiers d SET first_previous_due_at = x.at FROM (
     SELECT site_id, aggregate_id, (array_agg(motcua_try_time(p->'event'->'data'->>'previousDueAt') ORDER BY id))[1] AS at FROM (${projected('dossier.extended')}) e
     WHERE motcua_try_time(p->'event'->'data'->>'previousDueAt') IS NOT NULL GROUP BY 1, 2
   ) x WHERE d.site_id = x.site_id AND d.dossier_id::text = x.aggregate_id`,
  `UPDATE dossiers d SET rated_at = x.at, rating_satisfied = x.satisfied FROM (
     SELECT site_id, aggregate_id, (array_agg((p->'event'->>'at')::timestamptz ORDER BY id))[1] AS at,
       (array_agg(CASE WHEN jsonb_typeof(p->'event'->'data'->'satisfied') = 'boolean' THEN (p->'event'->'data'->>'satisfied')::boolean
                       ELSE coalesce(p->'event'->'data'->>'score' IN ${DEFAULT_SATISFIED}, false) END ORDER BY id))[1] AS satisfied
     FROM (${projected('dossier.rated')}) e GROUP BY 1, 2
   ) x WHERE d.site_id = x.site_id AND d.dossier_id::text = x.aggregate_id`,
  // The rating row is its latest event's (a second rating of a visit is rejected, not applied).
  `UPDATE ratings r SET satisfied = CASE WHEN jsonb_typeof(x.p->'satisfied') = 'boolean' THEN (x.p->>'satisfied')::boolean ELSE r.score IN ${DEFAULT_SATISFIED} END
   FROM (SELECT site_id, aggregate_id, (array_agg(p ORDER BY id DESC))[1] AS p FROM (${projected('rating.given')}) e GROUP BY 1, 2) x
   WHERE r.site_id = x.site_id AND r.ticket_id::text = x.aggregate_id`,
  `UPDATE ratings SET satisfied = score IN ${DEFAULT_SATISFIED} WHERE satisfied IS NULL`,
  `ALTER TABLE ratings ALTER COLUMN satisfied SET NOT NULL`,
  `DROP FUNCTION motcua_try_time(text)`,

  `CREATE TABLE site_days (
     site_id      text NOT NULL,
     day          date NOT NULL,
     received     integer NOT NULL,
     early        integer NOT NULL,
     on_time      integer NOT NULL,
     late         integer NOT NULL,
     issued       integer NOT NULL,
     served       integer NOT NULL,
     no_show      integer NOT NULL,
     waits        integer NOT NULL,
     wait_seconds float8 NOT NULL,
     ratings      integer NOT NULL,
     satisfied    integer NOT NULL,
     PRIMARY KEY (day, site_id)
   )`,

  `DROP INDEX dossiers_received`,
  `DROP INDEX dossiers_returned`,
  `DROP INDEX tickets_service_date`,
  `DROP INDEX ratings_rated`,
  // The overdue count reads the open dossiers' statuses from the index alone (no visit to each row).
  `DROP INDEX dossiers_open_due`,
  `CREATE INDEX dossiers_open_due ON dossiers (site_id, due_at) INCLUDE (status, processing_status) WHERE returned_at IS NULL`,
  `CREATE INDEX dossiers_site_received ON dossiers (site_id, received_at) WHERE received_at IS NOT NULL`,
  `CREATE INDEX dossiers_site_result_ready ON dossiers (site_id, result_ready_at) WHERE result_ready_at IS NOT NULL`,
  `CREATE INDEX dossiers_site_rated ON dossiers (site_id, rated_at) WHERE rated_at IS NOT NULL`,
  `CREATE INDEX tickets_site_day ON tickets (site_id, service_date)`,
  `CREATE INDEX ratings_site_rated ON ratings (site_id, rated_at)`,
];
