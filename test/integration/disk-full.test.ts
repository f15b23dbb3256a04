import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { errorCatalog, HubError } from '../../contract/errors';
import { EventClient } from '../support/events';
import { ALL_DAY, startTestHub, type TestHub } from '../support/hub';
import { codeOf } from '../support/outcome';
import { canMountSmallDisk, databaseLimit, mountSmallDisk, noSmallDiskReason, type SmallDisk } from '../support/small-disk';
import { intake } from './dossier/intake-input';

/**
 * The data folder on a real, small file system that the test fills up: the hub keeps every screen
 * paired and logged in, keeps answering reads, refuses writes with DISK_FULL (not INTERNAL), says
 * so to staff, and takes numbers again by itself once there is room, with nothing lost.
 */
describe.skipIf(!canMountSmallDisk)('a full data disk' + (canMountSmallDisk ? '' : ` (${noSmallDiskReason})`), () => {
  let disk: SmallDisk;
  let hub: TestHub;
  let admin: HubClient;
  let officer: HubClient;
  let officerId: string;
  let kiosk: HubClient;
  let display: { client: HubClient; token: string };
  let officerStream: EventClient;
  let serviceId: string;
  let dossierId: string;
  /** The hub's clock runs ahead of the real one once the disk is full, so last-seen writes fall due. */
  let ahead = 0;
  const issue = () => kiosk['tickets.issue']({ serviceId, priorityClassId: null });
  const healthHints = () => officerStream.messages.filter((m) => m.type === 'changed' && m.topics.includes('health')).length;

  beforeAll(async () => {
    disk = mountSmallDisk(4096);
    hub = await startTestHub({ dataDir: disk.dir, clock: () => Date.now() + ahead });
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    serviceId = (await admin['catalog.get']({})).services[0]!.id;
    officer = await hub.staff('canbo1');
    officerId = (await officer['auth.me']({})).staff.id;
    kiosk = (await hub.device('kiosk')).client;
    display = await hub.device('display');
    for (let i = 0; i < 3; i++) await issue();
    dossierId = (await officer['dossiers.receive'](intake())).id;
    const token = (await hub.client()['auth.login']({ username: 'canbo1', password: 'mat-khau-can-bo-1' })).token;
    officer = hub.client(token);
    officerStream = new EventClient(hub.url, token);
    await officerStream.until((s) => s.messages.some((m) => m.type === 'hello'));

    disk.fill();
    // Six minutes later: every session and device is due for its last-seen write, which cannot land.
    ahead = 6 * 60_000;
  });
  afterAll(async () => {
    officerStream?.close();
    await hub?.close();
    disk?.unmount();
  });

  it('lets a paired display connect to the event stream: no bye, no 4401', async () => {
    const stream = new EventClient(hub.url, display.token, 0);
    await stream.until((s) => s.messages.length > 0);
    expect(stream.messages[0]).toMatchObject({ type: 'hello' });
    await stream.roundTrip();
    expect(stream.messages.filter((m) => m.type === 'bye')).toEqual([]);
    stream.close();
  });

  it('keeps an open officer socket through a credential recheck', async () => {
    // What the hub's minute timer does, now: check the officer's credential again.
    hub.running.hub.bus.emit('credentialEnded', { staffId: officerId });
    await officerStream.roundTrip();
    expect(officerStream.messages.filter((m) => m.type === 'bye')).toEqual([]);
  });

  it('answers reads: display.state for the display, counter.state for the officer', async () => {
    expect(await codeOf(display.client['display.state']({}))).toBe('ok');
    expect(await codeOf(officer['counter.state']({}))).toBe('ok');
  });

  it('refuses a new number with DISK_FULL and a Vietnamese message, and tells staff screens at once', async () => {
    const error = await issue().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('DISK_FULL');
    expect((error as HubError).message).toBe(errorCatalog.DISK_FULL[1]);
    expect((error as HubError).status).toBe(507);
    await officerStream.until(() => healthHints() === 1);
    const health = await officer['system.health']({});
    expect(health.storage).toMatchObject({ level: 'disk_full', title: 'Ổ đĩa của máy chủ Một Cửa đã đầy' });
  });

  it('refuses a scan that does not fit with DISK_FULL, and leaves no piece of it on the disk', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64 * 1024, 7)]);
    expect(await codeOf(officer['dossiers.attachScan']({ dossierId, documentIndex: 0, fileName: 'to-khai.png', mime: 'image/png', dataBase64: png.toString('base64') }))).toBe('DISK_FULL');
    const files = readdirSync(join(disk.dir, 'scans'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.map((f) => f.name)).toEqual([]);
  });

  it('takes numbers again once there is room, continuing the count with no gap and no duplicate', async () => {
    disk.free();
    const next = await issue();
    expect(next.ticket.number).toBe(4);
    const numbers = (await admin['tickets.list']({})).map((t) => t.number).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4]);
    await officerStream.until(() => healthHints() === 2);
    expect((await officer['system.health']({})).storage).toEqual({ level: 'ok', since: null, title: null, message: null });
  });

  it('logs the episode once, in its log file, after the disk had been full (the logger survived it)', async () => {
    const logs = join(disk.dir, 'logs');
    const text = () => readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')).join('');
    hub.running.hub.deps.log.flush();
    // The lines written while the disk was full waited in memory; they land with the later ones.
    await expect.poll(text, { timeout: 10_000 }).toContain('disk space is back');
    expect(text().split('\n').filter((l) => l.includes('"disk full')).length).toBe(1);
  });
});

