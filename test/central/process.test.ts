import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../central/db/pglite';
import { openPostgres } from '../../central/db/postgres';
import type { Db } from '../../central/db/db';
import { decodersV1 } from '../../central/projection/decode';
import { startCentralProcess, type CentralProcess } from '../support/central-process';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { adminCall, busyOutbox, count, createSite, foldAndStored, login, pushBatch } from './helpers';

const FAULTS = { MOTCUA_CENTRAL_FAULTS: '1' };

/**
 * The central killed between its write and its commit, and after its commit before answering
 * (sync.md faults 3 and 8): a separate process, SIGKILLed by its own crash point.
 */
async function crashAndRecover(start: () => Promise<CentralProcess>, inspect: () => Promise<Db>) {
  let central = await start();
  const token = central.adminToken!;
  expect(token).toMatch(/^\S{20,}$/);
  // The first province-admin, as a province's admin finds it in the first start's output.
  expect((await login(central.url, 'quantri', central.firstAdminPassword!)).json).toMatchObject({ account: { username: 'quantri', role: 'province-admin' } });
  const siteId = `xa-${randomUUID().slice(0, 8)}`;
  const credential = await createSite(central.url, siteId, 'UBND xã Ia Grai', token);
  const o = busyOutbox(siteId, 150);
  const first = o.request(o.events.slice(0, 100));

  await expect(pushBatch(central.url, credential, first, { 'x-motcua-test-crash': 'before-commit' })).rejects.toThrow();
  await central.kill();
  expect(central.child.signalCode).toBe('SIGKILL');
  let db = await inspect();
  expect(await count(db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [siteId])).toBe(0);
  expect(await count(db, 'SELECT count(*) AS n FROM streams WHERE site_id = $1', [siteId])).toBe(0);
  expect(await count(db, 'SELECT count(*) AS n FROM tickets WHERE site_id = $1', [siteId])).toBe(0);
  await db.close();

  central = await start();
  expect(central.adminToken).toBeNull(); // printed once, at the first start only
  expect(central.firstAdminPassword).toBeNull();
  const retried = await pushBatch(central.url, credential, first);
  expect(retried.status).toBe(200);
  expect(retried.json.ackedThrough).toBe(100);

  const second = o.request(o.events.slice(100));
  await expect(pushBatch(central.url, credential, second, { 'x-motcua-test-crash': 'after-commit' })).rejects.toThrow();
  await central.kill();
  central = await start();
  const again = await pushBatch(central.url, credential, second);
  expect(again.json).toMatchObject({ ackedThrough: 150, rejections: [] });
  const admin = await adminCall<{ sites: { siteId: string; streams: { lastSeq: number }[] }[] }>(central.url, '/admin/sites', undefined, 'GET', token);
  expect(admin.json.sites.find((s) => s.siteId === siteId)?.streams[0]?.lastSeq).toBe(150);
  await central.kill('SIGTERM');

  db = await inspect();
  expect(await count(db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [siteId])).toBe(150);
  const f = await foldAndStored(db, siteId, decodersV1);
  expect(f.stored).toEqual(f.folded);
  expect(f.states.every((s) => s === 'applied')).toBe(true);
  await db.close();
}

describe('the central as its own process', () => {
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await createTestDatabase();
  });
  afterAll(() => pg.dispose());

  it('on PostgreSQL: loses nothing and duplicates nothing when killed before or after its commit', async () => {
    await crashAndRecover(
      () => startCentralProcess({ databaseUrl: pg.url, env: FAULTS }),
      async () => openPostgres(pg.url, 2),
    );
  });

  it('on PGlite: recovers its data folder after being killed mid-transaction', async () => {
    let dataDir: string | undefined;
    await crashAndRecover(
      async () => {
        const c = await startCentralProcess({ dataDir, env: FAULTS });
        dataDir = c.dataDir!;
        return c;
      },
      () => openPglite(`${dataDir!}/pgdata`),
    );
    rmSync(dataDir!, { recursive: true, force: true });
  }, 180_000); // PGlite's recovery in a new central process: close to a minute with both cores busy
});
