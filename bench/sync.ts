import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { defaultLimits } from '../central/http/limits';
import { uuidv7 } from '../main/node/db/uuidv7';
import { busyOutbox, call, createSite, syncHeaders } from '../test/central/helpers';
import { startCentralProcess } from '../test/support/central-process';
import { freePort } from '../test/support/free-port';
import { hubAccounts } from '../test/support/hub';
import { startHubProcess, type HubProcessOptions } from '../test/support/hub-process';
import { createTestDatabase } from '../test/support/postgres';
import { siteWorkload } from '../test/support/site-workload';
import { cpuSeconds, peakRss, stat } from './proc';
import { every50ms, ms, summarize, table } from './stats';

const SITES = Number(process.env.BENCH_SYNC_SITES ?? 50);
const PER_SITE = Number(process.env.BENCH_SYNC_PER_SITE ?? 2000);
const BACKLOG = Number(process.env.BENCH_SYNC_BACKLOG ?? 100_000);
const BATCH = 500;
/** Idle samples after the warm-up: at one every 50 ms, 2 000 take 100 s; p99 is then the 20th slowest. */
const IDLE_SAMPLES = Number(process.env.BENCH_SYNC_IDLE ?? 2000);
const WARM_UP = 200;
const TOKEN = 'bench-admin-token-of-the-province';
/**
 * Sites sending at once, in the ingest and its raw baseline: the pushes the central processes at
 * once (more are answered 503 and come back after Retry-After, which would time the waiting).
 */
const SENDERS = defaultLimits.maxPushes;

/** `work` for every item, at most SENDERS at a time. */
async function inParallel<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  }));
}

/**
 * CPU seconds used so far by the benchmark's PostgreSQL cluster (the one on `port`; other clusters
 * may run on this machine): its postmaster, its live processes, and those that ended, which the
 * postmaster's children counters hold. NaN for a server that is not on this machine
 * (MOTCUA_TEST_DATABASE_URL).
 */
