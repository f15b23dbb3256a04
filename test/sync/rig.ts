import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Db } from '../../central/db/db';
import { prepareDatabase } from '../../central/db/open';
import { openPglite } from '../../central/db/pglite';
import { openPostgres } from '../../central/db/postgres';
import { decodersV1 } from '../../central/projection/decode';
import { eventHash } from '../../common/node/event-hash';
import { isWithBackOffice } from '../../contract/dossier';
import type { OpOutput } from '../../contract/ops';
import type { WireEvent } from '../../contract/sync';
import { ADMIN_TOKEN, adminCall, createSite, foldAndStored, startTestCentral, type Engine } from '../central/helpers';
import { startCentralProcess, type CentralProcess } from '../support/central-process';
import { FaultProxy } from '../support/fault-proxy';
import { freePort } from '../support/free-port';
import { hubAccounts, startTestHub, uniqueAgencyCode, type HubAccounts, type TestHub } from '../support/hub';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { createTestDatabase } from '../support/postgres';
import { siteWorkload, type SiteWorkload } from '../support/site-workload';

export type { Engine };

/** Sync timing of the hubs under test: runs often, backs off briefly, gives up on a request soon. */
export const TEST_SYNC = { idleIntervalMs: 200, debounceMs: 50, maxBackoffMs: 300, timeoutMs: 2000 } as const;

/**
 * The central under test and the test's own connection to its database (to check what it stored).
 * PostgreSQL: the central is its own process (`npm run central`) with the test crash points, so a
 * test can kill it. PGlite: the quicker form, in the test's process over an in-memory database.
 */
