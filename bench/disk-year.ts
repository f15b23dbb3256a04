import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pruneOutbox, setOutboxRetentionDays } from '../main/node/sync/outbox-retention';
import { intake } from '../test/integration/dossier/intake-input';
import { startTestHub } from '../test/support/hub';
import { siteWorkload } from '../test/support/site-workload';
import { table } from './stats';

/** Working days simulated (Monday to Friday), and a busy commune's day. */
const DAYS = Number(process.env.BENCH_DISK_DAYS ?? 10);
const TICKETS_PER_DAY = Number(process.env.BENCH_DISK_TICKETS ?? 100);
const DOSSIERS_PER_DAY = Number(process.env.BENCH_DISK_DOSSIERS ?? 25);
const WORKING_DAYS_A_YEAR = 250;
/** The default retention (90 days) in working days. */
const RETENTION_WORKING_DAYS = Math.round((90 * 5) / 7);
const DAY = 86_400_000;
const MiB = 1024 ** 2;

/** Table (or index) → what it belongs to, for the breakdown. */
function groupOf(name: string): string {
  if (name.startsWith('outbox') || name.startsWith('sqlite_autoindex_outbox')) return 'outbox';
  if (name.startsWith('audit')) return 'audit log';
  if (/dossier/.test(name)) return 'dossiers (rows, papers, history, search index)';
  if (/ticket|call|counter_session/.test(name)) return 'tickets (rows, events, calls)';
  if (/rating/.test(name)) return 'ratings';
  return 'other';
}

/**
 * `npm run bench -- disk`: what a year of intake costs on the hub's disk, with and without outbox
 * pruning. A commune's working day (TICKETS_PER_DAY citizens served — number, call, start, finish,
 * rating — and DOSSIERS_PER_DAY dossiers received, each later forwarded, processed, its result
 * ready and handed over, and opened twice by staff) goes through the real hub's HTTP API on a
 * simulated clock, DAYS working days; the central's acknowledgement is written at each day's end
 * (what a sync would do), and the pages each table and index takes are read with `dbstat`. The year
 * is extrapolated from the bytes per day: all of it without pruning; with the default 90-day
 * retention, the outbox holds only its last 90 days. The hub's own `pruneOutbox` is then run on the
 * database to show the rows go and their pages are reused by the next days' rows.
 */