function postgresCpuSeconds(port: number): number {
  const processes = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const read = (pid: number, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return ''; // the process ended meanwhile
    }
  };
  const postmaster = processes.find((pid) => read(pid, 'comm').trim() === 'postgres' && read(pid, 'cmdline').split('\0').join(' ').includes(`-p ${port} `));
  if (postmaster === undefined) return NaN;
  const own = stat(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of processes) {
    const fields = read(pid, 'stat').split(') ')[1]?.split(' ');
    if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

const startCentral = (url: string) => startCentralProcess({ databaseUrl: url, env: { CENTRAL_ADMIN_TOKEN: TOKEN } });

/**
 * 1. Central ingest: SITES sites push their outboxes, SENDERS at a time (batches of 500, gzip, the
 *    real HTTP API) → events/s; then the same rows by a raw batched INSERT (500 rows a statement,
 *    the same concurrency) into plain copies of `events` with and without its indexes, in the same
 *    PostgreSQL, in the same run → the ratio.
 */
async function ingest(databaseUrl: string): Promise<{ perSecond: number; busy: number; rawBare: number; rawIndexed: number; rss: number; centralCpu: number; postgresCpu: number; rawPostgresCpu: number }> {
  const central = await startCentral(databaseUrl);
  try {
    // Every request body (gzipped) and every raw statement's rows are made before the clock starts:
    // in production the sites are other machines, so their JSON and gzip are not the central's cost.
    const sites = await Promise.all(
      Array.from({ length: SITES }, async (_, i) => {
        const siteId = `xa-${String(i).padStart(3, '0')}`;
        const o = busyOutbox(siteId, PER_SITE);
        const batches = Array.from({ length: Math.ceil(PER_SITE / BATCH) }, (_, b) => o.events.slice(b * BATCH, (b + 1) * BATCH));
        return {
          siteId, credential: await createSite(central.url, siteId, siteId, TOKEN),
          bodies: batches.map((events) => gzipSync(JSON.stringify(o.request(events)))),
          rows: batches.map((events) => events.map((e) => ({ ...e, id: 0 }))),
          incarnation: o.incarnation,
        };
      }),
    );
    const port = Number(new URL(databaseUrl).port);
    const cpuBefore = { central: cpuSeconds(central.child.pid!), postgres: postgresCpuSeconds(port) };
    const started = performance.now();
    let busy = 0;
    await inParallel(sites, async (s) => {
      for (const body of s.bodies) {
        for (;;) {
          const r = await call(central.url, `/sync/v1/sites/${s.siteId}/events`, { raw: body, headers: { ...syncHeaders(s.siteId, s.credential), 'content-encoding': 'gzip' } });
          if (r.status === 200) break;
          // The central takes a bounded number of pushes at once and asks the rest to come back, as hubs do.
          if (r.status !== 503) throw new Error(`${s.siteId}: ${r.status} ${JSON.stringify(r.json)}`);
          busy++;
          await new Promise((resolve) => setTimeout(resolve, Number(r.headers.get('retry-after') ?? 1) * 1000));
        }
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const centralCpu = cpuSeconds(central.child.pid!) - cpuBefore.central;
    const postgresCpu = postgresCpuSeconds(port) - cpuBefore.postgres;
    const rss = peakRss(central.child.pid!);

    const pool = new pg.Pool({ connectionString: databaseUrl, max: SENDERS });
    let id = 0;
    const statements = sites.map((s) => s.rows.map((rows) => JSON.stringify(rows.map((r) => ({ ...r, id: ++id })))));
    const rawInsert = async (table: string) => {
      const t = performance.now();
      await inParallel(sites, async (s, i) => {
        for (const rows of statements[i]!) {
          await pool.query(
            `INSERT INTO ${table} (id, site_id, incarnation, seq, event_id, type, version, aggregate_id, payload, hash, site_created_at, received_at, projected)
             SELECT x.id, $1, $2, x.seq, x."eventId", x.type, x.version, x."aggregateId", x.payload, x.hash, x."createdAt", now(), true
             FROM json_to_recordset($3::json) AS x(id bigint, seq bigint, "eventId" uuid, type text, version integer, "aggregateId" text, payload text, hash text, "createdAt" timestamptz)`,
            [s.siteId, s.incarnation, rows],
          );
        }
      });
      return (performance.now() - t) / 1000;
    };
    // Best of two runs each into a fresh table: the baseline is the fastest the database can go.
    const best = async (like: string) => {
      let fastest = Infinity;
      for (let run = 0; run < 2; run++) {
        await pool.query('DROP TABLE IF EXISTS bench_events');
        await pool.query(`CREATE TABLE bench_events (${like})`);
        fastest = Math.min(fastest, await rawInsert('bench_events'));
      }
      return fastest;
    };
    const bare = await best('LIKE events');
    const rawCpuBefore = postgresCpuSeconds(port);
    const indexed = await best('LIKE events INCLUDING INDEXES');
    const rawPostgresCpu = (postgresCpuSeconds(port) - rawCpuBefore) / 2;
    await pool.end();
    const total = SITES * PER_SITE;
    return { perSecond: total / seconds, busy, rawBare: total / bare, rawIndexed: total / indexed, rss, centralCpu, postgresCpu, rawPostgresCpu };
  } finally {
    await central.kill('SIGTERM');
  }
}

/**
 * 2. A month offline: a real hub (its own process) with BACKLOG events in its outbox is enrolled
 *    and drains to the central → time, peak memory of both. Meanwhile the kiosk keeps issuing
 *    numbers: issue latency during the drain next to the same hub idle (after a warm-up: the
 *    first requests of a fresh process pay for compiling and filling caches).
 */
export async function drain(databaseUrl: string, hubOptions: HubProcessOptions = {}): Promise<{ seconds: number; hubRss: number; hubRssIdle: number; centralRss: number; idle: ReturnType<typeof summarize>; during: ReturnType<typeof summarize> }> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sync-'));
  const central = await startCentral(databaseUrl);
  try {
    // A day of real work at the site gives the shapes of its events…
    const env = { MOTCUA_SYNC_INTERVAL_MS: '1000', MOTCUA_PORT: String(await freePort()) };
    const options = { ...hubOptions, env };
    let hub = await startHubProcess(dir, options);
    const accounts = hubAccounts(hub.url, { username: 'admin', password: hub.oneTimePassword! });
    const work = await siteWorkload(accounts);
    await work.serve(20);
    await hub.kill('SIGTERM');
    // …which are copied (new ids) into the outbox until the backlog is there.
    const db = new Database(join(dir, 'motcua.sqlite'));
    db.pragma('synchronous = OFF'); // a benchmark fixture, not the product's write path
    const rows = db.prepare('SELECT type, version, aggregate_id, payload, created_at FROM outbox ORDER BY seq').all() as { type: string; version: number; aggregate_id: string; payload: string; created_at: number }[];
    const insert = db.prepare('INSERT INTO outbox (event_id, type, version, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let copy = 0, n = rows.length; n < BACKLOG; copy++) {
        const ids = new Map<string, string>();
        const fresh = (old: string) => ids.get(old) ?? (ids.set(old, randomUUID()), ids.get(old)!);
        for (const r of rows) {
          if (n++ >= BACKLOG) break;
          const p = JSON.parse(r.payload) as Record<string, unknown>;
          for (const k of ['eventId', 'ticketId', 'ratingId']) if (typeof p[k] === 'string') p[k] = fresh(p[k] as string);
          insert.run(uuidv7(r.created_at), r.type, r.version, fresh(r.aggregate_id), JSON.stringify(p), r.created_at);
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    hub = await startHubProcess(dir, options);
    await work.relogin();
    // A number every 50 ms: a crowd at every kiosk of a provincial centre, not a flood that would
    // only measure two cores shared by the hub, the central, PostgreSQL and this script.
    const latency = (until: () => boolean, atLeast: number) => every50ms(() => work.issue(), until, atLeast);
    await latency(() => true, WARM_UP);
    const idle = await latency(() => true, IDLE_SAMPLES);
    const hubRssIdle = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hub.pid}/status`, 'utf8'))![1]) / 1024;

    const admin = await accounts.admin();
    const siteId = 'xa-backlog';
    const started = performance.now();
    await admin['admin.enrollSync']({ centralUrl: central.url, siteId, credential: await createSite(central.url, siteId, siteId, TOKEN) });
    let done = false;
    const during = latency(() => done, 50);
    for (;;) {
      const s = await work.officer['sync.status']({});
      if (s.pendingEvents === 0 && s.lastSuccessAt !== null) break;
      if (s.lastError) throw new Error(`drain: ${s.lastError.code} ${s.lastError.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    done = true;
    const hubRss = peakRss(hub.pid);
    const centralRss = peakRss(central.child.pid!);
    const duringDrain = await during;
    await hub.kill('SIGTERM');
    return { seconds, hubRss, hubRssIdle, centralRss, idle, during: duringDrain };
  } finally {
    await central.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export function drainRows(d: Awaited<ReturnType<typeof drain>>): [string, string][] {
  return [
    ['drain time', `${d.seconds.toFixed(1)} s (${(BACKLOG / d.seconds).toFixed(0)} events/s; aim < 60 s)`],
    ['peak RSS hub / central', `${d.hubRss.toFixed(0)} MiB (${d.hubRssIdle.toFixed(0)} MiB before the drain) / ${d.centralRss.toFixed(0)} MiB`],
    ['ticket issue p50/p99 idle, one every 50 ms', `${ms(d.idle.p50)} / ${ms(d.idle.p99)} (n=${d.idle.n}, after ${WARM_UP} not counted)`],
    ['ticket issue p50/p99/max during drain', `${ms(d.during.p50)} / ${ms(d.during.p99)} / ${ms(d.during.max)} (n=${d.during.n}) → ${(d.during.p99 / d.idle.p99).toFixed(2)}× idle p99 (aim ≤ 2×)`],
  ];
}

export async function syncBench(): Promise<Record<string, number>> {
  // Durable (fsync on): acknowledged events must survive a power cut at the province too.
  const database = await createTestDatabase({ durable: true });
  try {
    const d = await drain(database.url);
    table(`Sync — a ${BACKLOG.toLocaleString('en')}-event backlog drained from a hub process to the central (PostgreSQL 15, fsync on, loopback)`, drainRows(d));
    const i = await ingest(database.url);
    table(`Sync — central ingest, ${SITES} sites × ${PER_SITE} events, ${SENDERS} sites sending at once`, [
      ['central (HTTP, gzip, dedupe, projections)', `${i.perSecond.toFixed(0)} events/s, peak RSS ${i.rss.toFixed(0)} MiB (${i.busy} pushes answered 503 and sent again after Retry-After)`],
      ['CPU used: central process / PostgreSQL', `${i.centralCpu.toFixed(1)} s / ${i.postgresCpu.toFixed(1)} s (raw INSERT with indexes: PostgreSQL ${i.rawPostgresCpu.toFixed(1)} s a run)`],
      ['raw batched INSERT, same indexes as events', `${i.rawIndexed.toFixed(0)} events/s → central/raw ${(i.perSecond / i.rawIndexed).toFixed(2)} (aim ≥ 0.30)`],
      ['raw batched INSERT, no index', `${i.rawBare.toFixed(0)} events/s → central/raw ${(i.perSecond / i.rawBare).toFixed(2)}`],
    ]);
    return { drainSeconds: d.seconds, ingestPerSecond: i.perSecond, ingestRatio: i.perSecond / i.rawIndexed, p99Ratio: d.during.p99 / d.idle.p99 };
  } finally {
    await database.dispose();
  }
}
