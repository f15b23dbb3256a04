import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../common/node/logger';
import { afterDeath, defaultRestartPolicy, type RestartState } from '../core/restart-policy';
import { defaultDataDir } from './data-dir';
import { RESTART_EXIT_CODE } from './restart-code';

/**
 * The headless hub's keeper (`npm start` without Electron; a provincial centre's service unit):
 * runs the hub as a child process and starts it again whenever it dies — a kill, a crash, an
 * exception the hub chose not to survive (main/node/last-resort.ts) — after the delay of
 * main/core/restart-policy.ts. Ctrl+C or a service stop ends both. The hub's lock on its data
 * folder makes sure a restarted hub never runs beside one that is still going away.
 */
async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const log = (await createLogger({ name: 'supervisor', dir: join(dataDir, 'logs'), echoToStderr: true })).child({ component: 'supervisor' });
  // The hub entry next to this file: dist/hub/cli.mjs when built, cli.ts under tsx in tests.
  const here = fileURLToPath(import.meta.url);
  const entry = join(here, '..', here.endsWith('.ts') ? 'cli.ts' : 'cli.mjs');
  let state: RestartState = { quickDeaths: 0 };
  let stopping = false;
  let child: ReturnType<typeof spawn> | null = null;

  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  for (;;) {
    const started = Date.now();
    child = spawn(process.execPath, [...process.execArgv, entry], { stdio: 'inherit', env: { ...process.env, MOTCUA_SUPERVISED: '1' } });
    log.info({ hubPid: child.pid }, 'hub started');
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child!.once('exit', (c, s) => resolve({ code: c, signal: s }));
      child!.once('error', (e) => {
        log.error({ err: e }, 'hub could not be started');
        resolve({ code: -1, signal: null });
      });
    });
    if (stopping) break;
    if (code === 0) {
      log.info('hub ended normally');
      break;
    }
    if (code === RESTART_EXIT_CODE) {
      log.info('hub asked to be started again (a restore)');
      continue;
    }
    const next = afterDeath(state, Date.now() - started, defaultRestartPolicy);
    state = next.state;
    log.error({ code, signal, restartInMs: next.delayMs }, 'hub died; restarting');
    await new Promise((r) => setTimeout(r, next.delayMs));
    if (stopping) break;
  }
  log.flush(() => process.exit(0));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