describe('the hub failing on its own while checking a credential', () => {
  it('closes the event stream with 1011 (reconnect later), not bye and 4401', async () => {
    const hub = await startTestHub();
    try {
      const display = await hub.device('display');
      // A real internal failure: the database is gone under the hub.
      hub.running.hub.deps.db.close();
      const stream = new EventClient(hub.url, display.token, 0);
      expect(await stream.closed).toEqual({ code: 1011 });
      expect(stream.messages).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});

/**
 * The same promises where no file system can be mounted (and on every machine, as a second kind
 * of "full"): the database reaches SQLite's page limit, and SQLite itself answers SQLITE_FULL.
 */
describe('a full database (SQLite at its page limit)', () => {
  it('keeps screens paired, answers reads, refuses numbers with DISK_FULL, then continues the count with no gap', async () => {
    let ahead = 0;
    const hub = await startTestHub({ clock: () => Date.now() + ahead });
    try {
      const admin = await hub.admin();
      await admin['site.update']({ queueHours: ALL_DAY });
      const serviceId = (await admin['catalog.get']({})).services[0]!.id;
      const kiosk = (await hub.device('kiosk')).client;
      const display = await hub.device('display');
      const issue = () => kiosk['tickets.issue']({ serviceId, priorityClassId: null });
      await issue();
      const limit = databaseLimit(hub.running.hub.deps.db);
      limit.fill();
      ahead = 6 * 60_000;
      // Numbers fit in the pages the database already has until one needs a new page.
      let refused: unknown = null;
      for (let i = 0; i < 5000 && refused === null; i++) refused = await issue().then(() => null, (e: unknown) => e);
      expect((refused as HubError).code).toBe('DISK_FULL');
      expect(await codeOf(issue())).toBe('DISK_FULL');
      // Asked without a login: a staff call would land its last-seen write first.
      expect((await hub.client()['system.health']({})).storage).toMatchObject({ level: 'disk_full' });

      // (A last-seen write still fits in its page here, and a write that lands ends the episode.)
      const stream = new EventClient(hub.url, display.token, 0);
      await stream.until((s) => s.messages.length > 0);
      expect(stream.messages[0]).toMatchObject({ type: 'hello' });
      stream.close();
      expect(await codeOf(display.client['display.state']({}))).toBe('ok');

      limit.free();
      const next = await issue();
      const numbers = (await admin['tickets.list']({})).map((t) => t.number).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(next.ticket.number).toBe(numbers.length);
      expect((await admin['system.health']({})).storage.level).toBe('ok');
    } finally {
      await hub.close();
    }
  });
});
