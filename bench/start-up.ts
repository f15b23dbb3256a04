import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHubProcess, type HubProcessOptions } from '../test/support/hub-process';

const root = join(import.meta.dirname, '..');

export interface StartUpTimes {
  /** The built hub, `dist/hub/cli.mjs`: what `npm start` and the packaged app run. */
  readonly built: number[];
  /** The sources under tsx, as the tests start it (tsx transpiles on the way). */
  readonly tsx: number[];
}

/** Spawn → serving (its URLs printed) on the data folder `dir`, `runs` times each way, alternating. */
export async function startUpTimes(dir: string, options: HubProcessOptions, runs = 3): Promise<StartUpTimes> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--hub'], { cwd: root, stdio: 'inherit' });
  const times: StartUpTimes = { built: [], tsx: [] };
  for (let i = 0; i < runs; i++) {
    for (const way of ['built', 'tsx'] as const) {
      const t0 = performance.now();
      const proc = await startHubProcess(dir, { ...options, ...(way === 'built' ? { entry: join(root, 'dist', 'hub', 'cli.mjs') } : {}) });
      times[way].push(performance.now() - t0);
      await proc.kill('SIGTERM');
    }
  }
  return times;
}

const seconds = (xs: readonly number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(' / ');

export const startUpRow = (label: string, t: StartUpTimes): [string, string] => [label, `built hub ${seconds(t.built)} s; under tsx ${seconds(t.tsx)} s  (aim < 2 s)`];
