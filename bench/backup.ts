import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALL_DAY, hubAccounts } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';
import { dossierSite } from './dossier-fixture';
import { every50ms, ms, table } from './stats';

const DOSSIERS = Number(process.env.BENCH_BACKUP_DOSSIERS ?? 200_000);

/**
 * `npm run bench -- backup`: the hub's own backup (SQLite's online backup from its connection, in
 * steps the event loop serves between) on a database of DOSSIERS dossiers, with tickets issued
 * at a kiosk one every 50 ms meanwhile — next to the same tickets with no backup, in the same run.
 * Once to the data folder only, once to the data folder and a second location (tmpfs here, as a
 * USB stick is another device), once more encrypted there.
 */
export async function backupBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-backup-'));
  const second = mkdtempSync(join('/dev/shm', 'motcua-bench-second-'));
  try {
    const site = await dossierSite(dir, DOSSIERS);
    const proc = await startHubProcess(dir);
    try {
      const accounts = hubAccounts(proc.url, null);
      const admin = await accounts.admin();
      await admin['site.update']({ queueHours: ALL_DAY });
      const cat = await accounts.catalog();
      const kiosk = (await accounts.device('kiosk')).client;
      const issue = () => kiosk['tickets.issue']({ serviceId: cat.services[0]!.id, priorityClassId: null });
      await every50ms(issue, () => true, 100); // warm-up
      const idle = await every50ms(issue, () => true, 400);
      const rows: [string, string][] = [
        [`${DOSSIERS.toLocaleString('en')} dossiers, ${(site.bytes / 1024 ** 2).toFixed(0)} MiB`, `generated in ${site.genSeconds.toFixed(0)} s (straight to SQLite, not timed)`],
        ['ticket issue one every 50 ms, idle: p50 / p99 / max', `${ms(idle.p50)} / ${ms(idle.p99)} / ${ms(idle.max)} (n=${idle.n})`],
      ];
      const during = async (label: string) => {
        let took = 0;
        const t0 = performance.now();
        const created = admin['backups.create']({}).then((r) => ((took = performance.now() - t0), r));
        const s = await every50ms(issue, () => took > 0, 20);
        const r = await created;
        rows.push([`— during the hub's backup ${label} (${(took / 1000).toFixed(1)} s${r.secondError ? `, second: ${r.secondError.code}` : ''})`, `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} (n=${s.n}) → ${(s.p99 / idle.p99).toFixed(2)}× idle p99`]);
        return s;
      };
      const local = await during('to the data folder');
      const keep = { daily: 7, weekly: 4, monthly: 12 };
      await admin['backups.saveSettings']({ intervalHours: 4, secondLocation: second, keep, encryption: { mode: 'off' } });
      await during('to the data folder + a second device');
      await admin['backups.saveSettings']({ intervalHours: 4, secondLocation: second, keep, encryption: { mode: 'set', passphrase: 'mat-khau-bench-sao-luu' } });
      await during('to the data folder + a second device, encrypted there');
      table('Backup — tickets while the hub backs itself up (same run, same disk)', rows);
      return { idleP99: idle.p99, duringP99: local.p99 };
    } finally {
      await proc.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
}
