import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_REPORT_DAYS } from '../contract/reports';
import { migrate } from '../main/node/db/migrate';
import { migrations } from '../main/node/db/migrations';
import { openConnection } from '../main/node/db/open';
import { migration010 } from '../main/node/db/migrations/010-report-folds';
import { ReportStore } from '../main/node/db/report-store';
import { FOLD_BATCH, TicketFolds } from '../main/node/db/ticket-folds';
import { uuidv7 } from '../main/node/db/uuidv7';
import { vnDate, vnMidnight } from '../main/core/vn-time';
import { hubAccounts } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';
import { dossierSite } from './dossier-fixture';
import { benchHub, issueLoad } from './queue';
import { cpuSeconds } from './proc';
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
 * two years too; then ticket events written and tickets issued by how the events reach the
 * reports' folds: not at all, by migration 010's triggers, or in batches after (migration 011).
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
    const folded = reuse ? null : foldHistory(site.file);
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
      ...(folded ? [['ticket events folded for the reports', folded] as [string, string]] : []),
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
    table(`Ticket events written, by how they reach the reports' folds (a day of ${TICKETS_PER_DAY} tickets' events, one transaction per event as the hub writes them, ${ROUNDS} runs each)`, eventWritesByFoldWay());
    table(`Ticket issue, by how the events reach the reports' folds (20 concurrent kiosks, 5 s each on a fresh hub, ${ROUNDS} runs each)`, await issueByFoldWay());
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

/**
 * How the ticket events reach the reports' folds, three ways, each on its own fresh database:
 * - `none`: not at all, as before the reports (the fold mark set past every event, so the hub's
 *   folding finds nothing to do);
 * - `triggers`: migration 010's triggers, in the transaction that writes the event (what stop 20 shipped);
 * - `batches`: as the hub folds them now (migration 011), a second behind, in batches.
 */
type FoldWay = 'none' | 'triggers' | 'batches';
const FOLD_WAYS: readonly FoldWay[] = ['none', 'triggers', 'batches'];
const foldWayLabels: Record<FoldWay, string> = { none: 'no folds (before the reports)', triggers: "migration 010's triggers", batches: 'folded in batches after (migration 011)' };
const ROUNDS = 4;

/** Sets a migrated database up for one way. */
function foldWay(db: Database.Database, way: FoldWay): void {
  if (way === 'triggers') migration010.up(db); // its triggers back, on top of 011
  if (way !== 'batches') db.exec("UPDATE report_fold_marks SET folded_to = 1e15 WHERE log = 'ticket_events'");
}

/**
 * Each round takes the ways in another order (a, b, c; then c, b, a; …): a drift of the shared
 * machine along the run would otherwise fall on one side.
 */
const roundOrder = (round: number): readonly FoldWay[] => (round % 2 === 0 ? FOLD_WAYS : [...FOLD_WAYS].reverse());

/**
 * The folds' cost where it is paid: the ticket events of a busy day (issued, called, started,
 * finished) written one per transaction into a fresh hub database — the same writes the cheapest
 * way, no HTTP or hub around them to hide or blur the difference — and, folded in batches, the
 * batches' own time after. Synchronous writes off: the fsync is the same either way and would drown it.
 */
