import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Db } from '../central/db/db';
import { prepareDatabase } from '../central/db/open';
import { openPostgres } from '../central/db/postgres';
import { decodersV1 } from '../central/projection/decode';
import type { StoredEvent } from '../central/projection/fold';
import { projectNew } from '../central/projection/project';
import { parsePeriod, vnDate, vnMidnight, type Period } from '../central/reports/period';
import { provinceReport } from '../central/reports/province';
import { PROVINCE_SQL, provinceParams, RUNNING_STATUSES } from '../central/reports/province-sql';
import { recomputeSiteDays, refreshSiteDays } from '../central/reports/site-days';
import { createTestDatabase } from '../test/support/postgres';
import { table } from './stats';

const SITES = Number(process.env.BENCH_PROVINCE_SITES ?? 150);
const DAYS = 365;
const DOSSIERS_PER_DAY = Number(process.env.BENCH_PROVINCE_DOSSIERS ?? 20);
const TICKETS_PER_DAY = Number(process.env.BENCH_PROVINCE_TICKETS ?? 40);
const RATINGS_PER_DAY = 10;
const RUNS = 7;
const DAY_MS = 86_400_000;

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median of RUNS timings of `run` (after one to warm the cache), in ms. */
async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/**
 * A year of SITES sites straight into the projection tables (generate_series, no events: the
 * page reads only the projections): DOSSIERS_PER_DAY dossiers a site a day, due 3 to 10 days
 * later, nine in ten ready and returned (some after their due time; one in ten of them rated), the
 * rest open; TICKETS_PER_DAY tickets (one in 25 the continuation of a redirected one) and
 * RATINGS_PER_DAY ratings. One site in ten last pushed five hours ago.
 */
