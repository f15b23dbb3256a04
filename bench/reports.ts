import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_REPORT_DAYS } from '../contract/reports';
import { migrate } from '../main/node/db/migrate';
import { migrations } from '../main/node/db/migrations';
import { openConnection } from '../main/node/db/open';
import { ReportStore } from '../main/node/db/report-store';
import { uuidv7 } from '../main/node/db/uuidv7';
import { vnDate, vnMidnight } from '../main/core/vn-time';
import { hubAccounts } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';
import { dossierSite } from './dossier-fixture';
import { benchHub, issueLoad } from './queue';
import { percentile, table } from './stats';

const DOSSIERS = Number(process.env.BENCH_REPORT_DOSSIERS ?? 1_000_000);
const TICKETS_PER_DAY = Number(process.env.BENCH_REPORT_TICKETS ?? 600);
const DAY_MS = 86_400_000;
/** The periods end where the dossier fixture does (one dossier every 90 s from 2 January 2023); two years of tickets before that. */
const LAST_DAY = vnDate(Date.parse('2023-01-02T01:00:00Z') + DOSSIERS * 90_000);
const daysBefore = (n: number) => vnDate(vnMidnight(LAST_DAY) - n * DAY_MS);
const TICKETS_FROM = daysBefore(729);

/**
 * `npm run bench -- reports`: each report over a month and a year of a busy centre —
 * TICKETS_PER_DAY tickets a working day with their events and ratings, DOSSIERS dossiers with their
 * history — through the hub (HTTP, as a screen asks; the hub offers a year at most) next to the
 * raw SQL it runs (the report store's queries on the same file, one connection, no hub), the SQL of
 * two years too; then ticket issue without and with migration 010's folds of the logs.
 */
export async function reportsBench(): Promise<void> {
  // BENCH_REPORTS_DIR keeps the generated site (minutes to make) for the next run, which reuses it.
  const kept = process.env.BENCH_REPORTS_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'motcua-bench-reports-'));
  try {
    const reuse = kept !== undefined && existsSync(join(dir, READY));
    const t0 = performance.now();
    const site = reuse ? { file: join(dir, 'motcua.sqlite'), genSeconds: 0 } : await dossierSite(dir, DOSSIERS);
    const tickets = reuse ? countTickets(site.file) : addHistory(site.file);
    const genSeconds = (performance.now() - t0) / 1000;
    if (kept !== undefined) writeFileSync(join(dir, READY), '');
    // Data kept from an older run is brought to the code's schema first, as the hub would (timed: the cost of the update on a busy site).
    const migrating = openConnection(site.file, { quickCheck: false });
    const m0 = performance.now();
    const migration = migrate(migrating, migrations, null);
    const migrationSeconds = (performance.now() - m0) / 1000;
    migrating.close();
    const ranges = [
      ['a month', { from: daysBefore(29), to: LAST_DAY }],
      ['a year', { from: daysBefore(364), to: LAST_DAY }],
      ['two years', { from: TICKETS_FROM, to: LAST_DAY }],
    ] as const;
    const rows: [string, string][] = [
      ['data', reuse ? `kept in ${dir}: ${tickets.toLocaleString('en')} tickets` : `${DOSSIERS.toLocaleString('en')} dossiers (${site.genSeconds.toFixed(0)} s), ${tickets.toLocaleString('en')} tickets with events and ratings, dossier history (${genSeconds.toFixed(0)} s)`],
      ['schema update (migrations only)', `${JSON.stringify(migration)} in ${migrationSeconds.toFixed(1)} s`],
    ];
    const sql = rawSql(site.file, ranges);

    const proc = await startHubProcess(dir);
    try {
      const admin = await hubAccounts(proc.url, null, 'none').admin();
      for (const [label, r] of ranges) {
        for (const op of ['reports.queue', 'reports.dossiers', 'reports.satisfaction'] as const) {
          const hub = daysIn(r) <= MAX_REPORT_DAYS ? `${await timeAsync(() => admin[op](r))} through the hub` : `over ${MAX_REPORT_DAYS} days: not offered`;
          rows.push([`${op} ${label}`, `${hub}; SQL ${sql.get(`${op} ${label}`)}`]);
        }
      }
      rows.push(['reports.now (HTTP; today\'s rows, on the hub\'s own thread)', await timeAsync(() => admin['reports.now']({}))]);
    } finally {
      await proc.kill('SIGTERM');
    }
    table('Reports — a busy centre (median of 3 runs)', rows);
    table(`Ticket events written without and with migration 010's folds (a day of ${TICKETS_PER_DAY} tickets' events, one transaction per event as the hub writes them, ${ROUNDS} runs each)`, eventWritesWithAndWithoutFolds());
    table(`Ticket issue without and with migration 010's folds (20 concurrent kiosks, 5 s each on a fresh hub, ${ROUNDS} runs each)`, await issueWithAndWithoutFolds());
  } finally {
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** Marks a BENCH_REPORTS_DIR whose data is complete. */
const READY = 'bench-data-ready';

function countTickets(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
  } finally {
    db.close();
  }
}