function eventWritesByFoldWay(): [string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-folds-'));
  try {
    const write: Record<FoldWay, number[]> = { none: [], triggers: [], batches: [] };
    const fold: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of roundOrder(round)) {
        const db = openConnection(join(dir, `${way}-${round}.sqlite`), { quickCheck: false });
        try {
          migrate(db, migrations, null);
          foldWay(db, way);
          db.pragma('foreign_keys = OFF'); // events of tickets this bench does not create
          db.pragma('synchronous = OFF');
          const insert = db.prepare('INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id, counter_id, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
          const one = db.transaction((e: [string, string, string, number, string, string, string | null, string | null]) => insert.run(...e));
          const types = ['issued', 'called', 'started', 'finished'];
          const events = TICKETS_PER_DAY * types.length;
          const t = performance.now();
          for (let i = 0; i < TICKETS_PER_DAY; i++) {
            for (const [k, type] of types.entries()) one([`${round}-${i}-${type}`, `ticket-${i}`, type, 1_800_000_000_000 + i * 25_000 + k * 60_000, '2027-01-15', `service-${i % 4}`, k === 0 ? null : `counter-${i % 3}`, k === 0 ? null : 'staff-1']);
          }
          write[way].push(((performance.now() - t) * 1000) / events);
          if (way === 'batches') {
            const folds = new TicketFolds(db);
            const batch = db.transaction(() => folds.foldNext());
            const f = performance.now();
            while (batch() > 0);
            fold.push(((performance.now() - f) * 1000) / events);
          }
        } finally {
          db.close();
        }
      }
    }
    const list = (xs: number[]) => `${xs.map((x) => x.toFixed(1)).join(' / ')} µs per event (median ${median(xs).toFixed(1)})`;
    return [
      ...FOLD_WAYS.map((way): [string, string] => [`written, ${foldWayLabels[way]}`, list(write[way])]),
      [`then folded, in batches of ${FOLD_BATCH.toLocaleString('en')}`, list(fold)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/**
 * Ticket issue on a fresh hub for each run (a run's tickets would slow the next one's day), each
 * way, ROUNDS times. The hub folds every second, so the batches' work is inside the 5 s measured.
 */
async function issueByFoldWay(): Promise<[string, string][]> {
  const rates: Record<FoldWay, number[]> = { none: [], triggers: [], batches: [] };
  const cpu: Record<FoldWay, number[]> = { none: [], triggers: [], batches: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const way of roundOrder(round)) {
      const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-issue-'));
      try {
        const first = await benchHub(dir);
        const services = first.cat.services.map((s) => s.id);
        await first.proc.kill('SIGTERM');
        const db = new Database(join(dir, 'motcua.sqlite'));
        foldWay(db, way);
        db.close();
        const proc = await startHubProcess(dir);
        try {
          const cpu0 = cpuSeconds(proc.pid);
          const load = await issueLoad(proc, first.kioskToken, services, 20, 5);
          // The folding of the last second's tickets, which the run's end would leave out of the hub's CPU.
          await settle(FOLD_SETTLE_MS);
          rates[way].push(load.perSecond);
          cpu[way].push(((cpuSeconds(proc.pid) - cpu0) * 1e6) / load.latency.n);
        } finally {
          await proc.kill('SIGTERM');
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const list = (xs: number[], unit: string) => `${xs.map((x) => x.toFixed(0)).join(' / ')} ${unit} (median ${median(xs).toFixed(0)})`;
  return FOLD_WAYS.flatMap((way): [string, string][] => [
    [`tickets.issue, ${foldWayLabels[way]}`, list(rates[way], 'tickets/s')],
    ['  the hub\'s CPU per ticket', list(cpu[way], 'µs')],
  ]);
}

/** Longer than the hub's folding period (main/node/hub/ticket-folding.ts), so the last batch is in the CPU counted. */
const FOLD_SETTLE_MS = 1_500;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The ticket events written by `addHistory`, folded as the hub folds them (in batches of
 * FOLD_BATCH, a transaction each): a site updated to migration 011 has its folds already, so
 * this is the cost of folding two years at once, ~the cost of a year's backlog after a restore.
 */
function foldHistory(file: string): string {
  const db = openConnection(file, { quickCheck: false });
  try {
    db.pragma('synchronous = OFF');
    const folds = new TicketFolds(db);
    const batch = db.transaction(() => folds.foldNext());
    const t = performance.now();
    let events = 0;
    for (let n = batch(); n > 0; n = batch()) events += n;
    const seconds = (performance.now() - t) / 1000;
    return `${events.toLocaleString('en')} ticket events folded in ${seconds.toFixed(1)} s (${((seconds * 1e6) / Math.max(1, events)).toFixed(1)} µs each)`;
  } finally {
    db.close();
  }
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
