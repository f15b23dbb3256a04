import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReportStore } from '../main/node/db/report-store';
import { uuidv7 } from '../main/node/db/uuidv7';
import { vnDate, vnMidnight } from '../main/core/vn-time';
import { hubAccounts } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';
import { dossierSite } from './dossier-fixture';
import { table } from './stats';

const DOSSIERS = Number(process.env.BENCH_REPORT_DOSSIERS ?? 1_000_000);
const TICKETS_PER_DAY = Number(process.env.BENCH_REPORT_TICKETS ?? 600);
const DAY_MS = 86_400_000;
/** The periods end where the dossier fixture does (one dossier every 90 s from 2 January 2023); two years of tickets before that. */
const LAST_DAY = vnDate(Date.parse('2023-01-02T01:00:00Z') + DOSSIERS * 90_000);
const daysBefore = (n: number) => vnDate(vnMidnight(LAST_DAY) - n * DAY_MS);
const TICKETS_FROM = daysBefore(729);

/**
 * `npm run bench -- reports`: each report over a month, a year and two years of a busy centre —
 * TICKETS_PER_DAY tickets a working day with their events and ratings, DOSSIERS dossiers with their
 * history — through the hub (HTTP, as a screen asks) and, beside it, the report store's raw SQL.
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
    const ranges = [
      ['a month', { from: daysBefore(29), to: LAST_DAY }],
      ['a year', { from: daysBefore(364), to: LAST_DAY }],
      ['two years', { from: TICKETS_FROM, to: LAST_DAY }],
    ] as const;
    const rows: [string, string][] = [
      ['data', `${DOSSIERS.toLocaleString('en')} dossiers (${site.genSeconds.toFixed(0)} s), ${tickets.toLocaleString('en')} tickets with events and ratings, dossier history (${genSeconds.toFixed(0)} s)`],
    ];
    const db = new Database(site.file, { readonly: true });
    const store = new ReportStore(db);
    const any = { serviceId: null, counterId: null, staffId: null };
    const anyDossier = { procedureCode: null, channel: null, staffId: null };
    for (const [label, r] of ranges) {
      const start = vnMidnight(r.from);
      const end = vnMidnight(r.to) + DAY_MS;
      rows.push([`SQL ${label}: queue turns / waiting spells / sessions`, [time(() => store.queueLegs(r.from, r.to, any)), time(() => store.waitingSpells(r.from, r.to, null)), time(() => store.counterSpans(start, end, null))].join(' / ')]);
      rows.push([`SQL ${label}: received / intakes / handled / due`, [time(() => store.received(start, end, anyDossier)), time(() => store.intakes(start, end, anyDossier)), time(() => store.handled(start, end, anyDossier)), time(() => store.dueBy(end, anyDossier))].join(' / ')]);
      rows.push([`SQL ${label}: ratings`, time(() => store.ratings(start, end, any))]);
    }
    db.close();

    const proc = await startHubProcess(dir);
    try {
      const admin = await hubAccounts(proc.url, null, 'none').admin();
      // The hub offers a month at most (MAX_REPORT_DAYS): the longer periods are measured as SQL only, above.
      const [label, month] = ranges[0];
      for (const op of ['reports.queue', 'reports.dossiers', 'reports.satisfaction'] as const) rows.push([`${op} ${label} (HTTP)`, await timeAsync(() => admin[op](month))]);
      rows.push(['reports.now (HTTP)', await timeAsync(() => admin['reports.now']({}))]);
    } finally {
      await proc.kill('SIGTERM');
    }
    table('Reports — a busy centre (median of 3 runs)', rows);
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

function time(f: () => unknown[]): string {
  const runs = [0, 1, 2].map(() => {
    const t = performance.now();
    const n = f().length;
    return { ms: performance.now() - t, n };
  });
  const sorted = runs.sort((a, b) => a.ms - b.ms);
  return `${sorted[1]!.ms.toFixed(0)} ms (${sorted[1]!.n.toLocaleString('en')} rows)`;
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
