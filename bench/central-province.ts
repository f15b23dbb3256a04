import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Db } from '../central/db/db';
import { PROVINCE_INDEXES, statements as provinceIndexes } from '../central/db/migrations/006-province-indexes';
import { prepareDatabase } from '../central/db/open';
import { openPostgres } from '../central/db/postgres';
import { parsePeriod, vnDate, vnMidnight, type Period } from '../central/reports/period';
import { provinceReport } from '../central/reports/province';
import { PROVINCE_SQL, provinceParams } from '../central/reports/province-sql';
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
 * later, nine in ten returned (some after their due time), the rest open; TICKETS_PER_DAY tickets
 * and RATINGS_PER_DAY ratings. One site in ten last pushed five hours ago.
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
       receiving_unit, received_at, due_at, returned_at, snapshot, last_event_type, last_event_at, last_event_id)
     SELECT site_id, gen_random_uuid(), site_id || '-' || d || '-' || n, CASE WHEN open THEN 'processing' ELSE 'returned' END,
       '1.000948.H38', 1, 'Đăng ký khai sinh', 'person', 'Nguyễn Văn An', 'UBND xã', recv, recv + due_days * interval '1 day',
       CASE WHEN open THEN NULL ELSE recv + (due_days + (n % 5) - 3) * interval '1 day' END,
       jsonb_build_object('channel', 'direct', 'sets', 1, 'documents', jsonb_build_array(jsonb_build_object('index', 0, 'name', 'Tờ khai đăng ký khai sinh', 'received', 1)),
         'applicant', jsonb_build_object('kind', 'person', 'fullName', 'Nguyễn Văn An', 'address', 'Thôn 3, xã Ia Grai, tỉnh Gia Lai')),
       CASE WHEN open THEN 'received' ELSE 'returned' END, recv, 0
     FROM (SELECT 'xa-' || lpad(s::text, 3, '0') AS site_id, d, n, $1::timestamptz + d * interval '1 day' + interval '1 hour' + (n * 23 % 480) * interval '1 minute' AS recv,
             3 + (s + d + n) % 8 AS due_days, (s * 7 + d * 3 + n) % 10 = 0 AS open
           FROM generate_series(1, $2::int) s, generate_series(0, $3::int - 1) d, generate_series(1, $4::int) n) g`,
    [start, SITES, DAYS, DOSSIERS_PER_DAY],
  );
  await db.query(
    `INSERT INTO tickets (site_id, ticket_id, service_date, service_id, display_code, status, issued_at, called_at, started_at, finished_at, counter_id, recall_count, last_event_type, last_event_id)
     SELECT site_id, gen_random_uuid(), (issued AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'svc-ho-tich', 'A' || lpad(n::text, 3, '0'),
       CASE WHEN n % 12 = 0 THEN 'skipped' ELSE 'finished' END, issued, issued + (n % 20) * interval '1 minute',
       issued + (n % 20 + 1) * interval '1 minute', issued + (n % 20 + 8) * interval '1 minute', 'c1', 0, 'finished', 0
     FROM (SELECT 'xa-' || lpad(s::text, 3, '0') AS site_id, n, $1::timestamptz + d * interval '1 day' + interval '1 hour' + n * interval '11 minutes' AS issued
           FROM generate_series(1, $2::int) s, generate_series(0, $3::int - 1) d, generate_series(1, $4::int) n) g`,
    [start, SITES, DAYS, TICKETS_PER_DAY],
  );
  await db.query(
    `INSERT INTO ratings (site_id, ticket_id, rating_id, score, score_label, reasons, rated_at, last_event_id)
     SELECT t.site_id, t.ticket_id, gen_random_uuid(), CASE WHEN abs(hashtext(t.ticket_id::text)) % 10 = 0 THEN 'unsatisfied' ELSE 'satisfied' END, 'Hài lòng', '[]', t.finished_at, 0
     FROM tickets t WHERE t.display_code <= 'A' || lpad($1::text, 3, '0') AND t.status = 'finished'`,
    [RATINGS_PER_DAY],
  );
  await db.query('VACUUM ANALYZE dossiers');
  await db.query('VACUUM ANALYZE tickets');
  await db.query('VACUUM ANALYZE ratings');
}

/** The province's report through our code, and its SQL run on a plain client (the baseline), for a period. */
async function measure(db: Db, raw: pg.Client, period: Period, now: Date): Promise<{ ours: number; sql: number }> {
  const ours = await time(() => provinceReport(db, period, now));
  const sql = await time(() => raw.query(PROVINCE_SQL, provinceParams(period, now)));
  return { ours, sql };
}

/** A projected dossier change as a push makes it: one row written per statement, 100 to a transaction. */
async function writeCost(db: Db, count: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < count; i += 100) {
    await db.transaction(async (tx) => {
      for (let j = i; j < i + 100; j++) {
        await tx.query(
          `INSERT INTO dossiers (site_id, dossier_id, status, procedure_code, procedure_version, procedure_name, applicant_kind, applicant_name, receiving_unit,
             received_at, due_at, snapshot, last_event_type, last_event_at, last_event_id)
           VALUES ('xa-001', gen_random_uuid(), 'received', '1.000948.H38', 1, 'Đăng ký khai sinh', 'person', 'Nguyễn Văn An', 'UBND xã', now(), now() + interval '3 days', '{}', 'received', now(), $1)`,
          [j],
        );
      }
    });
  }
  return ((performance.now() - t) * 1000) / count;
}

/**
 * `npm run bench -- central-province`: the province's page over SITES sites × a year, for a month
 * and a year, through our code next to its SQL on a plain pg client; without and with migration
 * 006's indexes, what creating them takes, and what they cost each projected dossier write.
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
    const report = async (label: string) => {
      for (const [name, period] of periods) {
        const m = await measure(db, raw, period, now);
        rows.push([`${name} ${label}`, `${m.ours.toFixed(0)} ms through our code; its SQL on a plain client ${m.sql.toFixed(0)} ms (median of ${RUNS})`]);
      }
    };

    for (const name of PROVINCE_INDEXES) await db.query(`DROP INDEX ${name}`);
    await report('without 006');
    const before = await writeCost(db, 5000);
    const c0 = performance.now();
    for (const sql of provinceIndexes) await db.query(sql);
    await db.query('ANALYZE dossiers');
    rows.push(['creating 006 on this data', `${seconds(c0)} s`]);
    await report('with 006');
    const after = await writeCost(db, 5000);
    rows.push(['projected dossier insert (5,000, 100 a transaction)', `${before.toFixed(0)} µs each without 006, ${after.toFixed(0)} µs with`]);
    table(`Central: the province's page over ${SITES} sites × ${DAYS} days (PostgreSQL)`, rows);
  } finally {
    await raw.end().catch(() => undefined);
    await db.close();
    await t.dispose();
  }
}
