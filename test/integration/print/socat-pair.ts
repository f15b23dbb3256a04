import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two linked pseudo-terminals from socat (`raw,echo=0` so every byte passes untouched), named by
 * links unique to this test under the temp dir. What one side writes the other reads, as over a
 * null-modem cable.
 */
export interface PtyPair {
  readonly a: string;
  readonly b: string;
  close(): Promise<void>;
}

/** `baud` sets both ends' line speed (socat's `b9600`); a pty carries bytes at memory speed whatever it says. */
export async function openPtyPair(name: string, options: { baud?: number } = {}): Promise<PtyPair> {
  const unique = `${name}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const a = join(tmpdir(), `motcua-${unique}-a`);
  const b = join(tmpdir(), `motcua-${unique}-b`);
  const speed = options.baud ? `,b${options.baud}` : '';
  const child: ChildProcess = spawn('/usr/bin/socat', ['-d', '-d', `pty,raw,echo=0${speed},link=${a}`, `pty,raw,echo=0${speed},link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 5000;
  // socat logs "starting data transfer loop" once both ends exist.
  while (!(existsSync(a) && existsSync(b) && log.includes('starting data transfer loop'))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`socat did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    a,
    b,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
