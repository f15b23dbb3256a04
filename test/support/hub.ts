import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubClient, type HubClient } from '../../contract/client';
import { HubError } from '../../contract/errors';
import type { OpOutput } from '../../contract/ops';
import { USUAL_HOURS, type SiteIdentity, type WeeklyHours } from '../../contract/queue';
import { vnDate, vnMidnight } from '../../main/core/vn-time';
import type { SpoolerOptions } from '../../main/node/print/spooler';
import type { SyncWorkerOptions } from '../../main/node/sync/worker';
import { startHub, type RunningHub, type StartHubOptions } from '../../main/node/start-hub';
import { httpTransport } from '../../renderer/src/hub/http-transport';
import { DAY_MS, workingDayOffset } from './working-day';

export interface TestHub {
  readonly running: RunningHub;
  readonly url: string;
  readonly dataDir: string;
  /** A client with no credentials, or with the given token. */
  client(token?: string | null): HubClient;
  /** An admin client (the one-time password already changed). */
  admin(): Promise<HubClient>;
  /** A new staff account of this role, logged in. */
  staff(username: string, role?: 'officer' | 'supervisor' | 'admin', canCallSpecific?: boolean): Promise<HubClient>;
  /** A paired device of this kind and its token. */
  device(kind: 'kiosk' | 'display' | 'rating', counterId?: string | null): Promise<{ client: HubClient; token: string }>;
  catalog(): Promise<OpOutput<'catalog.get'>>;
  /** Stops the hub, waits, and starts it again on the same port and data folder (a hub restart mid-flow). */
  restart(downForMs?: number): Promise<void>;
  /**
   * Resolves once the hub asked to be restarted (a restore from the admin screen) and is back on
   * the same port: the tests' stand-in for the supervisor and the Electron relaunch.
   */
  restartedOnRequest(): Promise<void>;
  /** Stops the hub (its data folder stays): `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Numbers day and night: a hub in a test runs on the real clock (or one an hour ahead), and the
 * suite runs at any hour, so sites under test take numbers around the clock.
 */
export const ALL_DAY: WeeklyHours = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]);

/**
 * The real clock, an hour behind when the test starts in the last half hour before midnight in
 * Vietnam. The queue is per day — numbers still waiting at midnight are not called the next day —
 * so a test that issues numbers at 23:59 and calls them at 00:00 would find none (seen under
 * faketime). For tests whose numbers must outlive a few minutes. Off the days the calendar keeps
 * off, as every test hub's clock is (workingDayClock).
 */
export function sameDayClock(): () => number {
  const started = Date.now();
  const beforeMidnight = vnMidnight(vnDate(started + DAY_MS)) - started < 30 * 60_000 ? -60 * 60_000 : 0;
  const offset = beforeMidnight + workingDayOffset(started + beforeMidnight);
  return () => Date.now() + offset;
}

/**
 * A test hub's clock when the test gives none: the real one, moved back whole days while they are
 * days the official calendar keeps off (1 January, Tết, a swapped day off), when the hub gives no
 * numbers (main/core/queue-day.ts). A suite run on such a day, or under faketime across the new
 * year, tests what it tests on other days; the time of day stays the real one.
 */
export function workingDayClock(): () => number {
  const offset = workingDayOffset(Date.now());
  return () => Date.now() + offset;
}


/**
 * The site a test hub is set up as: what an admin types into the setup wizard. Tests that look at
 * the first start (the wizard, the sample data) ask for `setup: 'none'` or `'sample'`.
 */
export const TEST_SITE: SiteIdentity = {
  name: 'Bộ phận Một cửa xã Ia Dom',
  superiorBody: 'UBND xã Ia Dom',
  province: 'Gia Lai',
  commune: 'Ia Dom',
  address: 'Thôn Ia Dom, xã Ia Dom, tỉnh Gia Lai',
  agencyCode: '000.00.15.H21',
};

/** How a test hub's first admin sets the site up: the wizard with (part of) an identity, the sample data, or nothing yet. */
export type TestSetup = Partial<SiteIdentity> | 'sample' | 'none';

/**
 * An agency code no other hub of this test run holds: hubs enrolled with one central must differ
 * (the central refuses a code another site holds).
 */
export function uniqueAgencyCode(): string {
  agencyCodes += 1;
  return `H21.${String(process.pid % 1000).padStart(3, '0')}.${String(agencyCodes % 1000).padStart(3, '0')}`;
}
let agencyCodes = 0;

export const ADMIN_PASSWORD = 'mat-khau-quan-tri-1';
export const STAFF_PASSWORD = 'mat-khau-can-bo-1';