export interface CentralUnderTest {
  readonly engine: Engine;
  readonly url: string;
  readonly db: Db;
  /** Stops the central (SIGKILL for the process). */
  stop(): Promise<void>;
  /** Starts it again on the same database (on another port: point the proxy at `url`). */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startCentralUnderTest(engine: Engine): Promise<CentralUnderTest> {
  if (engine === 'pglite') {
    const db = await openPglite(null);
    await prepareDatabase(db);
    let central: Awaited<ReturnType<typeof startTestCentral>> | null = await startTestCentral(db);
    return {
      engine,
      get url() {
        return central!.url;
      },
      db,
      stop: async () => {
        await central?.close();
        central = null;
      },
      start: async () => {
        central = await startTestCentral(db);
      },
      dispose: async () => {
        await central?.close();
        await db.close();
      },
    };
  }
  const database = await createTestDatabase();
  const launch = () => startCentralProcess({ databaseUrl: database.url, env: { MOTCUA_CENTRAL_FAULTS: '1', CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN } });
  let proc: CentralProcess | null = await launch();
  const db = openPostgres(database.url, 4);
  return {
    engine,
    get url() {
      return proc!.url;
    },
    db,
    stop: async () => {
      await proc?.kill();
      proc = null;
    },
    start: async () => {
      proc = await launch();
    },
    dispose: async () => {
      await proc?.kill();
      await db.close();
      await database.dispose();
    },
  };
}

/** Polls until `probe` gives something, with a generous guard (no timing is asserted). */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A weekday morning that moves with real time (the queue is open), shifted as a test asks. */
export class SiteClock {
  private readonly t0 = Date.now();
  private base = Date.parse('2026-11-26T08:00:00+07:00');
  readonly now = (): number => this.base + (Date.now() - this.t0);
  /** From now on the site's clock reads `at` (and moves on from there). */
  set(at: number): void {
    this.base += at - this.now();
  }
}

/**
 * The site's hub: in the test's process (its parts reachable for tests that need them), or as its
 * own OS process on a fixed port (killed with SIGKILL at the sync crash points).
 */
export interface SiteHub {
  readonly url: string;
  readonly dataDir: string;
  readonly accounts: HubAccounts;
  /** The in-process hub; null for a hub process. */
  readonly inProcess: TestHub | null;
  /** Stops the hub (SIGKILL for a process) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same folder and port (extra environment for a hub process). */
  start(env?: Record<string, string>): Promise<void>;
  /** Resolves when a hub process ended by itself (a crash point). */
  exited(): Promise<void>;
  close(): Promise<void>;
}

async function startSiteHub(clock: SiteClock, processEnv: Record<string, string> | null): Promise<SiteHub> {
  if (processEnv === null) {
    const hub = await startTestHub({ clock: clock.now, sync: TEST_SYNC, setup: { agencyCode: uniqueAgencyCode() } });
    return {
      url: hub.url, dataDir: hub.dataDir, accounts: hub, inProcess: hub,
      stop: hub.stop, start: hub.start, close: hub.close,
      exited: () => new Promise(() => {}),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-sync-hub-'));
  const port = await freePort();
  const env = (extra: Record<string, string>) => ({
    MOTCUA_PORT: String(port), MOTCUA_SYNC_INTERVAL_MS: '200', MOTCUA_SYNC_MAX_BACKOFF_MS: '300', MOTCUA_SYNC_TIMEOUT_MS: '2000', ...extra,
  });
  let proc: HubProcess = await startHubProcess(dataDir, { env: env(processEnv) });
  const url = proc.url;
  let gone = new Promise<void>((r) => proc.child.once('exit', () => r()));
  return {
    url, dataDir, inProcess: null,
    accounts: hubAccounts(url, { username: 'admin', password: proc.oneTimePassword! }, { agencyCode: uniqueAgencyCode() }),
    stop: () => proc.kill(),
    start: async (extra = {}) => {
      proc = await startHubProcess(dataDir, { env: env(extra) });
      gone = new Promise<void>((r) => proc.child.once('exit', () => r()));
    },
    exited: () => gone,
    close: async () => {
      await proc.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the site's database says, read from its SQLite file (also while the hub runs: WAL). */
export function readSite(dataDir: string) {
  const db = new Database(join(dataDir, 'motcua.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const outbox = db.prepare('SELECT seq, event_id, type, version, aggregate_id, payload FROM outbox ORDER BY seq').all() as {
      seq: number; event_id: string; type: string; version: number; aggregate_id: string; payload: string;
    }[];
    const streams = db.prepare('SELECT incarnation, base_seq, acked_through FROM sync_streams ORDER BY started_at, rowid').all() as { incarnation: string; base_seq: number; acked_through: number }[];
    const incarnation = (db.prepare("SELECT json_extract(value, '$') AS v FROM settings WHERE key = 'incarnation'").get() as { v: string }).v;
    const dossiers = db.prepare('SELECT id, status, applicant_name FROM dossiers ORDER BY id').all() as { id: string; status: string; applicant_name: string }[];
    const procedures = db.prepare("SELECT code, version, name FROM procedure_versions WHERE source = 'sync' ORDER BY code, version").all() as { code: string; version: number; name: string }[];
    const cursors = Object.fromEntries((db.prepare('SELECT feed, cursor FROM feed_cursors').all() as { feed: string; cursor: number }[]).map((r) => [r.feed, r.cursor]));
    return { outbox, streams, incarnation, dossiers, procedures, cursors };
  } finally {
    db.close();
  }
}

export type SyncView = OpOutput<'sync.status'>;

export interface Rig extends SiteWorkload {
  readonly central: CentralUnderTest;
  readonly proxy: FaultProxy;
  readonly hub: SiteHub;
  readonly clock: SiteClock;
  readonly siteId: string;
  credential: string;
  status(): Promise<SyncView>;
  syncNow(): Promise<SyncView>;
  /** Waits until the hub has sent everything and a whole run succeeded, with the proxy passing all. */
  settle(timeoutMs?: number): Promise<SyncView>;
  /** The invariants every fault test ends with (see `verifyConverged`). */
  verify(options?: VerifyOptions): Promise<void>;
  /** A back office moves a dossier at the central. */
  changeStatus(dossierId: string, status: 'forwarded' | 'processing' | 'result_ready', note?: string): Promise<{ status: number; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface RigOptions {
  /** Run the hub as its own process with this extra environment (e.g. MOTCUA_SYNC_FAULTS). */
  readonly hubProcess?: Record<string, string>;
  /** A central already running (several rigs on one central). */
  readonly central?: CentralUnderTest;
}

export async function startRig(engine: Engine, options: RigOptions = {}): Promise<Rig> {
  const central = options.central ?? (await startCentralUnderTest(engine));
  const proxy = await FaultProxy.start(central.url);
  const siteId = `xa-${randomUUID().slice(0, 8)}`;
  const credential = await createSite(central.url, siteId);
  const clock = new SiteClock();
  const hub = await startSiteHub(clock, options.hubProcess ?? null);
  const admin = await hub.accounts.admin();
  const work = await siteWorkload(hub.accounts);
  await admin['admin.enrollSync']({ centralUrl: proxy.url, siteId, credential });

  const rig: Rig = {
    central, proxy, hub, clock, siteId, credential,
    get officer() {
      return work.officer;
    },
    kiosk: work.kiosk, issue: work.issue, serve: work.serve, receive: work.receive, relogin: work.relogin,
    status: () => rig.officer['sync.status']({}),
    syncNow: () => rig.officer['sync.now']({}),
    settle: async (timeoutMs = 30_000) => {
      proxy.clear();
      const until = Date.now() + timeoutMs;
      for (;;) {
        const s = await rig.syncNow();
        if (s.pendingEvents === 0 && s.lastError === null && s.conflict === null && s.online) return s;
        if (Date.now() > until) throw new Error(`sync did not settle: ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    verify: (options) => verifyConverged(rig, options),
    changeStatus: (dossierId, status, note = '') => adminCall(central.url, `/admin/sites/${siteId}/dossiers/${dossierId}/status`, { status, note }),
    close: async () => {
      await hub.close();
      await proxy.close();
      if (!options.central) await central.dispose();
    },
  };
  return rig;
}

/**
 * For a describe block: one central for the block (started before, disposed after), and rigs
 * (a new site and hub on it) closed after each test.
 */
export function useSyncRigs(engine: Engine) {
  let central: CentralUnderTest | null = null;
  let rig: Rig | null = null;
  beforeAll(async () => {
    central = await startCentralUnderTest(engine);
  });
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });
  afterAll(async () => central?.dispose());
  return {
    get central(): CentralUnderTest {
      return central!;
    },
    rig: async (options: Omit<RigOptions, 'central'> = {}) => (rig = await startRig(engine, { ...options, central: central! })),
  };
}

export interface VerifyOptions {
  /** Events the site deleted from its outbox after the central acknowledged them (retention). */
  readonly prunedAtSite?: ReadonlySet<string>;
}

/**
 * After each fault test (sync.md): the central's events equal the site's outbox — every event
 * once, with the same content, none missing, none extra; each stream's seqs have no gap and end
 * where the site's acknowledgement says; the projections equal the fold of the stored events; and
 * the dossiers the back offices moved show the central's status at the site.
 */
export async function verifyConverged(rig: Rig, options: VerifyOptions = {}): Promise<void> {
  const { db } = rig.central;
  const site = readSite(rig.hub.dataDir);

  const logged = await db.query<{ event_id: string; type: string; version: number; aggregate_id: string; payload: string; hash: string }>(
    'SELECT event_id, type, version, aggregate_id, payload, hash FROM events WHERE site_id = $1 ORDER BY id', [rig.siteId],
  );
  // Events the log cannot hold are kept verbatim beside their rejection (an id already stored with
  // other content is not a second copy of an event: it is left out).
  const verbatim = (await db.query<{ raw: string }>("SELECT raw FROM rejections WHERE site_id = $1 AND raw IS NOT NULL AND code <> 'EVENT_ID_CONFLICT' ORDER BY seq", [rig.siteId]))
    .map((r) => JSON.parse(r.raw) as WireEvent)
    .map((e) => ({ event_id: e.eventId, type: e.type, version: e.version, aggregate_id: e.aggregateId, payload: e.payload, hash: e.hash }));
  const stored = [...logged, ...verbatim];
  const ids = stored.map((e) => e.event_id);
  expect(new Set(ids).size, 'an event stored twice at the central').toBe(ids.length);
  const atCentral = new Map(stored.map((e) => [e.event_id, e]));
  for (const e of site.outbox) {
    const c = atCentral.get(e.event_id);
    expect(c, `event ${e.seq} (${e.type}) missing at the central`).toBeDefined();
    expect({ type: c!.type, version: c!.version, aggregateId: c!.aggregate_id, payload: c!.payload, hash: c!.hash }).toEqual({
      type: e.type, version: e.version, aggregateId: e.aggregate_id, payload: e.payload, hash: eventHash(e.type, e.version, e.aggregate_id, e.payload),
    });
  }
  const local = new Set(site.outbox.map((e) => e.event_id));
  // A copy restored from a backup fetches back what the central has of it: nothing is left out.
  expect(ids.filter((id) => !local.has(id) && !options.prunedAtSite?.has(id)), 'events at the central the site never wrote').toEqual([]);

  // Each of the site's streams: gap-free at the central from its base, through what the site
  // believes acknowledged; the current stream is acknowledged through the newest event.
  const lastSeq = site.outbox.at(-1)?.seq ?? 0;
  for (const s of site.streams) {
    const [row] = await db.query<{ base_seq: number; last_seq: number }>('SELECT base_seq, last_seq FROM streams WHERE site_id = $1 AND incarnation = $2', [rig.siteId, s.incarnation]);
    if (s.incarnation === site.incarnation) {
      expect(s.acked_through, 'the current stream is acknowledged through the newest event').toBe(lastSeq);
      if (lastSeq >= s.base_seq) expect(Number(row?.last_seq)).toBe(lastSeq);
    }
    if (!row) continue;
    const seqs = (await db.query<{ seq: number }>('SELECT seq FROM event_index WHERE site_id = $1 AND incarnation = $2 ORDER BY seq', [rig.siteId, s.incarnation])).map((r) => Number(r.seq));
    const expected = Array.from({ length: Number(row.last_seq) - Number(row.base_seq) + 1 }, (_, i) => Number(row.base_seq) + i);
    expect(seqs, `stream ${s.incarnation} has a gap`).toEqual(expected);
    expect(Number(row.last_seq)).toBeGreaterThanOrEqual(s.acked_through);
  }

  const f = await foldAndStored(db, rig.siteId, decodersV1);
  expect(f.stored, 'projections equal the fold of the events').toEqual(f.folded);
  expect(f.states).toEqual(f.verdicts);

  const moved = await db.query<{ dossier_id: string; processing_status: string }>(
    'SELECT dossier_id, processing_status FROM dossiers WHERE site_id = $1 AND processing_status IS NOT NULL', [rig.siteId],
  );
  const atSite = new Map(site.dossiers.map((d) => [d.id, d.status]));
  for (const m of moved) {
    const status = atSite.get(m.dossier_id);
    if (status === undefined || !isWithBackOffice(status)) continue; // the desk's own later step wins
    expect(status, `dossier ${m.dossier_id}: the site shows the back office's status`).toBe(m.processing_status);
  }
}