async function generate(db: Db, firstDay: string): Promise<void> {
  const start = new Date(vnMidnight(firstDay));
  await db.query(`INSERT INTO sites (site_id, name, created_at) SELECT 'xa-' || lpad(s::text, 3, '0'), 'UBND xã số ' || s, now() - interval '2 years' FROM generate_series(1, $1::int) s`, [SITES]);
  await db.query(
    `INSERT INTO streams (site_id, incarnation, base_seq, last_seq, updated_at)
     SELECT site_id, gen_random_uuid(), 1, 1000, now() - CASE WHEN right(site_id, 1) = '0' THEN interval '5 hours' ELSE interval '1 minute' END FROM sites`,
  );
  await db.query(
    `INSERT INTO dossiers (site_id, dossier_id, code, status, procedure_code, procedure_version, procedure_name, applicant_kind, applicant_name,
       receiving_unit, received_at, due_at, returned_at, result_ready_at, rated_at, rating_satisfied, snapshot, last_event_type, last_event_at, last_event_id)
     SELECT site_id, gen_random_uuid(), site_id || '-' || d || '-' || n, CASE WHEN open THEN 'processing' ELSE 'returned' END,
       '1.000948.H38', 1, 'Đăng ký khai sinh', 'person', 'Nguyễn Văn An', 'UBND xã', recv, recv + due_days * interval '1 day',
       CASE WHEN open THEN NULL ELSE recv + (due_days + (n % 5) - 3) * interval '1 day' + interval '2 hours' END,
       CASE WHEN open THEN NULL ELSE recv + (due_days + (n % 5) - 3) * interval '1 day' END,
       CASE WHEN open OR n % 10 <> 1 THEN NULL ELSE recv + (due_days + (n % 5) - 3) * interval '1 day' + interval '2 hours' END,
       CASE WHEN open OR n % 10 <> 1 THEN NULL ELSE d % 4 <> 0 END,
       jsonb_build_object('channel', 'direct', 'sets', 1, 'documents', jsonb_build_array(jsonb_build_object('index', 0, 'name', 'Tờ khai đăng ký khai sinh', 'received', 1)),
         'applicant', jsonb_build_object('kind', 'person', 'fullName', 'Nguyễn Văn An', 'address', 'Thôn 3, xã Ia Grai, tỉnh Gia Lai')),
       CASE WHEN open THEN 'received' ELSE 'returned' END, recv, 0
     FROM (SELECT 'xa-' || lpad(s::text, 3, '0') AS site_id, d, n, $1::timestamptz + d * interval '1 day' + interval '1 hour' + (n * 23 % 480) * interval '1 minute' AS recv,
             3 + (s + d + n) % 8 AS due_days, (s * 7 + d * 3 + n) % 10 = 0 AS open
           FROM generate_series(1, $2::int) s, generate_series(0, $3::int - 1) d, generate_series(1, $4::int) n) g`,
    [start, SITES, DAYS, DOSSIERS_PER_DAY],
  );
  await db.query(
    `INSERT INTO tickets (site_id, ticket_id, service_date, service_id, display_code, status, issued_at, called_at, first_called_at, started_at, finished_at,
       counter_id, recall_count, continues, last_event_type, last_event_id)
     SELECT site_id, gen_random_uuid(), (issued AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'svc-ho-tich', 'A' || lpad(n::text, 3, '0'),
       CASE WHEN n % 12 = 0 THEN 'skipped' ELSE 'finished' END, issued, issued + (n % 20) * interval '1 minute', issued + (n % 20) * interval '1 minute',
       issued + (n % 20 + 1) * interval '1 minute', issued + (n % 20 + 8) * interval '1 minute', 'c1', 0, n % 25 = 0, 'finished', 0
     FROM (SELECT 'xa-' || lpad(s::text, 3, '0') AS site_id, n, $1::timestamptz + d * interval '1 day' + interval '1 hour' + n * interval '11 minutes' AS issued
           FROM generate_series(1, $2::int) s, generate_series(0, $3::int - 1) d, generate_series(1, $4::int) n) g`,
    [start, SITES, DAYS, TICKETS_PER_DAY],
  );
  await db.query(
    `INSERT INTO ratings (site_id, ticket_id, rating_id, score, score_label, reasons, satisfied, rated_at, last_event_id)
     SELECT t.site_id, t.ticket_id, gen_random_uuid(), CASE WHEN abs(hashtext(t.ticket_id::text)) % 10 = 0 THEN 'unsatisfied' ELSE 'satisfied' END, 'Hài lòng', '[]',
       abs(hashtext(t.ticket_id::text)) % 10 <> 0, t.finished_at, 0
     FROM tickets t WHERE t.display_code <= 'A' || lpad($1::text, 3, '0') AND t.status = 'finished'`,
    [RATINGS_PER_DAY],
  );
  await db.query('VACUUM ANALYZE dossiers');
  await db.query('VACUUM ANALYZE tickets');
  await db.query('VACUUM ANALYZE ratings');
}

/**
 * The province's report through our code, its SQL on a plain client, and the baseline: the same
 * figures counted from the projected rows for the period, the way the page did before site_days
 * (its fastest form: one pass over each table's index range, grouped by site).
 */
async function measure(db: Db, raw: pg.Client, period: Period, now: Date): Promise<{ ours: number; sql: number; rows: number }> {
  const ours = await time(() => provinceReport(db, period, now));
  const sql = await time(() => raw.query(PROVINCE_SQL, provinceParams(period, now)));
  const rows = await time(() => raw.query(FROM_ROWS, [period.start, period.end, period.from, period.to, now, [...RUNNING_STATUSES]]));
  return { ours, sql, rows };
}

const vnDay = (c: string) => `(${c} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const SCORED = 'coalesce(first_previous_due_at, due_at)';
/** The period's figures per site straight from the projections, and the same overdue count and flags (the baseline; the definitions of site-days.ts). */
const FROM_ROWS = `
WITH received AS (SELECT site_id, count(*) AS n FROM dossiers WHERE received_at >= $1 AND received_at < $2 GROUP BY site_id),
handled AS (
  SELECT site_id, count(*) FILTER (WHERE result_ready_at > ${SCORED}) AS late,
    count(*) FILTER (WHERE result_ready_at <= ${SCORED} AND ${vnDay('result_ready_at')} < ${vnDay(SCORED)}) AS early,
    count(*) FILTER (WHERE result_ready_at <= ${SCORED} AND ${vnDay('result_ready_at')} >= ${vnDay(SCORED)}) AS on_time
  FROM dossiers WHERE result_ready_at >= $1 AND result_ready_at < $2 AND due_at IS NOT NULL GROUP BY site_id),