export async function diskYearBench(): Promise<Record<string, number>> {
  let now = Date.parse('2027-01-04T07:30:00+07:00'); // a Monday
  const hub = await startTestHub({ clock: () => now });
  try {
    const deps = hub.running.hub.deps;
    const w = await siteWorkload(hub);
    const counterId = (await hub.catalog()).counters[0]!.id;
    const file = join(hub.dataDir, 'motcua.sqlite');
    const acknowledgeAll = () =>
      deps.writer.run(() => {
        const incarnation = deps.site.get<string>('incarnation')!;
        if (!deps.sync.stream(incarnation)) deps.sync.startStream(incarnation, 1, now);
        deps.sync.markAcked(incarnation, deps.sync.lastSeq());
      });
    const measure = () => {
      deps.db.pragma('wal_checkpoint(TRUNCATE)');
      const groups = new Map<string, number>();
      for (const r of deps.db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]) {
        groups.set(groupOf(r.name), (groups.get(groupOf(r.name)) ?? 0) + r.bytes);
      }
      const free = (deps.db.pragma('freelist_count', { simple: true }) as number) * (deps.db.pragma('page_size', { simple: true }) as number);
      return { file: statSync(file).size, groups, free, outboxRows: (deps.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n };
    };
    const received: string[][] = [];

    /** One working day from 08:00: citizens served and dossiers received through the day, and the dossiers of 3 days ago processed and handed over. */
    const workDay = async () => {
      while (new Date(now + 7 * 3_600_000).getUTCDay() % 6 === 0) now += DAY; // Saturday, Sunday
      now = Math.floor((now + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000 + 8 * 3_600_000;
      await w.relogin();
      await w.officer['counter.open']({ counterId }).catch(() => undefined); // still open from yesterday
      const step = Math.floor((8 * 3_600_000) / (TICKETS_PER_DAY + DOSSIERS_PER_DAY));
      const today: string[] = [];
      for (let i = 0; i < TICKETS_PER_DAY + DOSSIERS_PER_DAY; i++) {
        now += step;
        if (i % Math.ceil((TICKETS_PER_DAY + DOSSIERS_PER_DAY) / DOSSIERS_PER_DAY) === 0 && today.length < DOSSIERS_PER_DAY) {
          today.push((await w.officer['dossiers.receive'](intake({ requestId: randomUUID() }))).id);
        } else await w.serve(1);
      }
      for (const dossierId of received.length >= 3 ? received[received.length - 3]! : []) {
        for (const s of ['forward', 'startProcessing', 'resultReady'] as const) await w.officer['dossiers.advance']({ dossierId, step: s, note: '' });
        await w.officer['dossiers.get']({ dossierId });
        await w.officer['dossiers.returnResult']({ dossierId, results: [{ name: 'Giấy khai sinh (bản chính)', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '064190012345', relation: 'Người nộp' } });
        await w.officer['dossiers.get']({ dossierId });
      }
      received.push(today);
      now += 30 * 60_000;
      await acknowledgeAll();
      now += DAY - 9 * 3_600_000;
    };

    // Three days first, so each measured day also processes and hands over earlier dossiers.
    for (let d = 0; d < 3; d++) await workDay();
    const before = measure();
    const t0 = Date.now();
    for (let d = 0; d < DAYS; d++) await workDay();
    const seconds = (Date.now() - t0) / 1000;
    const after = measure();

    const perDay = (g: string) => ((after.groups.get(g) ?? 0) - (before.groups.get(g) ?? 0)) / DAYS;
    const names = [...new Set([...after.groups.keys()])].sort((a, b) => perDay(b) - perDay(a));
    const dayBytes = names.reduce((s, g) => s + perDay(g), 0);
    const outboxDay = perDay('outbox');
    const yearAll = dayBytes * WORKING_DAYS_A_YEAR;
    const yearPruned = (dayBytes - outboxDay) * WORKING_DAYS_A_YEAR + outboxDay * RETENTION_WORKING_DAYS;

    // Pruning as the hub does it: a 7-day retention, a week and a day later; then five more days of intake.
    await deps.writer.run(() => setOutboxRetentionDays(deps, 7));
    now += 8 * DAY;
    const pruned = await pruneOutbox(deps);
    const afterPrune = measure();
    for (let d = 0; d < 5; d++) await workDay();
    const refilled = measure();

    table(`Disk: a year of intake (${DAYS} working days measured, ${TICKETS_PER_DAY} citizens served and ${DOSSIERS_PER_DAY} dossiers a day, ${seconds.toFixed(0)} s)`, [
      ...names.map((g): [string, string] => [`${g}, per working day`, `${(perDay(g) / 1024).toFixed(0)} KiB`]),
      ['all, per working day', `${(dayBytes / 1024).toFixed(0)} KiB`],
      ['per dossier, all it brings with it (its share of the day)', `${(dayBytes / DOSSIERS_PER_DAY / 1024).toFixed(1)} KiB`],
      [`a year (${WORKING_DAYS_A_YEAR} working days), no pruning`, `${(yearAll / MiB).toFixed(0)} MiB`],
      [`a year, outbox pruned after 90 days (~${RETENTION_WORKING_DAYS} working days kept)`, `${(yearPruned / MiB).toFixed(0)} MiB`],
      ['pruning (7-day retention): rows deleted', `${pruned} (outbox ${after.outboxRows} → ${afterPrune.outboxRows} rows, ${(afterPrune.free / MiB).toFixed(1)} MiB of pages freed)`],
      ['then 5 more days: file grew / free pages left', `${((refilled.file - afterPrune.file) / MiB).toFixed(1)} MiB / ${(refilled.free / MiB).toFixed(1)} MiB (freed pages reused first)`],
    ]);
    return { dayBytes, outboxDay, yearAll, yearPruned };
  } finally {
    await hub.close();
  }
}