const daysIn = (r: { from: string; to: string }) => Math.round((vnMidnight(r.to) - vnMidnight(r.from)) / DAY_MS) + 1;

/** Each report's raw SQL per period: the sum of its queries' medians, and each query's. */
function rawSql(file: string, ranges: readonly (readonly [string, { from: string; to: string }])[]): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const store = new ReportStore(db);
    const any = { serviceId: null, counterId: null, staffId: null };
    const anyDossier = { procedureCode: null, channel: null, staffId: null };
    const out = new Map<string, string>();
    const report = (parts: [string, () => unknown[]][]) => {
      const timed = parts.map(([name, f]) => ({ name, ...time(f) }));
      return `${timed.reduce((n, t) => n + t.ms, 0).toFixed(0)} ms (${timed.map((t) => `${t.name} ${t.ms.toFixed(0)} ms, ${t.rows.toLocaleString('en')} rows`).join('; ')})`;
    };
    for (const [label, r] of ranges) {
      const start = vnMidnight(r.from);
      const end = vnMidnight(r.to) + DAY_MS;
      out.set(`reports.queue ${label}`, report([['turns', () => store.queueLegs(r.from, r.to, any)], ['waiting', () => store.waitingSpells(r.from, r.to, null)], ['sessions', () => store.counterSpans(start, end, null)]]));
      out.set(`reports.dossiers ${label}`, report([['received', () => store.received(start, end, anyDossier)], ['intakes', () => store.intakes(start, end, anyDossier)], ['handled', () => store.handled(start, end, anyDossier)], ['due', () => store.dueBy(end, anyDossier)]]));
      out.set(`reports.satisfaction ${label}`, report([['ratings', () => store.ratings(start, end, any)]]));
    }
    return out;
  } finally {
    db.close();
  }
}

/** Ticket issue as it was before the reports: migration 010's triggers on the ticket events dropped (009's ticket indexes went with 010). */
const WITHOUT_FOLDS = 'DROP TRIGGER report_ticket_turns_fold; DROP TRIGGER report_ticket_waits_fold;';
const ROUNDS = 4;

/**
 * The folds' cost where it is paid: the ticket events of a busy day (issued, called, started,
 * finished) written one per transaction into a fresh hub database, without the triggers or
 * with them — the same writes, the cheapest way, no HTTP or hub around them to hide
 * or blur the difference. Synchronous writes off: the fsync is the same either way and would
 * drown it.
 */
