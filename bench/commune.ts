import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALL_DAY, hubAccounts } from '../test/support/hub';
import { startHubProcess, type HubProcessOptions } from '../test/support/hub-process';
import { createTestDatabase } from '../test/support/postgres';
import { communePc, FSYNC_DELAY_MS, type CommunePc } from './commune-pc';
import { dossierSite } from './dossier-fixture';
import { receiveLatency } from './dossiers';
import { issueVsBaselines } from './queue';
import { COMPRESSION, morningRush } from './rush';
import { startUpRow, startUpTimes } from './start-up';
import { every50ms, ms, table } from './stats';
import { drain, drainRows } from './sync';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);

/** Mean fdatasync time of a small file written 20 times, under `wrap`. */
function fsyncMs(dir: string, wrap: readonly string[]): number {
  const probe = `const fs=require('fs');const fd=fs.openSync(process.argv[1],'w');const t=performance.now();for(let i=0;i<20;i++){fs.writeSync(fd,'x');fs.fdatasyncSync(fd)}console.log((performance.now()-t)/20)`;
  const argv = [...wrap, process.execPath, '-e', probe, join(dir, `fsync-probe-${wrap.length}`)];
  return Number(execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8' }));
}

/**
 * The dossier part on the commune PC: a database of DOSSIERS dossiers (written straight to SQLite,
 * not timed), the hub's start on it, dossiers received at a counter, and tickets issued while a
 * second process on the same core copies the database with VACUUM INTO (a backup, as
 * docs/OPERATIONS.md says), once to the hub's own disk and once to another device.
 */
async function dossierDesk(dir: string, pc: CommunePc, hubOptions: HubProcessOptions): Promise<[string, string][]> {
  const site = await dossierSite(dir, DOSSIERS);
  const start = await startUpTimes(dir, hubOptions);
  const proc = await startHubProcess(dir, hubOptions);
  try {
    const accounts = hubAccounts(proc.url, null);
    await (await accounts.admin())['site.update']({ queueHours: ALL_DAY });
    const cat = await accounts.catalog();
    const officer = await accounts.staff('tiepnhan');
    await officer['counter.open']({ counterId: cat.counters[0]!.id });
    const rec = await receiveLatency(officer, 200);

    const kiosk = (await accounts.device('kiosk')).client;
    const issue = () => kiosk['tickets.issue']({ serviceId: cat.services[0]!.id, priorityClassId: null });
    await every50ms(issue, () => true, 100); // warm-up
    const idle = await every50ms(issue, () => true, 400);
    const backups: [string, string][] = [];
    for (const [where, copy] of [['to the same disk', join(dir, 'backup-copy.sqlite')], ['to another device (tmpfs here)', `/dev/shm/motcua-bench-copy-${process.pid}.sqlite`]] as const) {
      const argv = [...pc.wrap, 'sqlite3', site.file, `VACUUM INTO '${copy}'`];
      const t0 = performance.now();
      const backup = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      backup.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
      let backupMs = 0;
      const ended = new Promise<number | null>((resolve) => backup.once('exit', (code) => ((backupMs = performance.now() - t0), resolve(code))));
      const during = await every50ms(issue, () => backupMs > 0, 20);
      rmSync(copy, { force: true });
      if ((await ended) !== 0) throw new Error(`backup failed: ${errors}`);
      backups.push([`— while another process copies it ${where} (sqlite3 VACUUM INTO, ${(backupMs / 1000).toFixed(1)} s)`, `${ms(during.p50)} / ${ms(during.p99)} / ${ms(during.max)} (n=${during.n}) → ${(during.p99 / idle.p99).toFixed(2)}× idle p99`]);
    }
    return [
      [`${DOSSIERS.toLocaleString('en')} dossiers, ${(site.bytes / 1024 ** 2).toFixed(0)} MiB`, `generated in ${site.genSeconds.toFixed(0)} s (straight to SQLite, not timed as the hub's)`],
      startUpRow('hub start on it (spawn → serving), 3 runs each', start),
      ['dossiers.receive, 200 sequential, p50 / p99 / max', `${ms(rec.p50)} / ${ms(rec.p99)} / ${ms(rec.max)}`],
      ['ticket issue one every 50 ms, idle: p50 / p99 / max', `${ms(idle.p50)} / ${ms(idle.p99)} / ${ms(idle.max)} (n=${idle.n})`],
      ...backups,
    ];
  } finally {
    await proc.kill('SIGTERM');
  }
}

/**
 * `npm run bench -- commune`: the hub on a commune's PC — one core, 4 GB, every fsync 10 ms late
 * (bench/commune-pc.ts). The queue at 20 kiosks next to its baselines on the same slow disk, a
 * morning rush, the dossier desk on a million dossiers, a backup and a month's sync drain.
 */
export async function communeBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-commune-'));
  const pc = communePc();
  try {
    const hubOptions: HubProcessOptions = { wrap: pc.wrap, nodeArgs: [...pc.nodeArgs] };
    mkdirSync(join(dir, 'probe'));
    table('Commune PC — how it is simulated', [
      ...pc.described,
      ['fdatasync of a small file: this disk / under the wrapper', `${ms(fsyncMs(join(dir, 'probe'), []))} / ${ms(fsyncMs(join(dir, 'probe'), pc.wrap))} (+${FSYNC_DELAY_MS} ms asked)`],
    ]);
    const issue = await issueVsBaselines(join(dir, 'queue'), 20, pc);
    table('Commune PC — ticket issue, 20 concurrent kiosks, baselines on the same slow disk and core', issue.rows);
    const rush = await morningRush(join(dir, 'rush'), hubOptions);
    table(`Commune PC — morning rush (time compressed ${COMPRESSION}×)`, rush.rows);
    table('Commune PC — dossier desk', await dossierDesk(join(dir, 'dossiers'), pc, hubOptions));
    const database = await createTestDatabase({ durable: true });
    try {
      table('Commune PC — a month offline drained to the central (central and PostgreSQL not limited: they are the province\'s)', drainRows(await drain(database.url, hubOptions)));
    } finally {
      await database.dispose();
    }
    return { issueP99: issue.api.latency.p99, rushIssueP99: rush.issue.p99 };
  } finally {
    pc.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
