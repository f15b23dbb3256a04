import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_HANG_MS } from './hub-process';

export interface CentralProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** CENTRAL_ADMIN_TOKEN as passed in, or the one printed at the first start of a database; null on a later start without one. */
  readonly adminToken: string | null;
  /** The first province-admin's password, printed at the first start of a database only (else null). */
  readonly firstAdminPassword: string | null;
  /** PGlite's folder when no databaseUrl was given (start a second process on it to play a restart). */
  readonly dataDir: string | null;
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface CentralProcessOptions {
  /** PostgreSQL to use; without it the central runs on PGlite in `dataDir` (a fresh temp folder by default). */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** Extra environment, e.g. MOTCUA_CENTRAL_FAULTS=1 for the crash points, CENTRAL_ADMIN_TOKEN. */
  readonly env?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof for a measurement). */
  readonly nodeArgs?: readonly string[];
}

const root = join(import.meta.dirname, '..', '..');

/** The central as its own OS process (`npm run central`), on a free port, so a test can kill it. */
export function startCentralProcess(options: CentralProcessOptions = {}): Promise<CentralProcess> {
  const dataDir = options.databaseUrl ? null : (options.dataDir ?? mkdtempSync(join(tmpdir(), 'motcua-central-')));
  const env: NodeJS.ProcessEnv = { ...process.env, MOTCUA_CENTRAL_PORT: '0', MOTCUA_CENTRAL_HOST: '127.0.0.1', ...options.env };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (dataDir) env.MOTCUA_CENTRAL_DATA_DIR = dataDir;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(root, 'central', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`central did not start:\n${out}`));
    }, START_HANG_MS);
    const check = () => {
      const url = /đang chạy: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.removeListener('exit', onExit);
      resolve({
        child,
        url,
        adminToken: env.CENTRAL_ADMIN_TOKEN ?? /\(CENTRAL_ADMIN_TOKEN\), chỉ hiện lần này: (\S+)/.exec(out)?.[1] ?? null,
        firstAdminPassword: /Tài khoản quản trị tỉnh "[^"]+", mật khẩu chỉ hiện lần này[^:]*: (\S+)/.exec(out)?.[1] ?? null,
        dataDir,
        output: () => out,
        kill: async (signal = 'SIGKILL') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`central exited with ${code}:\n${out}`));
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
  });
}
