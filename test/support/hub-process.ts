import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { LIBFAKETIME, workingDayOffset } from './working-day';

export interface HubProcess {
  /** What was spawned: the hub's node process, or the command `wrap` put in front of it. */
  readonly child: ChildProcess;
  /** The hub's own node process (a descendant of `child` when wrapped). */
  readonly pid: number;
  readonly url: string;
  /** Printed only on the first start of a data folder. */
  readonly oneTimePassword: string | null;
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Only a hung start: on a loaded 2-core machine tsx compiling the hub takes well over 30 s (CI
 * failed at 30 s with both cores busy). The test's own timeout reports a slow one; this stops the
 * process so that it does not outlive the test.
 */
export const START_HANG_MS = 180_000;

export interface HubProcessOptions {
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** A command the hub runs under (`taskset -c 0`, `strace …`), ending where node's own arguments begin. */
  wrap?: readonly string[];
  /** A built hub (`dist/hub/cli.mjs`, what `npm start` runs) instead of the sources under tsx. */
  entry?: string;
}

/** The hub as its own OS process (headless `npm start` minus the build), so a test can kill -9 it. */
export function startHubProcess(dataDir: string, options: HubProcessOptions = {}): Promise<HubProcess> {
  const node = [process.execPath, ...(options.nodeArgs ?? []), ...(options.entry ? [options.entry] : ['--import', 'tsx', join(root, 'main', 'node', 'cli.ts')])];
  const argv = [...(options.wrap ?? []), ...node];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: root,
    env: { ...process.env, ...onWorkingDay(), MOTCUA_DATA_DIR: dataDir, MOTCUA_PORT: '0', MOTCUA_HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start:\n${out}`));
    }, START_HANG_MS);
    const check = () => {
      const url = /API \(OpenAPI\):\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/openapi\.json/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      const pid = options.wrap?.length ? nodeUnder(child.pid!) : child.pid!;
      resolve({
        child,
        pid,
        url,
        oneTimePassword: /Mật khẩu dùng một lần: (\S+)/.exec(out)?.[1] ?? null,
        output: () => out,
        kill: async (signal = 'SIGKILL') => {
          if (child.exitCode === null && child.signalCode === null) process.kill(pid, signal);
          await exited;
        },
      });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${out}`));
    });
  });
}

/**
 * On a day the calendar keeps off, the hub's process runs that many days back under libfaketime,
 * as an in-process test hub does with workingDayClock (test/support/hub.ts): else every test that
 * takes a number fails on 1 January.
 */
function onWorkingDay(): Record<string, string> {
  const offset = workingDayOffset(Date.now());
  if (offset === 0) return {};
  // "@start": the clock starts there and runs. Absolute rather than "-1d", so that under a suite
  // already run by faketime (the new-year rehearsal) the hub starts from the suite's time, not the machine's.
  const start = new Date(Date.now() + offset).toISOString().replace('T', ' ').slice(0, 19);
  return { LD_PRELOAD: LIBFAKETIME, FAKETIME: `@${start}`, TZ: 'UTC' };
}

/** The node process among the descendants of `pid` (the wrapper's command ends by starting it). */
function nodeUnder(pid: number): number {
  const parents = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      parents.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const isOurs = (p: number): boolean => p === pid || (parents.has(p) && p > 1 && isOurs(parents.get(p)!));
  for (const p of parents.keys()) {
    if (!isOurs(p)) continue;
    try {
      if (readlinkSync(`/proc/${p}/exe`) === realpathSync(process.execPath)) return p;
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error(`no node process under ${pid}`);
}
