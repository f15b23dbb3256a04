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
  /** The built hub after a power cut (the previous run killed with SIGKILL): every page is checked (main/node/db/clean-close.ts). */
  readonly afterPowerCut: number[];
}

/**
 * Spawn → serving (its URLs printed) on the data folder `dir`, `runs` times each way, alternating,
 * each after a clean stop (SIGTERM); then `runs` starts of the built hub each after a SIGKILL.
 * A first, unmeasured start closes the generator's file the way a hub does.
 */
export async function startUpTimes(dir: string, options: HubProcessOptions, runs = 3): Promise<StartUpTimes> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--hub'], { cwd: root, stdio: 'inherit' });
  const built = { ...options, entry: join(root, 'dist', 'hub', 'cli.mjs') };
  const timed = async (o: HubProcessOptions, stop: NodeJS.Signals): Promise<number> => {
    const t0 = performance.now();
    const proc = await startHubProcess(dir, o);
    const t = performance.now() - t0;
    await proc.kill(stop);
    return t;
  };
  await timed(built, 'SIGTERM');
  const times: StartUpTimes = { built: [], tsx: [], afterPowerCut: [] };
  for (let i = 0; i < runs; i++) {
    times.built.push(await timed(built, 'SIGTERM'));
    times.tsx.push(await timed(options, 'SIGTERM'));
  }
  for (let i = 0; i < runs; i++) {
    await timed(built, 'SIGKILL');
    times.afterPowerCut.push(await timed(built, 'SIGTERM'));
  }
  return times;
}

const seconds = (xs: readonly number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(' / ');

export const startUpRow = (label: string, t: StartUpTimes): [string, string] => [
  label,
  `built hub ${seconds(t.built)} s; under tsx ${seconds(t.tsx)} s  (aim < 2 s); built hub after a power cut, every page checked: ${seconds(t.afterPowerCut)} s`,
];
