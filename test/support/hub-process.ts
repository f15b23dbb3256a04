import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface HubProcess {
  readonly child: ChildProcess;
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

/** The hub as its own OS process (headless `npm start` minus the build), so a test can kill -9 it. */
export function startHubProcess(dataDir: string, options: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(root, 'main', 'node', 'cli.ts')], {
    cwd: root,
    env: { ...process.env, MOTCUA_DATA_DIR: dataDir, MOTCUA_PORT: '0', MOTCUA_HOST: '127.0.0.1', ...options.env },
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
      resolve({
        child,
        url,
        oneTimePassword: /Mật khẩu dùng một lần: (\S+)/.exec(out)?.[1] ?? null,
        output: () => out,
        kill: async (signal = 'SIGKILL') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
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
