import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROVINCE, publish } from '../../central/sync/feeds';
import type { PushRequest } from '../../contract/sync';
import { adminCall, count, engines, procedure, type Engine } from '../central/helpers';
import type { ProxyLogEntry } from '../support/fault-proxy';
import { startHubProcess } from '../support/hub-process';
import { codeOf } from '../support/outcome';
import { readSite, startRig, useSyncRigs, waitFor, type Rig } from './rig';

const EVENTS = /\/events$/;
const pushes = (r: Rig) => r.proxy.log.filter((e) => e.method === 'POST' && EVENTS.test(e.path));
const seqsOf = (e: ProxyLogEntry) => (JSON.parse(gunzipSync(e.request.body).toString()) as PushRequest).events.map((x) => x.seq);

/**
 * sync.md's fault list, hub ↔ fault proxy ↔ central, on a real PostgreSQL (the central as its own
 * process) and on PGlite (in the test's process; the cases that kill the central run on
 * PostgreSQL only). Each case ends with `verify()`: the central's events equal the site's outbox,
 * no duplicate, no gap, projections equal the fold, central-owned fields equal at the site.
 */
describe.each(engines)('sync under faults (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);
  const open = () => t.rig();

  it('(the check itself) notices a projection that is not the fold, a gap, a missing event and one stored twice', async () => {
    const r = await open();
    await r.serve(1);
    await r.settle();
    await r.verify();
    const { db } = t.central;
    const broken = async (what: RegExp, mutate: string, undo: string) => {
      await db.query(mutate, [r.siteId]);
      await expect(r.verify()).rejects.toThrow(what);
      await db.query(undo, [r.siteId]);
    };
    await broken(/fold/, "UPDATE tickets SET recall_count = recall_count + 1 WHERE site_id = $1", "UPDATE tickets SET recall_count = recall_count - 1 WHERE site_id = $1");
    await broken(/gap/, 'UPDATE event_index SET seq = seq + 100 WHERE site_id = $1 AND seq = 3', 'UPDATE event_index SET seq = seq - 100 WHERE site_id = $1 AND seq = 103');
    await broken(/missing at the central/, "UPDATE events SET event_id = '00000000-0000-4000-8000-000000000000' WHERE site_id = $1 AND seq = 2",
      "UPDATE events e SET event_id = i.event_id FROM event_index i WHERE e.site_id = $1 AND i.site_id = e.site_id AND i.incarnation = e.incarnation AND i.seq = e.seq AND e.seq = 2");
    await broken(/stored twice/, 'INSERT INTO events SELECT id + 1000000, site_id, incarnation, seq, event_id, type, version, aggregate_id, payload, hash, site_created_at, received_at, projected FROM events WHERE site_id = $1 AND seq = 1',
      'DELETE FROM events WHERE site_id = $1 AND id > 1000000');
    await r.verify();
  });

  it('keeps serving while the central is down for a long time, then sends everything once', async () => {
    const r = await open();
    await r.settle();
    await t.central.stop();
    await r.serve(3);
    await r.receive();
    await r.syncNow();
    const offline = await r.status();
    expect(offline.online).toBe(false);
    expect(offline.pendingEvents).toBe(16);
    expect(offline.oldestPendingAt).not.toBeNull();
    expect(offline.lastError?.message).toMatch(/máy chủ tỉnh/i);
    await t.central.start();
    r.proxy.setUpstream(t.central.url);
    expect((await r.settle()).pendingEvents).toBe(0);
    await r.verify();
  });

  it('sends again when requests are dropped on the way', async () => {
    const r = await open();
    r.proxy.inject({ kind: 'dropRequest' }, { path: EVENTS, times: 2 });
    await r.serve(2);
    await waitFor('two dropped pushes', () => pushes(r).filter((e) => e.fault === 'dropRequest').length === 2);
    await r.settle();
    await r.verify();
  });

  it('resends a batch whose answer was lost after the commit, overlapping new events, and stores each once', async () => {
    const r = await open();
    r.proxy.inject({ kind: 'dropResponse' }, { path: EVENTS, times: 1 });
    await r.serve(1);
    const lost = await waitFor('a lost answer', () => pushes(r).find((e) => e.fault === 'dropResponse'));
    await r.serve(1);
    await r.settle();
    const next = pushes(r).find((e) => e.at > lost.at && e.status === 200)!;
    expect(seqsOf(next)[0], 'the resend starts where the lost batch started').toBe(seqsOf(lost)[0]);
    expect(await count(t.central.db, 'SELECT count(*) AS n FROM event_index WHERE site_id = $1 AND duplicate', [r.siteId])).toBe(0);
    await r.verify();
  });

  it('takes the same batch twice at once, and once more much later, without storing anything twice', async () => {
    const r = await open();
    r.proxy.inject({ kind: 'duplicate' }, { path: EVENTS, times: 1 });
    await r.serve(2);
    const twice = await waitFor('a duplicated push', () => pushes(r).find((e) => e.fault === 'duplicate'));
    await r.settle();
    await r.serve(1);
    await r.settle();
    const late = await r.proxy.replay(twice);
    expect(late.status).toBe(200);
    expect((late.json as { ackedThrough: number }).ackedThrough).toBeGreaterThanOrEqual(Math.max(...seqsOf(twice)));
    await r.verify();
  });

  it('resends from the seq the central asks for when it lost the end of the stream (a gap)', async () => {
    const r = await open();
    await r.serve(2);
    await r.settle();
    // The central comes back from a backup without seqs 7–10: its projections are rebuilt from its log.
    const { db } = t.central;
    await db.transaction(async (tx) => {
      const gone = (await tx.query<{ event_id: string }>('DELETE FROM event_index WHERE site_id = $1 AND seq > 6 RETURNING event_id', [r.siteId])).map((x) => x.event_id);
      await tx.query('DELETE FROM events WHERE site_id = $1 AND event_id = ANY($2::uuid[])', [r.siteId, gone]);
      await tx.query('UPDATE streams SET last_seq = 6 WHERE site_id = $1', [r.siteId]);
      for (const t of ['tickets', 'ratings', 'dossiers']) await tx.query(`DELETE FROM ${t} WHERE site_id = $1`, [r.siteId]);
      await tx.query('UPDATE events SET projected = false WHERE site_id = $1', [r.siteId]);
    });
    expect((await adminCall(t.central.url, '/admin/reproject', {})).status).toBe(200);
    await r.serve(1);
    await r.settle();
    const gap = pushes(r).find((e) => e.status === 409)!;
    expect(seqsOf(gap)[0]).toBe(11);
    expect(seqsOf(pushes(r).find((e) => e.at > gap.at && e.status === 200)!)[0], 'resent from 7').toBe(7);
    await r.verify();
  });

  it('stops on a seq the central holds with other content (not a restored copy) until the admin starts a new stream', async () => {
    const r = await open();
    await r.serve(2);
    await r.settle();
    await r.hub.stop();
    // The database says something else under seq 3 than the central acknowledged, and takes seq 3
    // for unsent (its marker agrees): the central is not ahead of this outbox, the content differs.
    const db = new Database(join(r.hub.dataDir, 'motcua.sqlite'));
    const incarnation = (db.prepare("SELECT json_extract(value, '$') AS v FROM settings WHERE key = 'incarnation'").get() as { v: string }).v;
    db.prepare("UPDATE outbox SET payload = json_set(payload, '$.data.changed', 1) WHERE seq = 3").run();
    db.prepare('UPDATE sync_streams SET acked_through = 2').run();
    db.close();
    writeFileSync(join(r.hub.dataDir, 'sync-marker.json'), JSON.stringify({ incarnation, ackedThrough: 2 }));
    await r.hub.start();
    const stuck = await waitFor('the conflict', async () => (await r.status()).conflict && (await r.status()));
    expect(stuck.conflict!.seq).toBe(3);
    expect(stuck.conflict!.message).toMatch(/khác với bản máy chủ tỉnh đã nhận/);
    expect(stuck.recovery).toBeNull();
    await (await r.hub.accounts.admin())['admin.newSyncStream']({});
    const s = await r.settle();
    // Sent again under the new stream, the changed event is refused by its id; the central keeps the first.
    expect(s.rejections.map((x) => [x.seq, x.code])).toEqual([[3, 'EVENT_ID_CONFLICT']]);
    expect(s.recovery).toMatchObject({ pending: false, noticedBy: 'admin' });
  });

  it('starts a new stream by itself when only the database came back from a backup, and fetches back what it lost', async () => {
    const r = await open();
    const lost = await restoredFromBackup(r, ['motcua.sqlite']);
    // The desk waits for the recovery (RECOVERY_PENDING meanwhile), then works on.
    await r.settle();
    await r.serve(1);
    const s = await r.settle();
    expect(s.conflict).toBeNull();
    expect(pushes(r).some((e) => e.status === 409), 'no conflict reached the central').toBe(false);
    expect(readSite(r.hub.dataDir).streams).toHaveLength(2);
    const outbox = new Set(readSite(r.hub.dataDir).outbox.map((e) => e.event_id));
    expect([...lost].filter((id) => !outbox.has(id)), 'events lost with the copy are back at the hub').toEqual([]);
    await r.verify();
  });

  it.runIf(engine === 'postgres').each(['before-commit', 'after-commit'])('recovers when the central is killed mid-batch (%s)', async (point) => {
    const r = await open();
    r.proxy.inject({ kind: 'header', headers: { 'x-motcua-test-crash': point } }, { path: EVENTS, times: 1 });
    await r.serve(2);
    await waitFor('the central to die', () => pushes(r).some((e) => e.fault === 'header' && e.status === 502));
    await r.serve(1);
    expect((await r.status()).pendingEvents).toBeGreaterThan(0);
    await t.central.start();
    r.proxy.setUpstream(t.central.url);
    await r.settle();
    await r.verify();
  });

  it('survives a slow link: every push times out at the hub after the central committed it', async () => {
    const r = await open();
    r.proxy.inject({ kind: 'delay', ms: 2600 }, { path: EVENTS, times: 1000 });
    await r.serve(1);
    await waitFor('a timeout at the hub', async () => (await r.status()).lastError?.code === 'TIMEOUT');
    await waitFor('a late commit at the central', () => pushes(r).some((e) => e.fault === 'delay' && e.status === 200));
    expect((await r.status()).pendingEvents).toBe(5);
    await r.settle();
    await r.verify();
  });

  it('halves the batch on 413 until the central takes it, then grows it back', async () => {
    const r = await open();
    await t.central.stop(); // a backlog builds up first
    await r.serve(4);
    await t.central.start();
    r.proxy.setUpstream(t.central.url);
    r.proxy.inject({ kind: 'status', status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'Lô dữ liệu quá lớn.' } }, { path: EVENTS, times: 7 });
    await waitFor('seven refusals', async () => (await r.syncNow(), pushes(r).filter((e) => e.status === 413).length === 7));
    await r.settle();
    const ok = pushes(r).filter((e) => e.status === 200);
    expect(pushes(r).filter((e) => e.status === 413)).toHaveLength(7);
    expect(seqsOf(ok[0]!)).toHaveLength(3); // 500 → 250 → … → 3
    expect(seqsOf(ok[1]!)).toHaveLength(6);
    await r.verify();
  });

  it.each([429, 503])('waits at least Retry-After on %i, however busy the counter', async (status) => {
    const r = await open();
    r.proxy.inject({ kind: 'status', status, headers: { 'retry-after': '2' }, body: { code: 'SERVER_BUSY', message: 'Máy chủ tỉnh đang bận: sẽ tự gửi lại sau.' } }, { path: EVENTS, times: 1 });
    await r.serve(1);
    const busy = await waitFor('the refusal', () => pushes(r).find((e) => e.status === status));
    expect((await r.status()).lastError?.code).toBe('SERVER_BUSY');
    await r.serve(1); // new events do not cut the wait short
    const next = await waitFor('the next push', () => pushes(r).find((e) => e.at > busy.at), 10_000);
    expect(next.at - busy.at).toBeGreaterThanOrEqual(1990);
    await r.settle();
    await r.verify();
  });

  it('reports a poison event with its reason and sends on past it', async () => {
    const r = await open();
    const { deps } = r.hub.inProcess!.running.hub;
    const poison = await deps.writer.run(() => deps.outbox.append('ticket.called', 1, randomUUID(), { ticketId: 'không phải mã' }, deps.clock()));
    await r.serve(1);
    const s = await r.settle();
    expect(s.rejections).toEqual([expect.objectContaining({ seq: poison, type: 'ticket.called', code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) })]);
    expect(await count(t.central.db, 'SELECT count(*) AS n FROM tickets WHERE site_id = $1', [r.siteId])).toBe(1);
    await r.verify();
  });

  it('version skew, newer hub: an unknown protocol is refused with a reason, an unknown event version is kept raw', async () => {
    const r = await open();
    r.proxy.inject({ kind: 'header', headers: { 'x-motcua-protocol': '2' } }, { times: 1000 });
    await r.serve(1);
    const refused = await waitFor('the refusal', async () => ((await r.status()).lastError?.code === 'PROTOCOL_UNSUPPORTED' ? r.status() : null));
    expect(refused.lastError!.message).toMatch(/cập nhật máy chủ tỉnh/);
    expect(refused.pendingEvents).toBe(5);
    const { deps } = r.hub.inProcess!.running.hub;
    const [row] = readSite(r.hub.dataDir).outbox.filter((e) => e.type === 'ticket.finished');
    await deps.writer.run(() => deps.outbox.append('ticket.finished', 2, row!.aggregate_id, { ...JSON.parse(row!.payload), eventId: randomUUID(), extra: 'v2' }, deps.clock()));
    const s = await r.settle();
    expect(s.rejections).toEqual([]);
    expect(await count(t.central.db, 'SELECT count(*) AS n FROM events WHERE site_id = $1 AND version = 2 AND NOT projected', [r.siteId])).toBe(1);
    await r.verify();
  });

  it('version skew, older hub: the central asks for an update; a newer central’s feed items are read as far as known', async () => {
    const r = await open();
    r.proxy.inject({ kind: 'header', headers: { 'x-motcua-protocol': '0' } }, { times: 1000 });
    await r.serve(1);
    const refused = await waitFor('the refusal', async () => ((await r.status()).lastError?.code === 'PROTOCOL_TOO_OLD' ? r.status() : null));
    expect(refused.lastError!.message).toMatch(/cần cập nhật/);
    r.proxy.clear();
    await t.central.db.transaction(async (tx) => {
      await publish(tx, 'catalog', PROVINCE, 'X@1', JSON.stringify({ ...procedure('9.000001.H99', 'Thủ tục có trường mới'), fromTheFuture: { level: 4 } }));
      await publish(tx, 'catalog', PROVINCE, 'Y@1', JSON.stringify({ kind: 'một dạng mục chưa biết' }));
    });
    await r.settle();
    const site = readSite(r.hub.dataDir);
    expect(site.procedures.filter((p) => p.code === '9.000001.H99').map((p) => p.name)).toEqual(['Thủ tục có trường mới']);
    const [head] = await t.central.db.query<{ version: number }>("SELECT version FROM feed_counters WHERE feed = 'catalog' AND scope = '*'");
    expect(site.cursors.catalog).toBe(Number(head!.version));
    await r.verify();
  });

  it('shows a site clock a day off and syncs as usual', async () => {
    const r = await open();
    r.clock.set(Date.now() + 86_400_000);
    await r.relogin();
    await r.receive();
    const s = await r.settle();
    expect(Math.abs((s.clockSkewSeconds ?? 0) + 86_400)).toBeLessThan(120);
    await r.verify();
  });

  it('keeps the applicant the site corrected and the status the back office set, done at the same moment', async () => {
    const r = await open();
    const d = await r.receive('Lê Văn Tám');
    await r.settle();
    const [edited, changed] = await Promise.all([
      r.officer['dossiers.updateApplicant']({ dossierId: d.id, applicant: { ...d.applicant, fullName: 'Lê Văn Tâm' } }),
      r.changeStatus(d.id, 'processing', 'Đang thẩm định'),
    ]);
    expect(edited.applicant.fullName).toBe('Lê Văn Tâm');
    expect(changed.status).toBe(200);
    await r.settle();
    const atSite = readSite(r.hub.dataDir).dossiers.find((x) => x.id === d.id)!;
    expect([atSite.status, atSite.applicant_name]).toEqual(['processing', 'Lê Văn Tâm']);
    const [atCentral] = await t.central.db.query<{ applicant_name: string; status: string; processing_status: string }>(
      'SELECT applicant_name, status, processing_status FROM dossiers WHERE site_id = $1 AND dossier_id = $2', [r.siteId, d.id],
    );
    expect(atCentral).toEqual({ applicant_name: 'Lê Văn Tâm', status: 'received', processing_status: 'processing' });
    await r.verify();
    // Screens showing the dossier hear of the status the central sent (nothing changes it at the site meanwhile).
    const heard: string[] = [];
    r.hub.inProcess!.running.hub.deps.bus.on('changed', (topics, detail) => topics.includes('dossiers') && heard.push(...(detail?.dossierIds ?? [])));
    expect((await r.changeStatus(d.id, 'result_ready', 'Đã ký')).status).toBe(200);
    await r.settle();
    expect(heard).toEqual([d.id]);
  });

  it('misses nothing while the central commits feed items concurrently with the pulls', async () => {
    const r = await open();
    const dossiers = await Promise.all(Array.from({ length: 6 }, (_, i) => r.receive(`Công dân ${i + 1}`)));
    await r.settle();
    const codes = Array.from({ length: 24 }, (_, i) => `9.${String(500 + i).padStart(6, '0')}.H99`);
    let publishing = true;
    const pulling = (async () => {
      while (publishing) await r.syncNow();
    })();
    await Promise.all([
      ...codes.map((c) => adminCall(t.central.url, '/admin/catalog', { procedure: procedure(c, `Thủ tục ${c}`) })),
      ...dossiers.map((d, i) => r.changeStatus(d.id, i % 2 ? 'processing' : 'result_ready')),
    ]);
    publishing = false;
    await pulling;
    await r.settle();
    const site = readSite(r.hub.dataDir);
    expect(codes.filter((c) => !site.procedures.some((p) => p.code === c))).toEqual([]);
    expect(site.dossiers.map((d) => d.status).sort()).toEqual(['processing', 'processing', 'processing', 'result_ready', 'result_ready', 'result_ready']);
    await r.verify();
  });

  it('reloads a feed from the snapshot when its cursor is older than the compaction', async () => {
    const r = await open();
    await r.settle();
    await r.hub.stop();
    let version = 0;
    for (const name of ['Cấp bản sao trích lục', 'Cấp bản sao trích lục hộ tịch', 'Cấp bản sao trích lục hộ tịch (sửa đổi)']) {
      version = (await adminCall<{ version: number }>(t.central.url, '/admin/catalog', { procedure: { ...procedure('2.000635.H99', name), version: version === 0 ? 1 : 2 } })).json.version;
    }
    expect((await adminCall(t.central.url, '/admin/feeds/catalog/compact', { keepFrom: version })).status).toBe(200);
    await r.hub.start();
    await r.settle();
    expect(r.proxy.log.some((e) => /\/feeds\/catalog\?/.test(e.path) && e.status === 410)).toBe(true);
    expect(r.proxy.log.some((e) => /\/feeds\/catalog\/snapshot$/.test(e.path) && e.status === 200)).toBe(true);
    const site = readSite(r.hub.dataDir);
    expect(site.procedures.filter((p) => p.code === '2.000635.H99').at(-1)?.name).toBe('Cấp bản sao trích lục hộ tịch (sửa đổi)');
    expect(site.cursors.catalog).toBe(version);
    await r.verify();
  });

  it('applies each catalogue item the central publishes once, page by page, beside a version of the site’s own', async () => {
    const r = await open();
    await r.settle();
    const code = '2.000777.H99';
    // The site typed its own version of the procedure first: the central's versions come after it.
    const admin = await r.hub.accounts.admin();
    const { version: _version, ...own } = procedure(code, 'Thủ tục do xã nhập');
    await admin['admin.saveProcedure'](own);
    const publish = async (version: number, name: string) => {
      expect((await adminCall(t.central.url, '/admin/catalog', { procedure: { ...procedure(code, name), version } })).status).toBe(201);
      await r.syncNow();
      await r.settle();
    };
    const synced = () => readSite(r.hub.dataDir).procedures.filter((p) => p.code === code).map((p) => [p.version, p.name]);
    await publish(1, 'Phiên bản 1 của tỉnh');
    await publish(2, 'Phiên bản 2 của tỉnh');
    await publish(2, 'Phiên bản 2 của tỉnh (đính chính)'); // the same version published again, corrected
    expect(synced()).toEqual([[2, 'Phiên bản 1 của tỉnh'], [3, 'Phiên bản 2 của tỉnh'], [4, 'Phiên bản 2 của tỉnh (đính chính)']]);
    // The whole feed applied again from its start (a cursor lost with its page) changes nothing.
    await r.hub.stop();
    const db = new Database(join(r.hub.dataDir, 'motcua.sqlite'));
    db.prepare("UPDATE feed_cursors SET cursor = 0 WHERE feed = 'catalog'").run();
    db.close();
    await r.hub.start();
    await r.settle();
    expect(synced()).toHaveLength(3);
    await r.verify();
  });

  it('refuses a credential of another site and an expired one, with reasons, and goes on after a new one', async () => {
    const r = await open();
    const other = await startRig(engine, { central: t.central });
    try {
      const admin = await r.hub.accounts.admin();
      const wrong = admin['admin.enrollSync']({ centralUrl: r.proxy.url, siteId: other.siteId, credential: r.credential });
      expect(await codeOf(wrong)).toBe('VALIDATION_FAILED');
      await expect(admin['admin.enrollSync']({ centralUrl: r.proxy.url, siteId: other.siteId, credential: r.credential })).rejects.toThrow(/điểm một cửa khác/);
      expect((await r.status()).siteId).toBe(r.siteId);

      await t.central.db.query("UPDATE site_credentials SET expires_at = now() - interval '1 day' WHERE site_id = $1", [r.siteId]);
      await r.serve(1);
      const expired = await waitFor('the refusal', async () => ((await r.status()).lastError?.code === 'CREDENTIAL_EXPIRED' ? r.status() : null));
      expect(expired.lastError!.message).toMatch(/hết hạn/);
      expect(expired.pendingEvents).toBe(5);
      const renewed = await adminCall<{ credential: string }>(t.central.url, `/admin/sites/${r.siteId}/credential`, { expiresInDays: 365 });
      await admin['admin.enrollSync']({ centralUrl: r.proxy.url, siteId: r.siteId, credential: renewed.json.credential });
      await r.settle();
      await r.verify();
      await other.settle();
      expect(await count(t.central.db, 'SELECT count(*) AS n FROM events WHERE site_id = $1', [other.siteId])).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('refuses to run a second hub on the same database', async () => {
    const r = await open();
    await expect(startHubProcess(r.hub.dataDir)).rejects.toThrow(/Một hub Một Cửa khác \(PID \d+\) đang dùng thư mục dữ liệu/);
    await r.serve(1);
    await r.settle();
    await r.verify();
  });
});

/**
 * A citizen served and synced (seqs 1–5), `files` of the data folder backed up, another citizen
 * served and synced (6–10), then the backup put back (the WAL of the newer state dropped, as a
 * restore would). Returns the events the central has that the copy lacks. (test/sync/restore.test.ts
 * has the scenario with every way a copy comes back.)
 */
async function restoredFromBackup(r: Rig, files: readonly string[]): Promise<Set<string>> {
  await r.serve(1);
  await r.settle();
  const backup = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  try {
    await r.hub.stop();
    for (const f of files) copyFileSync(join(r.hub.dataDir, f), join(backup, f));
    await r.hub.start();
    await r.serve(1);
    await r.settle();
    const lost = new Set(readSite(r.hub.dataDir).outbox.filter((e) => e.seq > 5).map((e) => e.event_id));
    await r.hub.stop();
    for (const f of ['motcua.sqlite-wal', 'motcua.sqlite-shm']) rmSync(join(r.hub.dataDir, f), { force: true });
    for (const f of files) copyFileSync(join(backup, f), join(r.hub.dataDir, f));
    await r.hub.start();
    return lost;
  } finally {
    rmSync(backup, { recursive: true, force: true });
  }
}