function eventWritesWithAndWithoutFolds(): [string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-folds-'));
  try {
    const perEvent = { without: [] as number[], with: [] as number[] };
    for (let round = 0; round < ROUNDS * 2; round++) {
      const withFolds = withFoldsInRound(round);
      const db = openConnection(join(dir, `round-${round}.sqlite`), { quickCheck: false });
      try {
        migrate(db, migrations, null);
        if (!withFolds) db.exec(WITHOUT_FOLDS);
        db.pragma('foreign_keys = OFF'); // events of tickets this bench does not create
        db.pragma('synchronous = OFF');
        const insert = db.prepare('INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id, counter_id, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        const write = db.transaction((e: [string, string, string, number, string, string, string | null, string | null]) => insert.run(...e));
        const events = ['issued', 'called', 'started', 'finished'];
        const t = performance.now();
        for (let i = 0; i < TICKETS_PER_DAY; i++) {
          for (const [k, type] of events.entries()) write([`${round}-${i}-${type}`, `ticket-${i}`, type, 1_800_000_000_000 + i * 25_000 + k * 60_000, '2027-01-15', `service-${i % 4}`, k === 0 ? null : `counter-${i % 3}`, k === 0 ? null : 'staff-1']);
        }
        perEvent[withFolds ? 'with' : 'without'].push(((performance.now() - t) * 1000) / (TICKETS_PER_DAY * events.length));
      } finally {
        db.close();
      }
    }
    const list = (xs: number[]) => `${xs.map((x) => x.toFixed(1)).join(' / ')} µs per event (median ${percentile([...xs].sort((a, b) => a - b), 50).toFixed(1)})`;
    return [
      ['without the folds', list(perEvent.without)],
      ['with them (migration 010)', list(perEvent.with)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Without, with, with, without, …: the order cancels a drift of the shared machine along the run,
 * which an alternation would put on one side.
 */
const withFoldsInRound = (round: number) => round % 4 === 1 || round % 4 === 2;

/**
 * Ticket issue on a fresh hub for each run (a run's tickets would slow the next one's day),
 * without the reports' folds (their triggers dropped by hand before the hub starts) or with them,
 * ROUNDS times each.
 */
async function issueWithAndWithoutFolds(): Promise<[string, string][]> {
  const rates = { without: [] as number[], with: [] as number[] };
  for (let round = 0; round < ROUNDS * 2; round++) {
    const withFolds = withFoldsInRound(round);
    const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-issue-'));
    try {
      const first = await benchHub(dir);
      const services = first.cat.services.map((s) => s.id);
      await first.proc.kill('SIGTERM');
      if (!withFolds) {
        const db = new Database(join(dir, 'motcua.sqlite'));
        db.exec(WITHOUT_FOLDS);
        db.close();
      }
      const proc = await startHubProcess(dir);
      try {
        rates[withFolds ? 'with' : 'without'].push((await issueLoad(proc, first.kioskToken, services, 20, 5)).perSecond);
      } finally {
        await proc.kill('SIGTERM');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const list = (xs: number[]) => `${xs.map((x) => x.toFixed(0)).join(' / ')} tickets/s (median ${percentile([...xs].sort((a, b) => a - b), 50).toFixed(0)})`;
  return [
    ['tickets.issue without the report folds', list(rates.without)],
    ['tickets.issue with them (migration 010)', list(rates.with)],
  ];
}

function time(f: () => unknown[]): { ms: number; rows: number } {
  const runs = [0, 1, 2].map(() => {
    const t = performance.now();
    const rows = f().length;
    return { ms: performance.now() - t, rows };
  });
  return runs.sort((a, b) => a.ms - b.ms)[1]!;
}

async function timeAsync(f: () => Promise<unknown>): Promise<string> {
  const took: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await f();
    took.push(performance.now() - t);
  }
  return `${took.sort((a, b) => a - b)[1]!.toFixed(0)} ms`;
}

/**
 * Two years of tickets (working days, from 07:30, one every ~25 s across four services and three
 * counters: most served, some absent or cancelled, a third of the served rated) and every dossier's
 * history (received, result ready, returned), written straight to SQLite.
 */
function addHistory(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // a benchmark fixture, not the product's write path
  db.exec(`INSERT INTO dossier_events (dossier_id, type, at, staff_id, data)
    SELECT id, e.type, CASE e.type WHEN 'received' THEN received_at WHEN 'resultReady' THEN returned_at - 3600000 ELSE returned_at END, officer_id, '{}'
    FROM dossiers CROSS JOIN (SELECT 'received' AS type UNION ALL SELECT 'resultReady' UNION ALL SELECT 'returned') e ORDER BY received_at`);
  const services = db.prepare('SELECT id, sequence_id, prefix FROM services ORDER BY sort_order').all() as { id: string; sequence_id: string; prefix: string }[];
  const counters = (db.prepare('SELECT id FROM counters ORDER BY number').all() as { id: string }[]).map((c) => c.id);
  const staffId = (db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_date, sequence_id, number, display_code, service_id, source, status, issued_at, queue_entered_at, called_at, started_at, finished_at, counter_id, staff_id)
     VALUES (?, ?, ?, ?, ?, ?, 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare('INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id, counter_id, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const rating = db.prepare(`INSERT INTO ratings (id, ticket_id, counter_id, staff_id, score, score_label, reasons, at) VALUES (?, ?, ?, ?, ?, ?, '[]', ?)`);
  const session = db.prepare('INSERT INTO counter_sessions (id, counter_id, staff_id, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)');
  const scores = [['very_satisfied', 'Rất hài lòng'], ['satisfied', 'Hài lòng'], ['unsatisfied', 'Không hài lòng']] as const;
  let count = 0;
  const day = db.transaction((date: string) => {
    const open = vnMidnight(date) + 7.5 * 3_600_000;
    // One officer at every counter all day: the counter sessions the reports clip (not unique per officer here).
    counters.forEach((c) => session.run(uuidv7(open), c, staffId, open, open + 9 * 3_600_000));
    for (let i = 0; i < TICKETS_PER_DAY; i++) {
      const s = services[i % services.length]!;
      const counter = counters[i % counters.length]!;
      const issued = open + i * 25_000;
      const called = issued + ((i * 7919) % 30) * 60_000;
      const fate = i % 20 === 0 ? 'skipped' : i % 50 === 1 ? 'cancelled' : 'finished';
      const id = uuidv7(issued);
      const finished = called + (5 + (i % 6)) * 60_000;
      ticket.run(id, date, s.sequence_id, i + 1, `${s.prefix}${i + 1}`, s.id, fate, issued, issued, fate === 'cancelled' ? null : called, fate === 'finished' ? called + 60_000 : null, fate === 'finished' ? finished : null, counter, staffId);
      const ev = (type: string, at: number) => event.run(`${id}-${type}`, id, type, at, date, s.id, type === 'issued' ? null : counter, staffId);
      ev('issued', issued);
      if (fate === 'cancelled') ev('cancelled', issued + 60_000);
      else {
        ev('called', called);
        if (fate === 'skipped') ev('skipped', called + 60_000);
        else {
          ev('started', called + 60_000);
          ev('finished', finished);
          if (i % 3 === 0) {
            const [score, label] = scores[i % scores.length]!;
            rating.run(uuidv7(finished), id, counter, staffId, score, label, finished + 30_000);
          }
        }
      }
      count += 1;
    }
  });
  for (let at = vnMidnight(TICKETS_FROM); at <= vnMidnight(LAST_DAY); at += DAY_MS) {
    const weekday = new Date(at + 7 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) day(vnDate(at));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return count;
}
