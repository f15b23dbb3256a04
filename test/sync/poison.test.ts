import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminCall, engines, procedure, type Engine } from '../central/helpers';
import { readSite, useSyncRigs, waitFor, type Rig } from './rig';

const EVENTS = /\/events$/;

/**
 * An outbox row written as it is, as a hub of an earlier version (or a row typed before its inputs
 * refused such characters) could have it: the desk's cleaning is bypassed on purpose.
 */
function rawOutboxRow(r: Rig, row: { type: string; version?: number; aggregateId: string; payload: string; createdAt?: number }): number {
  const { deps } = r.hub.inProcess!.running.hub;
  const info = deps.db
    .prepare('INSERT INTO outbox (event_id, type, version, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(randomUUID(), row.type, row.version ?? 1, row.aggregateId, row.payload, row.createdAt ?? deps.clock());
  return Number(info.lastInsertRowid);
}

/** A published catalogue item reached the site. */
const hasProcedure = (r: Rig, code: string) => readSite(r.hub.dataDir).procedures.some((p) => p.code === code);

/**
 * One event the central could not store used to stop a site's sync for good: the central answered
 * 500 to its batch forever, the events behind it waited, and — the hub skipping its pulls after a
 * failed push — the catalogue, calendar, staff and statuses stopped arriving too (issue
 * "Hardening", items 15 and 17).
 */
describe.each(engines)('poison events and the feeds (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);

  it('rejects and acknowledges each kind of poison event in the middle of a backlog, sends the rest, and keeps receiving the feeds meanwhile', async () => {
    const r = await t.rig();
    await r.settle();
    // The pushes fail for a while: a backlog builds up with the poison events in the middle of it.
    r.proxy.inject({ kind: 'status', status: 503, headers: { 'retry-after': '0' }, body: { code: 'SERVER_BUSY', message: 'Máy chủ tỉnh đang bận.' } }, { path: EVENTS, times: 1_000_000 });
    await r.serve(1);
    const { deps } = r.hub.inProcess!.running.hub;
    const d = await r.receive('Phạm Văn Đồng');
    const [received] = readSite(r.hub.dataDir).outbox.filter((e) => e.aggregate_id === d.id);
    const ticket = readSite(r.hub.dataDir).outbox.find((e) => e.type === 'ticket.issued')!;
    // The outbox's json_valid() takes at most ~1000 levels: as deep as a hub can hold (the central's
    // own tests send 20 000).
    const depth = 900;
    const poison = await deps.writer.run(() => [
      rawOutboxRow(r, { type: received!.type, aggregateId: d.id, payload: received!.payload.replace('Phạm Văn Đồng', 'Phạm\\u0000Văn Đồng') }),
      rawOutboxRow(r, { type: received!.type, aggregateId: d.id, payload: received!.payload.replace('Phạm Văn Đồng', 'Phạm \\ud800Văn Đồng') }),
      rawOutboxRow(r, { type: 'ticket.issued\u0000', aggregateId: ticket.aggregate_id, payload: ticket.payload }),
      rawOutboxRow(r, { type: 'ticket.issued', aggregateId: `${ticket.aggregate_id}\u0000`, payload: ticket.payload }),
      rawOutboxRow(r, { type: 'ticket.issued', aggregateId: ticket.aggregate_id, payload: ticket.payload, createdAt: Date.parse('0000-06-01T00:00:00Z') }),
      rawOutboxRow(r, { type: 'ticket.issued', aggregateId: ticket.aggregate_id, payload: ticket.payload.replace(/"at":"[^"]+"/, '"at":"0000-01-01T00:00:00.000Z"') }),
      rawOutboxRow(r, { type: 'ticket.issued', version: 2 ** 31, aggregateId: ticket.aggregate_id, payload: ticket.payload }),
      rawOutboxRow(r, { type: received!.type, aggregateId: d.id, payload: `${received!.payload.slice(0, -1)},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}` }),
    ]);
    await r.serve(1);

    // Meanwhile the province publishes a procedure: it arrives although every push fails.
    const code = '9.000123.H99';
    expect((await adminCall(t.central.url, '/admin/catalog', { procedure: procedure(code, 'Thủ tục công bố khi đang lỗi gửi') })).status).toBe(201);
    await waitFor('the catalogue item at the site while the pushes fail', async () => (await r.syncNow(), hasProcedure(r, code)));
    const failing = await r.status();
    expect(failing.lastError?.code).toBe('SERVER_BUSY');
    expect(failing.pendingEvents).toBeGreaterThan(poison.length);

    // The link comes back: everything is acknowledged, the poison events are reported one by one.
    const s = await r.settle();
    expect(new Set(s.rejections.map((x) => x.seq))).toEqual(new Set(poison));
    for (const x of s.rejections) expect(x.message).toMatch(/\S/);
    expect(await waitFor('the dossier at the central', async () => (await t.central.db.query('SELECT 1 FROM dossiers WHERE site_id = $1 AND dossier_id = $2', [r.siteId, d.id])).length > 0)).toBe(true);
    await r.verify();
  });

  it('keeps pulling the feeds while every push fails, and says why the push fails', async () => {
    const r = await t.rig();
    await r.settle();
    r.proxy.inject({ kind: 'status', status: 500, body: { code: 'INTERNAL', message: 'Máy chủ tỉnh gặp lỗi không mong muốn.' } }, { path: EVENTS, times: 1_000_000 });
    await r.serve(1);
    const code = '9.000124.H99';
    expect((await adminCall(t.central.url, '/admin/catalog', { procedure: procedure(code, 'Thủ tục mới của tỉnh') })).status).toBe(201);
    await waitFor('the catalogue item at the site', async () => (await r.syncNow(), hasProcedure(r, code)));
    const s = await r.status();
    expect(s.lastError).toMatchObject({ code: 'INTERNAL' });
    expect(s.pendingEvents).toBe(5);
    await r.settle();
    await r.verify();
  });

  it('cleans control characters out of what the desk sends, so a row typed before the inputs refused them is stored', async () => {
    const r = await t.rig();
    const d = await r.receive('Lê Văn Tám');
    await r.settle();
    // A name stored with control characters (typed before the hub refused them).
    const { deps } = r.hub.inProcess!.running.hub;
    await deps.writer.run(() => deps.db.prepare('UPDATE dossiers SET applicant_name = ? WHERE id = ?').run('Lê\u0000 Văn\u0007 Tám', d.id));
    await r.officer['dossiers.extend']({ dossierId: d.id, newDueAt: new Date(Date.parse(d.dueAt!) + 3 * 86_400_000).toISOString(), reason: 'Cần xác minh thêm tại địa phương.' });
    const s = await r.settle();
    expect(s.rejections).toEqual([]);
    const [row] = await t.central.db.query<{ applicant_name: string; last_event_type: string }>('SELECT applicant_name, last_event_type FROM dossiers WHERE site_id = $1 AND dossier_id = $2', [r.siteId, d.id]);
    expect(row).toEqual({ applicant_name: 'Lê Văn Tám', last_event_type: 'extended' });
    await r.verify();
  });
});
