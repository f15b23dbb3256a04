import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * The baselines of the queue benchmark, run as their own process (`node --import tsx
 * bench/raw-commit.ts <dir> <seconds> <groups> <rowsPerRequest>`) so that they run on the same
 * core, disk and limits as the hub. Durable inserts straight into better-sqlite3 (WAL,
 * synchronous=FULL, as the hub), in transactions of the sizes given by `groups`: `1` is one row per
 * transaction, `20:52,1:310` replays commits of 20 requests 52 times for every 310 of one request,
 * each request `rowsPerRequest` rows. Prints `{ requestsPerS, rowsPerS, commits }` as JSON.
 */
const [dir, seconds, groups, rowsPerRequest] = process.argv.slice(2) as [string, string, string, string];
const sizes = groups.split(',').flatMap((g) => {
  const [size, times = '1'] = g.split(':');
  return Array.from({ length: Number(times) }, () => Number(size));
});
// A fixed interleaving of the sizes, so a run does not commit all its large groups first.
for (let i = sizes.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1);
  [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
}
const perRequest = Number(rowsPerRequest);
const db = new Database(join(dir, `raw-${process.pid}.sqlite`));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, service_date TEXT, number INTEGER, display_code TEXT, issued_at INTEGER, payload TEXT)');
const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)');
let rows = 0;
const commit = db.transaction((n: number) => {
  for (let k = 0; k < n; k++, rows++) insert.run(`id-${rows}`, '2026-11-25', rows, `A${rows}`, Date.now(), '{"source":"kiosk"}');
});
let requests = 0;
let commits = 0;
const started = performance.now();
const end = started + Number(seconds) * 1000;
while (performance.now() < end) {
  const size = sizes[commits % sizes.length]!;
  commit(size * perRequest);
  requests += size;
  commits++;
}
const elapsed = (performance.now() - started) / 1000;
db.close();
console.log(JSON.stringify({ requestsPerS: requests / elapsed, rowsPerS: rows / elapsed, commits }));
