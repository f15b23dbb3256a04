import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import roll from 'pino-roll';
import { REDACTED, sensitiveKeys } from '../../contract/sensitive-keys';

export type { Logger } from 'pino';

/** Secrets and personal data never reach a log file, wherever they sit in a logged object (contract/sensitive-keys.ts). */
const redactPaths = sensitiveKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export interface LoggerOptions {
  /** Which program writes: the file is `<dir>/<name>.<date>.<n>.log`. */
  readonly name: 'hub' | 'supervisor' | 'central';
  /** The logs folder; null = standard error only (tests, a throwaway hub). */
  readonly dir: string | null;
  readonly level?: pino.Level;
  /** Also write warnings and errors to standard error (a console a person may be watching). */
  readonly echoToStderr?: boolean;
  /** Instead of the files: where the lines go (tests read them back). */
  readonly destination?: DestinationStream;
}

/** Rotation: a new file each day and at 10 MB; 30 files kept (a month of a quiet site). */
const ROTATE = { frequency: 'daily', size: '10m', limit: { count: 30 }, dateFormat: 'yyyy-MM-dd' } as const;

/**
 * The one structured logger of the hub, the Electron shell and the central (pino, JSON lines,
 * rotated files in `<data>/logs/`). A log write that fails — the disk is full — is reported on
 * standard error and retried; logging must never take the program down.
 */
export async function createLogger(o: LoggerOptions): Promise<Logger> {
  const level = o.level ?? 'info';
  const base = { level, redact: { paths: redactPaths, censor: REDACTED }, base: { app: o.name, pid: process.pid } };
  if (o.destination) return pino(base, o.destination);
  const stderr = pino.destination({ fd: 2, sync: true });
  if (o.dir === null) return pino({ ...base, level: o.level ?? 'warn' }, stderr);
  mkdirSync(o.dir, { recursive: true });
  // maxLength: while the disk is full the lines wait in memory, up to a bound, then are dropped.
  const file = await roll({ file: join(o.dir, o.name), extension: '.log', mkdir: true, maxLength: 8 * 1024 * 1024, ...ROTATE });
  // A failed write (a full disk) is kept and retried with the next line by sonic-boom; say so on
  // standard error once per episode, and keep the program running.
  let failing = false;
  file.on('error', (e: Error) => {
    if (!failing) stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), app: o.name, msg: 'log file write failed', err: e.message })}\n`);
    failing = true;
  });
  file.on('write', () => (failing = false));
  // What a process logs right before it ends ("hub stopped", a fatal error) must reach the file,
  // but pino.multistream has no flush(cb) and the file's own flush(cb) does not wait for writes in
  // flight. So lines handed to the file are followed here, and flush(cb) calls back once the file
  // has written them all ("drain"), or after a second: a full disk must not hold a process that ends.
  let writing = false;
  file.on('drain', () => (writing = false));
  const toFile = { write: (line: string) => ((writing = true), file.write(line)) };
  const flush = (cb: (err?: Error) => void) => {
    if (!writing) return cb();
    const done = () => {
      clearTimeout(timer);
      file.off('drain', done);
      cb();
    };
    const timer = setTimeout(done, 1000);
    file.once('drain', done);
  };
  const streams: pino.StreamEntry[] = [{ level, stream: toFile }];
  if (o.echoToStderr) streams.push({ level: 'warn', stream: stderr });
  return pino(base, Object.assign(pino.multistream(streams), { flush }));
}

/** The logger of a component given none: warnings and errors on standard error. */
export function fallbackLogger(name: LoggerOptions['name']): Logger {
  return pino({ level: 'warn', redact: { paths: redactPaths, censor: REDACTED }, base: { app: name, pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}
