import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PROVINCE, publish, pull } from '../../central/sync/feeds';
import { CatalogItem, DossierStatusItem, PullResponse, SnapshotResponse, StaffItem, type FeedItem } from '../../contract/sync';
import { centralPerSuite } from './central-per-suite';
import { adminCall, call, procedure, createSite, engines, pushBatch, SiteOutbox, syncHeaders } from './helpers';

const staff = (username: string, fullName: string, active = true) => ({ staff: { username, fullName, role: 'officer', active } });

describe.each(engines)('feeds (%s)', (engine) => {
  const central = centralPerSuite(engine);

  async function site() {
    const siteId = `xa-${randomUUID().slice(0, 8)}`;
    return { siteId, credential: await createSite(central.url, siteId) };
  }
  const feedPath = (siteId: string, feed: string, cursor: number, limit = 500) => `/sync/v1/sites/${siteId}/feeds/${feed}?cursor=${cursor}&limit=${limit}`;
  const pullAs = (s: { siteId: string; credential: string }, feed: string, cursor: number, limit?: number) =>
    call(central.url, feedPath(s.siteId, feed, cursor, limit), { headers: syncHeaders(s.siteId, s.credential) });

  /** Everything after `cursor`, page by page, as a hub would read it. */
  async function pullAll(s: { siteId: string; credential: string }, feed: string, cursor: number, limit: number): Promise<{ items: FeedItem[]; cursor: number }> {
    const items: FeedItem[] = [];
    for (;;) {
      const r = await pullAs(s, feed, cursor, limit);
      expect(r.status).toBe(200);
      const page = PullResponse.parse(r.json);
      items.push(...page.items);
      cursor = page.cursor;
      if (!page.hasMore) return { items, cursor };
    }
  }

  it('pages a site-scoped feed with its cursor, and keeps it to its site', async () => {
    const a = await site();
    const b = await site();
    for (let i = 1; i <= 5; i++) expect((await adminCall(central.url, `/admin/sites/${a.siteId}/staff`, staff(`canbo${i}`, `Cán bộ ${i}`))).status).toBe(201);
    const p1 = PullResponse.parse((await pullAs(a, 'staff', 0, 2)).json);
    expect(p1.items.map((i) => i.version)).toEqual([1, 2]);
    expect(p1).toMatchObject({ cursor: 2, hasMore: true });
    expect(StaffItem.parse(JSON.parse(p1.items[0]!.payload))).toEqual({ username: 'canbo1', fullName: 'Cán bộ 1', role: 'officer', active: true });
    const rest = await pullAll(a, 'staff', p1.cursor, 2);
    expect(rest.items.map((i) => i.key)).toEqual(['canbo3', 'canbo4', 'canbo5']);
    expect(rest.cursor).toBe(5);
    expect(PullResponse.parse((await pullAs(a, 'staff', 5)).json)).toMatchObject({ items: [], cursor: 5, hasMore: false });
    expect(PullResponse.parse((await pullAs(b, 'staff', 0)).json)).toMatchObject({ items: [], cursor: 0 });
  });

  it('publishes the catalogue and the calendar to every site', async () => {
    const a = await site();
    const before = (await pullAll(a, 'catalog', 0, 500)).cursor;
    expect((await adminCall(central.url, '/admin/catalog', { procedure: procedure('1.000948.H38') })).status).toBe(201);
    expect((await adminCall(central.url, '/admin/catalog', { procedure: { ...procedure('bad code!') } })).status).toBe(400);
    const calendar = {
      year: 2027, province: 'Gia Lai', source: 'official', holidays: [{ date: '2027-01-01', name: 'Tết Dương lịch' }], extraDaysOff: [], workedWeekendDays: [],
      sessions: [[], [{ from: '07:30', to: '11:30' }], [], [], [], [], []], sameDayCutoff: '15:00',
    };
    expect((await adminCall(central.url, '/admin/calendar', { calendar })).status).toBe(201);
    const b = await site();
    const cat = await pullAll(b, 'catalog', before, 500);
    expect(cat.items.map((i) => i.key)).toEqual(['1.000948.H38@1']);
    expect(CatalogItem.parse(JSON.parse(cat.items[0]!.payload))).toMatchObject({ code: '1.000948.H38', version: 1 });
    const cal = await pullAll(a, 'calendar', 0, 500);
    expect(cal.items.at(-1)).toMatchObject({ key: '2027/Gia Lai' });
  });

  it('never lets a reader skip an item while publishers commit around it', async () => {
    const reader = await site();
    const start = (await pullAll(reader, 'catalog', 0, 500)).cursor;
    const publishers = Array.from({ length: 4 }, (_, p) =>
      (async () => {
        for (let i = 0; i < 15; i++) {
          const r = await adminCall(central.url, '/admin/catalog', { procedure: procedure(`9.${p}.${i}.H38`) });
          expect(r.status).toBe(201);
        }
      })(),
    );
    const seen: number[] = [];
    let cursor = start;
    let done = false;
    void Promise.all(publishers).then(() => (done = true));
    while (!done || seen.length < 60) {
      const page = PullResponse.parse((await pullAs(reader, 'catalog', cursor, 7)).json);
      seen.push(...page.items.map((i) => i.version));
      cursor = page.cursor;
    }
    await Promise.all(publishers);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => start + i + 1));
  });

  it.runIf(engine === 'postgres')('makes a later-allocated version wait for the earlier one, where a sequence would skip it', async () => {
    const start = await pull(central.db, 'calendar', PROVINCE, 0, 1000);
    const cursor0 = start.kind === 'ok' ? start.cursor : 0;
    // Transaction A takes the next version and stays open.
    let releaseA!: () => void;
    const held = new Promise<void>((r) => (releaseA = r));
    let tookA!: (v: number) => void;
    const versionA = new Promise<number>((r) => (tookA = r));
    const a = central.db.transaction(async (tx) => {
      tookA(await publish(tx, 'calendar', PROVINCE, 'a', '{}'));
      await held;
    });
    const va = await versionA;
    // Transaction B asks for the next version and would commit before A: it has to wait instead.
    let committedB = false;
    const b = central.db.transaction((tx) => publish(tx, 'calendar', PROVINCE, 'b', '{}')).then((v) => ((committedB = true), v));
    await sleep(300);
    expect(committedB).toBe(false);
    const between = await pull(central.db, 'calendar', PROVINCE, cursor0, 1000);
    expect(between).toMatchObject({ kind: 'ok', items: [], cursor: cursor0 });
    releaseA();
    await a;
    const vb = await b;
    expect(vb).toBe(va + 1);
    const after = await pull(central.db, 'calendar', PROVINCE, cursor0, 1000);
    expect(after.kind === 'ok' && after.items.map((i) => i.key)).toEqual(['a', 'b']);

    // The same two transactions against a BIGSERIAL, read with `id > cursor`: the reader skips A's row.
    await central.db.query('CREATE TABLE naive_feed (id bigserial PRIMARY KEY, key text NOT NULL)');
    let releaseN!: () => void;
    const heldN = new Promise<void>((r) => (releaseN = r));
    let insertedN!: () => void;
    const wroteN = new Promise<void>((r) => (insertedN = r));
    const n1 = central.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO naive_feed (key) VALUES ('first')`);
      insertedN();
      await heldN;
    });
    await wroteN;
    await central.db.transaction((tx) => tx.query(`INSERT INTO naive_feed (key) VALUES ('second')`));
    const seen = await central.db.query<{ id: number; key: string }>('SELECT id, key FROM naive_feed WHERE id > 0 ORDER BY id');
    const naiveCursor = seen.at(-1)!.id;
    releaseN();
    await n1;
    const later = await central.db.query<{ key: string }>('SELECT key FROM naive_feed WHERE id > $1 ORDER BY id', [naiveCursor]);
    expect(seen.map((r) => r.key)).toEqual(['second']);
    expect(later).toEqual([]); // 'first' is never read
  });

  it('answers 410 below the compaction floor; the snapshot then carries the latest item of every key', async () => {
    const s = await site();
    const publishStaff = async (u: string, n: string) => expect((await adminCall(central.url, `/admin/sites/${s.siteId}/staff`, staff(u, n))).status).toBe(201);
    await publishStaff('an.nv', 'An 1'); // v1
    await publishStaff('binh', 'Bình'); // v2
    await publishStaff('an.nv', 'An 2'); // v3
    await publishStaff('chi', 'Chi'); // v4
    await publishStaff('an.nv', 'An 3'); // v5
    expect((await adminCall(central.url, '/admin/feeds/staff/compact', { keepFrom: 4 })).status).toBe(400); // a site's feed needs its site
    const c = await adminCall(central.url, '/admin/feeds/staff/compact', { keepFrom: 4, siteId: s.siteId });
    expect(c.json).toEqual({ oldestCursor: 3, removed: 2 });
    for (const cursor of [0, 2]) {
      const r = await pullAs(s, 'staff', cursor);
      expect(r.status).toBe(410);
      expect(r.json).toMatchObject({ code: 'RESYNC_REQUIRED', oldestCursor: 3 });
    }
    expect(PullResponse.parse((await pullAs(s, 'staff', 3)).json).items.map((i) => i.version)).toEqual([4, 5]);
    const snap = await call(central.url, `/sync/v1/sites/${s.siteId}/feeds/staff/snapshot`, { headers: syncHeaders(s.siteId, s.credential) });
    const body = SnapshotResponse.parse(snap.json);
    expect(body.items.map((i) => [i.version, i.key, (JSON.parse(i.payload) as { fullName: string }).fullName])).toEqual([[2, 'binh', 'Bình'], [4, 'chi', 'Chi'], [5, 'an.nv', 'An 3']]);
    expect(body.cursor).toBe(5);
    expect(PullResponse.parse((await pullAs(s, 'staff', body.cursor)).json).items).toEqual([]);
    // A cursor the central never gave (it was restored from an older backup) also resyncs.
    expect((await pullAs(s, 'staff', 99)).status).toBe(410);
  });

  it("puts a back office's status change in that site's dossier-status feed only", async () => {
    const a = await site();
    const b = await site();
    const o = new SiteOutbox(a.siteId);
    const d = randomUUID();
    const returned = randomUUID();
    o.dossier('received', d, 'received');
    o.dossier('received', returned, 'received');
    o.dossier('returned', returned, 'returned', { returnedAt: '2026-03-03T02:00:00.000Z' });
    expect((await pushBatch(central.url, a.credential, o.request(o.events))).status).toBe(200);

    const r = await adminCall<{ item: unknown; version: number }>(central.url, `/admin/sites/${a.siteId}/dossiers/${d}/status`, { status: 'processing', note: 'Phòng Tư pháp đang xử lý' });
    expect(r.status).toBe(200);
    const item = DossierStatusItem.parse(r.json.item);
    expect(item).toMatchObject({ dossierId: d, status: 'processing', note: 'Phòng Tư pháp đang xử lý' });

    const feedA = PullResponse.parse((await pullAs(a, 'dossier-status', 0)).json);
    expect(feedA.items).toHaveLength(1);
    expect(feedA.items[0]!.key).toBe(d);
    expect(DossierStatusItem.parse(JSON.parse(feedA.items[0]!.payload))).toEqual(item);
    expect(PullResponse.parse((await pullAs(b, 'dossier-status', 0)).json).items).toEqual([]);

    const list = await adminCall<{ dossiers: { dossierId: string; status: string; processingStatus: string | null }[] }>(central.url, `/admin/sites/${a.siteId}/dossiers?limit=10`);
    expect(list.json.dossiers.find((x) => x.dossierId === d)).toMatchObject({ status: 'received', processingStatus: 'processing' });
    // A later site event does not touch what the back office decided.
    o.dossier('extended', d, 'processing');
    await pushBatch(central.url, a.credential, o.request(o.events.slice(-1), 1));
    const [row] = await central.db.query<{ status: string; processing_status: string }>('SELECT status, processing_status FROM dossiers WHERE site_id = $1 AND dossier_id = $2', [a.siteId, d]);
    expect(row).toEqual({ status: 'processing', processing_status: 'processing' });

    expect((await adminCall(central.url, `/admin/sites/${a.siteId}/dossiers/${returned}/status`, { status: 'processing' })).json).toMatchObject({ code: 'DOSSIER_NOT_WITH_BACK_OFFICE' });
    expect((await adminCall(central.url, `/admin/sites/${b.siteId}/dossiers/${d}/status`, { status: 'processing' })).status).toBe(404);
    expect((await adminCall(central.url, `/admin/sites/${a.siteId}/dossiers/${d}/status`, { status: 'returned' })).status).toBe(400);
  });
});
