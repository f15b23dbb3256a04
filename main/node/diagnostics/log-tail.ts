import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogExcerpt } from '../../../contract/diagnostics';
import { scrubLogLine } from '../../core/diagnostics/redaction';

/** How much of the logs goes into a bundle: enough for the day's story, small enough to e-mail. */
export const LOG_BUDGET = { hubBytes: 2 * 1024 * 1024, supervisorBytes: 256 * 1024 } as const;

const LOG_FILE = /^(hub|supervisor)\..+\.log$/;
const ERROR_LEVEL = 50;

export interface LogTail {
  readonly folder: string | null;
  readonly files: { name: string; bytes: number; modifiedAt: string }[];
  /** Each excerpt with its scrubbed text, newest file first within each program. */
  readonly excerpts: (LogExcerpt & { text: string })[];
}

/**
 * The end of the hub's logs (and the supervisor's), newest files first until the budget is spent.
 * A file cut at its start loses its first, partial line. Every line goes through the bundle's
 * second redaction pass (main/core/diagnostics/redaction.ts).
 */
export function readLogTail(folder: string | null, budget: typeof LOG_BUDGET = LOG_BUDGET): LogTail {
  if (folder === null) return { folder, files: [], excerpts: [] };
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => LOG_FILE.test(n));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { folder, files: [], excerpts: [] };
    throw e;
  }
  const files = names
    .map((name) => {
      const s = statSync(join(folder, name));
      return { name, bytes: s.size, modified: s.mtimeMs };
    })
    // Newest first; rotation numbers break ties within the same millisecond.
    .sort((a, b) => b.modified - a.modified || b.name.localeCompare(a.name, 'en', { numeric: true }));
  const excerpts: LogTail['excerpts'] = [];
  for (const [program, bytes] of [['hub', budget.hubBytes], ['supervisor', budget.supervisorBytes]] as const) {
    let left = bytes;
    for (const f of files.filter((x) => x.name.startsWith(`${program}.`))) {
      if (left <= 0) break;
      const excerpt = tail(join(folder, f.name), f.bytes, left);
      left -= excerpt.read;
      excerpts.push({ file: f.name, bytes: f.bytes, modifiedAt: new Date(f.modified).toISOString(), ...excerpt.lines });
    }
  }
  return { folder, files: files.map((f) => ({ name: f.name, bytes: f.bytes, modifiedAt: new Date(f.modified).toISOString() })), excerpts };
}

function tail(path: string, size: number, budget: number): { read: number; lines: Omit<LogExcerpt, 'file' | 'bytes' | 'modifiedAt'> & { text: string } } {
  const length = Math.min(size, budget);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const cutAtStart = length < size;
  const raw = buffer.toString('utf8').split('\n');
  // A cut file starts in the middle of a line (maybe of a character): that piece is dropped.
  const lines = (cutAtStart ? raw.slice(1) : raw).filter((l) => l.trim() !== '');
  const errorLines = lines.filter(isError).length;
  return { read: length, lines: { linesIncluded: lines.length, errorLines, cutAtStart, text: lines.map(scrubLogLine).join('\n') + (lines.length > 0 ? '\n' : '') } };
}

function isError(line: string): boolean {
  try {
    const level = (JSON.parse(line) as { level?: unknown }).level;
    return typeof level === 'number' && level >= ERROR_LEVEL;
  } catch {
    return false;
  }
}