tickets AS (
  SELECT site_id, count(*) FILTER (WHERE NOT continues) AS issued, count(*) FILTER (WHERE status IN ('finished', 'redirected')) AS served,
    count(*) FILTER (WHERE status = 'skipped') AS no_show, avg(extract(epoch FROM first_called_at - issued_at)) FILTER (WHERE first_called_at >= issued_at) AS wait
  FROM tickets WHERE service_date >= $3::date AND service_date <= $4::date GROUP BY site_id),
rated AS (
  SELECT site_id, count(*) AS n, count(*) FILTER (WHERE satisfied) AS satisfied FROM (
    SELECT site_id, satisfied FROM ratings WHERE rated_at >= $1 AND rated_at < $2
    UNION ALL SELECT site_id, rating_satisfied FROM dossiers WHERE rated_at >= $1 AND rated_at < $2) x GROUP BY site_id),
overdue AS (
  SELECT site_id, count(*) AS n FROM dossiers
  WHERE returned_at IS NULL AND due_at < $5 AND status = ANY($6::text[]) AND processing_status IS DISTINCT FROM 'result_ready' GROUP BY site_id),
pushed AS (SELECT site_id, max(updated_at) AS at FROM streams GROUP BY site_id)
SELECT * FROM sites s LEFT JOIN received USING (site_id) LEFT JOIN handled USING (site_id) LEFT JOIN tickets USING (site_id) LEFT JOIN rated USING (site_id)
  LEFT JOIN overdue USING (site_id) LEFT JOIN pushed USING (site_id) LEFT JOIN site_seen USING (site_id)`;

/** Indexes the baseline needs to read only the period's rows (what migration 006 kept before site_days). */
const BASELINE_INDEXES = [
  'CREATE INDEX bench_received ON dossiers (received_at, site_id)',
  'CREATE INDEX bench_ready ON dossiers (result_ready_at, site_id) INCLUDE (due_at, first_previous_due_at) WHERE result_ready_at IS NOT NULL',
  'CREATE INDEX bench_rated ON dossiers (rated_at, site_id) INCLUDE (rating_satisfied) WHERE rated_at IS NOT NULL',
  'CREATE INDEX bench_service_date ON tickets (service_date, site_id)',
  'CREATE INDEX bench_ratings ON ratings (rated_at, site_id) INCLUDE (satisfied)',
];

/**
 * What keeping site_days costs a push: pushes of PUSH_SIZE events (a ticket's four steps and a
 * dossier received, as a busy desk sends them) projected by the push's code, of which the
 * recomputation of the days touched is one statement; median ms a push, and of that statement.
 */
const PUSH_SIZE = 50;
async function pushCost(db: Db, pushes: number): Promise<{ push: number; refresh: number }> {
  const at = new Date().toISOString();
  const day = vnDate(Date.now());
  const push: number[] = [];
  const refresh: number[] = [];
  let id = 1;
  for (let i = 0; i < pushes; i++) {
    const events: StoredEvent[] = [];
    while (events.length < PUSH_SIZE) {
      const ticketId = randomUUID();
      for (const [type, status] of [['issued', 'waiting'], ['called', 'called'], ['started', 'serving'], ['finished', 'finished']] as const) {
        events.push({ id: id++, type: `ticket.${type}`, version: 1, aggregateId: ticketId, payload: JSON.stringify({
          ticketId, serviceDate: day, serviceId: 'svc-ho-tich', displayCode: 'A001', priorityClassId: null, status, at, counterId: 'c1', staffId: null, deviceId: null, data: {},
        }) });
      }
      const dossierId = randomUUID();
      events.push({ id: id++, type: 'dossier.received', version: 1, aggregateId: dossierId, payload: JSON.stringify({
        dossierId, code: null, status: 'received', procedureCode: '1.000948.H38', procedureVersion: 1, procedureName: 'Đăng ký khai sinh',
        applicant: { kind: 'person', fullName: 'Nguyễn Văn An' }, receivingUnit: 'UBND xã', receivedAt: at, dueAt: at, returnedAt: null,
        event: { type: 'received', at, staffId: null, data: {} },
      }) });
    }
    await db.transaction(async (tx) => {
      const t = performance.now();
      await projectNew(tx, 'xa-001', events.slice(0, PUSH_SIZE), decodersV1);
      push.push(performance.now() - t);
      const r = performance.now();
      await refreshSiteDays(tx, 'xa-001', [day]);
      refresh.push(performance.now() - r);
    });
  }
  return { push: median(push), refresh: median(refresh) };
}

/**
 * `npm run bench -- central-province`: the province's page over SITES sites × a year, for a month
 * and a year, through our code next to its SQL on a plain pg client and the same figures counted
 * from the projected rows; what filling site_days takes, and what keeping it costs a push.
 * Needs PostgreSQL (MOTCUA_TEST_DATABASE_URL): PGlite is for small provinces.
 */
export async function centralProvinceBench(): Promise<void> {
  if (!process.env.MOTCUA_TEST_DATABASE_URL) {
    console.log('\ncentral-province: skipped — set MOTCUA_TEST_DATABASE_URL to a PostgreSQL server (a user that may CREATE DATABASE) to run it.');
    return;
  }
  const t = await createTestDatabase();
  const db = openPostgres(t.url, 4);
  const raw = new pg.Client({ connectionString: t.url });
  try {
    await prepareDatabase(db);
    await raw.connect();
    const now = new Date();
    const lastDay = vnDate(now.getTime() - DAY_MS);
    const firstDay = vnDate(vnMidnight(lastDay) - (DAYS - 1) * DAY_MS);
    const g0 = performance.now();
    await generate(db, firstDay);
    const [counts] = await db.query<{ d: number; t: number; r: number }>('SELECT (SELECT count(*) FROM dossiers) AS d, (SELECT count(*) FROM tickets) AS t, (SELECT count(*) FROM ratings) AS r');
    const rows: [string, string][] = [[
      'data',
      `${SITES} sites: ${counts!.d.toLocaleString('en')} dossiers, ${counts!.t.toLocaleString('en')} tickets, ${counts!.r.toLocaleString('en')} ratings (${seconds(g0)} s to generate)`,
    ]];
    const periodOf = (from: string) => {
      const p = parsePeriod(from, lastDay);
      if (!p.ok) throw new Error(p.message);
      return p.period;
    };
    const periods = [['a month', periodOf(vnDate(vnMidnight(lastDay) - 29 * DAY_MS))], ['a year', periodOf(firstDay)]] as const;
    const f0 = performance.now();
    await db.transaction((tx) => recomputeSiteDays(tx, null));
    const [days] = await db.query<{ n: number }>('SELECT count(*) AS n FROM site_days');
    rows.push(['site_days from scratch (at start, after a change of its definition)', `${seconds(f0)} s for ${Number(days!.n).toLocaleString('en')} rows`]);
    const b0 = performance.now();
    for (const sql of BASELINE_INDEXES) await db.query(sql);
    await db.query('ANALYZE');
    rows.push(['the baseline\'s indexes', `${seconds(b0)} s to build (dropped again before the push figures)`]);
    for (const [name, period] of periods) {
      const m = await measure(db, raw, period, now);
      rows.push([
        name,
        `${m.ours.toFixed(0)} ms through our code; its SQL on a plain client ${m.sql.toFixed(0)} ms; baseline, counted from the projected rows: ${m.rows.toFixed(0)} ms (median of ${RUNS})`,
      ]);
    }
    for (const sql of BASELINE_INDEXES) await db.query(`DROP INDEX ${sql.split(' ')[2]}`);
    const cost = await pushCost(db, 200);
    rows.push([`a push of ${PUSH_SIZE} events, projected (200 pushes)`, `${cost.push.toFixed(1)} ms median, of which recomputing the site's day ${cost.refresh.toFixed(1)} ms`]);
    table(`Central: the province's page over ${SITES} sites × ${DAYS} days (PostgreSQL)`, rows);
  } finally {
    await raw.end().catch(() => undefined);
    await db.close();
    await t.dispose();
  }
}