/** The real hub on a loopback port with a fresh SQLite file in a temporary folder. */
export async function startTestHub(options: { clock?: () => number; monotonic?: () => number; dataDir?: string; keepData?: boolean; port?: number; screens?: boolean; spooler?: SpoolerOptions; sync?: SyncWorkerOptions; setup?: TestSetup; backup?: StartHubOptions['backup'] } = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'motcua-test-'));
  let requested: { resolve: () => void; reject: (e: unknown) => void; promise: Promise<void> } | null = null;
  const onRestartRequested = () => {
    const r = requested ?? (requested = deferred());
    restart().then(() => r.resolve(), (e: unknown) => r.reject(e));
  };
  const defaultClock = workingDayClock();
  const start = (port: number) =>
    startHub({
      dataDir, port, host: '127.0.0.1', version: 'test',
      // The built renderer and the voice clips, for end-to-end tests in Chromium.
      rendererDir: options.screens ? join(root, 'dist', 'renderer') : null,
      voiceDir: options.screens ? join(root, 'resources', 'voice') : null,
      clock: options.clock ?? defaultClock,
      ...(options.monotonic ? { monotonic: options.monotonic } : {}),
      // Printers are checked and retried quickly in tests.
      spooler: options.spooler ?? { statusIntervalMs: 150, retryDelay: () => 150 },
      // Sync runs often and backs off briefly in tests.
      sync: options.sync ?? { idleIntervalMs: 300, debounceMs: 100, maxBackoffMs: 500, timeoutMs: 3000 },
      ...(options.backup ? { backup: options.backup } : {}),
      onRestartRequested,
    });
  let running = await start(options.port ?? 0);
  let up = true;
  const { url } = running.lan;
  const port = running.lan.port;
  const stop = async () => {
    if (up) {
      await running.close();
      // Clients in this process learn that their pooled connections closed a moment later; a hub
      // back on the same port before then would meet requests sent on the dead connections.
      await new Promise((r) => setTimeout(r, 50));
    }
    up = false;
  };
  const restart = async () => {
    await stop();
    running = await start(port);
    up = true;
  };
  return {
    get running() {
      return running;
    },
    url, dataDir,
    ...hubAccounts(url, running.firstAdmin, options.setup),
    stop,
    start: restart,
    restartedOnRequest: async () => {
      const r = requested ?? (requested = deferred());
      await r.promise;
      requested = null;
    },
    restart: async (downForMs = 0) => {
      await stop();
      await new Promise((r) => setTimeout(r, downForMs));
      await restart();
    },
    close: async () => {
      await stop();
      if (!options.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function deferred(): { resolve: () => void; reject: (e: unknown) => void; promise: Promise<void> } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { resolve, reject, promise };
}

export type HubAccounts = Pick<TestHub, 'client' | 'admin' | 'staff' | 'device' | 'catalog'>;

/**
 * Clients of a hub at `url` for each kind of user, made through its API the way a site is set
 * up: the first admin changes the one-time password and completes the setup wizard (`setup`:
 * TEST_SITE with these changes, the sample data, or nothing), then creates staff and pairs devices.
 */
export function hubAccounts(url: string, firstAdmin: { username: string; password: string } | null, setup: TestSetup = {}): HubAccounts {
  const client = (token: string | null = null) => createHubClient(httpTransport(url, () => token));
  let passwordChanged = false;
  let setUp = setup === 'none';
  const setUpOnce = async (admin: HubClient) => {
    if (setUp) return;
    setUp = true;
    const needed = await admin['site.get']({}).then(() => false, (e: unknown) => (e instanceof HubError && e.code === 'SETUP_NEEDED' ? true : Promise.reject(e)));
    if (!needed) return;
    if (setup === 'sample') await admin['setup.sample']({});
    else if (setup !== 'none') await admin['setup.complete']({ ...TEST_SITE, ...setup, queueHours: USUAL_HOURS });
  };
  /** A fresh admin login each time: tests move the clock past session lifetimes. */
  const admin = async () => {
    if (firstAdmin && !passwordChanged) {
      const login = await client()['auth.login']({ username: firstAdmin.username, password: firstAdmin.password }).catch(() => null);
      if (login) await client(login.token)['auth.changePassword']({ currentPassword: firstAdmin.password, newPassword: ADMIN_PASSWORD });
      passwordChanged = true;
    }
    const login = await client()['auth.login']({ username: 'admin', password: ADMIN_PASSWORD });
    await setUpOnce(client(login.token));
    return client(login.token);
  };
  const staff: TestHub['staff'] = async (username, role = 'officer', canCallSpecific = false) => {
    const a = await admin();
    const account = await a['admin.saveStaff']({ username, fullName: `Cán bộ ${username}`, role, active: true, canCallSpecific, initialPassword: 'mot-lan-dau-1' });
    const first = await client()['auth.login']({ username, password: 'mot-lan-dau-1' });
    await client(first.token)['auth.changePassword']({ currentPassword: 'mot-lan-dau-1', newPassword: STAFF_PASSWORD });
    const login = await client()['auth.login']({ username: account.username, password: STAFF_PASSWORD });
    return client(login.token);
  };
  const device: TestHub['device'] = async (kind, counterId = null) => {
    const a = await admin();
    const { code } = await a['devices.createPairingCode']({ kind, name: `${kind} thử`, counterId });
    const { token } = await client()['devices.pair']({ code });
    return { client: client(token), token };
  };
  return { client, admin, staff, device, catalog: async () => (await admin())['catalog.get']({}) };
}
