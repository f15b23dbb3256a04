import { backupBench } from './backup';
import { centralFloodBench } from './central-flood';
import { centralProvinceBench } from './central-province';
import { communeBench } from './commune';
import { diskYearBench } from './disk-year';
import { dossiersBench } from './dossiers';
import { printingBench } from './printing';
import { queueBench } from './queue';
import { reportsBench } from './reports';
import { syncBench } from './sync';
import { wedgeBench } from './wedge';

/**
 * `npm run bench`: prints figures next to a baseline measured in the same run (never a timed
 * assertion in the test suite). Pass names to run a subset: `npm run bench -- queue`. `commune`
 * (the hub on a commune's PC: one core, 4 GB, slow fsync), `disk` (a year's intake on disk) and
 * `backup` (the hub's own backup) and `reports` (two years of a busy centre) and `central-province` (150 sites × a year on PostgreSQL) run only when named.
 */
const benches: Record<string, () => Promise<unknown>> = { queue: queueBench, printing: printingBench, dossiers: dossiersBench, sync: syncBench, wedge: wedgeBench, 'central-flood': centralFloodBench };
const onlyWhenNamed: Record<string, () => Promise<unknown>> = { commune: communeBench, disk: diskYearBench, backup: backupBench, reports: reportsBench, 'central-province': centralProvinceBench };

const all = { ...benches, ...onlyWhenNamed };
const wanted = process.argv.slice(2).filter((a) => a in all);
console.log(`Một Cửa benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) await all[name]!();
