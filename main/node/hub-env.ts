import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import type { SpoolerOptions } from './print/spooler';

export const DEFAULT_PORT = 8686;

/** The folder with package.json, found from this file whether it runs from source or from dist/. */
export function findAppRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export function portFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.MOTCUA_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`MOTCUA_PORT không hợp lệ: ${raw}`);
  return port;
}

/**
 * Print queue timing from the environment (MOTCUA_PRINT_STATUS_MS, MOTCUA_PRINT_RETRY_MS,
 * MOTCUA_PRINT_CONFIRM_MS), for sites with slow links or slow printers and for tests.
 */
export function spoolerOptionsFromEnv(env: NodeJS.ProcessEnv): SpoolerOptions {
  const status = Number(env.MOTCUA_PRINT_STATUS_MS);
  const retry = Number(env.MOTCUA_PRINT_RETRY_MS);
  const confirm = Number(env.MOTCUA_PRINT_CONFIRM_MS);
  return {
    ...(status > 0 ? { statusIntervalMs: status } : {}),
    ...(retry > 0 ? { retryDelay: () => retry } : {}),
    ...(confirm > 0 ? { confirmTimeoutMs: confirm } : {}),
  };
}

/**
 * Sync timing from the environment (MOTCUA_SYNC_INTERVAL_MS, MOTCUA_SYNC_MAX_BACKOFF_MS,
 * MOTCUA_SYNC_TIMEOUT_MS, MOTCUA_SYNC_DEBOUNCE_MS: how long after a write the push goes; at most
 * the interval unless set).
 */
export function syncOptionsFromEnv(env: NodeJS.ProcessEnv): { idleIntervalMs?: number; maxBackoffMs?: number; timeoutMs?: number; debounceMs?: number } {
  const n = (v: string | undefined) => (Number(v) > 0 ? Number(v) : undefined);
  const interval = n(env.MOTCUA_SYNC_INTERVAL_MS);
  const backoff = n(env.MOTCUA_SYNC_MAX_BACKOFF_MS);
  const timeout = n(env.MOTCUA_SYNC_TIMEOUT_MS);
  const debounce = n(env.MOTCUA_SYNC_DEBOUNCE_MS);
  return {
    ...(interval ? { idleIntervalMs: interval, debounceMs: Math.min(2000, interval) } : {}),
    ...(debounce ? { debounceMs: debounce } : {}),
    ...(backoff ? { maxBackoffMs: backoff } : {}),
    ...(timeout ? { timeoutMs: timeout } : {}),
  };
}
