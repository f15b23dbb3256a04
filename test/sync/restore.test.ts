import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTORED_FROM_KEY, type RestoreRecord } from '../../contract/restore';
import { newRecovery } from '../../main/core/restore-recovery';
import { adminCall, engines, type Engine } from '../central/helpers';
import { codeOf } from '../support/outcome';
import { useSyncRigs, type Rig } from './rig';

const DB = 'motcua.sqlite';
const MARKER = 'sync-marker.json';

/** How the copy comes back: the three ways a hub can be put back on an older state. */
type RestoreKind = 'whole folder' | 'database file only' | 'restore record';

interface SiteCounts { tickets: number; dossiers: number; ticketCodesTwice: string[]; dossierCodesTwice: string[] }

function hubCounts(dataDir: string): SiteCounts & { ticketIds: Set<string>; dossierIds: Set<string> } {
  const db = new Database(join(dataDir, DB), { readonly: true, fileMustExist: true });
  try {
    const tickets = db.prepare('SELECT id FROM tickets WHERE parent_ticket_id IS NULL').all() as { id: string }[];
    const dossiers = db.prepare('SELECT id FROM dossiers').all() as { id: string }[];
    const twice = (sql: string) => (db.prepare(sql).all() as { c: string }[]).map((r) => r.c);
    return {
      tickets: tickets.length, dossiers: dossiers.length, ticketIds: new Set(tickets.map((t) => t.id)), dossierIds: new Set(dossiers.map((d) => d.id)),
      ticketCodesTwice: twice(`SELECT service_date || ' ' || display_code AS c FROM tickets WHERE parent_ticket_id IS NULL GROUP BY service_date, display_code HAVING count(*) > 1`),
      dossierCodesTwice: twice('SELECT code AS c FROM dossiers WHERE code IS NOT NULL GROUP BY code HAVING count(*) > 1'),
    };
  } finally {
    db.close();
  }
}

async function centralCounts(r: Rig): Promise<SiteCounts> {
  const { db } = r.central;
  const tickets = await db.query<{ n: number }>('SELECT count(*) AS n FROM tickets WHERE site_id = $1', [r.siteId]);
  const dossiers = await db.query<{ n: number }>('SELECT count(*) AS n FROM dossiers WHERE site_id = $1', [r.siteId]);
  const ticketTwice = await db.query<{ c: string }>(
    `SELECT service_date || ' ' || display_code AS c FROM tickets WHERE site_id = $1 GROUP BY service_date, display_code HAVING count(*) > 1`, [r.siteId]);
  const dossierTwice = await db.query<{ c: string }>('SELECT code AS c FROM dossiers WHERE site_id = $1 AND code IS NOT NULL GROUP BY code HAVING count(*) > 1', [r.siteId]);
  return {
    tickets: Number(tickets[0]!.n), dossiers: Number(dossiers[0]!.n),
    ticketCodesTwice: ticketTwice.map((x) => x.c), dossierCodesTwice: dossierTwice.map((x) => x.c),
  };
}

/**
 * What a restore from the admin screen or the CLI does to the copy it puts back
 * (/work/notes/restore-interface.md, contract/restore.ts): a new stream from the copy's
 * acknowledgement, its record in the settings, the marker to match.
 */
function writeRestoreRecord(dataDir: string): void {
  const db = new Database(join(dataDir, DB));
  try {
    const setting = (key: string) => JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value) as unknown;
    const backupIncarnation = setting('incarnation') as string;
    const acked = (db.prepare('SELECT acked_through AS a FROM sync_streams WHERE incarnation = ?').get(backupIncarnation) as { a: number }).a;
    const maxSeq = (db.prepare('SELECT coalesce(max(seq), 0) AS m FROM outbox').get() as { m: number }).m;
    const now = new Date().toISOString();
    const record: RestoreRecord = {
      at: now, backupId: 'test-backup', backupTakenAt: now, backupIncarnation, backupAckedThrough: acked, backupOutboxMaxSeq: maxSeq,
      previousIncarnation: null, previousDatabaseKeptAt: null, newIncarnation: randomUUID(), recoveredAt: null,
    };
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    db.transaction(() => {
      put.run(RESTORED_FROM_KEY, JSON.stringify(record));
      put.run('incarnation', JSON.stringify(record.newIncarnation));
      db.prepare('INSERT INTO sync_streams (incarnation, base_seq, acked_through, started_at) VALUES (?, ?, ?, ?)').run(record.newIncarnation, acked + 1, acked, Date.now());
    })();
    writeFileSync(join(dataDir, MARKER), JSON.stringify({ incarnation: record.newIncarnation, ackedThrough: acked }));
  } finally {
    db.close();
  }
}

/**
 * The issue's scenario: a citizen served and a dossier received, synced; the hub's data folder
 * copied while the hub is stopped; 50 tickets and 2 dossiers made and acknowledged by the central;
 * then the copy put back the way `kind` says, and the hub started on it. Returns what was made after the copy.
 */
async function restoreAfterWork(r: Rig, kind: RestoreKind, beforeStart: () => void = () => {}): Promise<{ afterCopy: { ticketIds: string[]; dossierIds: string[]; dossierCodes: string[] } }> {
  await r.serve(1);
  await r.receive('Trần Văn An');
  await r.settle();
  const backup = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  const files = kind === 'database file only' ? [DB] : [DB, MARKER];
  try {
    await r.hub.stop();
    for (const f of files) copyFileSync(join(r.hub.dataDir, f), join(backup, f));
    await r.hub.start();
    // 50 tickets: 48 taken at the kiosk, 2 more served from call to rating.
    const ticketIds: string[] = [];
    for (let i = 0; i < 48; i++) ticketIds.push((await r.issue()).ticket.id);
    await r.serve(2);
    const dossiers = [await r.receive('Lê Thị Bình'), await r.receive('Phạm Văn Cường')];
    await r.settle();
    await r.hub.stop();
    for (const f of [`${DB}-wal`, `${DB}-shm`]) rmSync(join(r.hub.dataDir, f), { force: true });
    for (const f of files) copyFileSync(join(backup, f), join(r.hub.dataDir, f));
    if (kind === 'restore record') writeRestoreRecord(r.hub.dataDir);
    beforeStart();
    await r.hub.start();
    return { afterCopy: { ticketIds, dossierIds: dossiers.map((d) => d.id), dossierCodes: dossiers.map((d) => d.code!) } };
  } finally {
    rmSync(backup, { recursive: true, force: true });
  }
}

describe.each(engines)('a hub restored from an older copy (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);

  it.each<[RestoreKind, string]>([
    ['whole folder', 'central-ahead'],
    ['database file only', 'marker'],
    ['restore record', 'restore'],
  ])('restored from %s: fetches back every acknowledged ticket and dossier, never issues a number or code twice', async (kind, noticedBy) => {
    const r = await t.rig();
    const { afterCopy } = await restoreAfterWork(r, kind);
    const recovered = await r.settle();
    expect(recovered.conflict, 'sync goes on without an admin').toBeNull();
    const atHub = hubCounts(r.hub.dataDir);
    for (const id of afterCopy.ticketIds) expect(atHub.ticketIds.has(id), `ticket ${id} made after the copy is back at the hub`).toBe(true);
    for (const id of afterCopy.dossierIds) expect(atHub.dossierIds.has(id), `dossier ${id} made after the copy is back at the hub`).toBe(true);
    expect(recovered.recovery).toMatchObject({ pending: false, noticedBy });
    if (kind === 'restore record') expect(setting<RestoreRecord>(r.hub.dataDir, RESTORED_FROM_KEY).recoveredAt, 'the restore record says it was recovered').not.toBeNull();
    expect(recovered.recovery!.applied).toMatchObject({ tickets: 50, ratings: 2, dossiers: 2 });

    // The desk goes on: new numbers and codes come after the highest the central has seen.
    const more = [];
    for (let i = 0; i < 10; i++) more.push((await r.issue()).ticket.displayCode);
    const newDossiers = [await r.receive('Đỗ Thị Dung'), await r.receive('Hoàng Văn Em')];
    for (const d of newDossiers) expect(afterCopy.dossierCodes).not.toContain(d.code);
    const s = await r.settle();
    expect(s.recovery!.pending).toBe(false);
    await r.verify();

    const hub = hubCounts(r.hub.dataDir);
    const central = await centralCounts(r);
    console.log(`[restore, ${engine}, ${kind}] hub: ${hub.tickets} tickets, ${hub.dossiers} dossiers; central: ${central.tickets} tickets, ${central.dossiers} dossiers; `
      + `ticket numbers twice: hub ${hub.ticketCodesTwice.length}, central ${central.ticketCodesTwice.length}; dossier codes twice: hub ${hub.dossierCodesTwice.length}, central ${central.dossierCodesTwice.length}; `
      + `recovered ${JSON.stringify(s.recovery!.applied)}; new after recovery: ${more[0]}…${more.at(-1)}, ${newDossiers.map((d) => d.code).join(', ')}`);
    expect({ tickets: hub.tickets, dossiers: hub.dossiers }).toEqual({ tickets: central.tickets, dossiers: central.dossiers });
    expect({ tickets: hub.tickets, dossiers: hub.dossiers }).toEqual({ tickets: 1 + 50 + 10, dossiers: 1 + 2 + 2 });
    expect([...hub.ticketCodesTwice, ...central.ticketCodesTwice], 'a ticket number issued twice on one day').toEqual([]);
    expect([...hub.dossierCodesTwice, ...central.dossierCodesTwice], 'a dossier code issued twice').toEqual([]);
    expect(s.recovery!.missing.some((l) => l.includes(afterCopy.dossierCodes[0]!)), 'staff are told what the events could not rebuild').toBe(true);

    // The central shows which stream is current, and what the replaced one left behind.
    const { json } = await adminCall<{ sites: { siteId: string; streams: { incarnation: string; current: boolean; leftBehind: { count: number } | null }[] }[] }>(t.central.url, '/admin/sites');
    const streams = json.sites.find((x) => x.siteId === r.siteId)!.streams;
    expect(streams.filter((x) => x.current)).toHaveLength(1);
    expect(streams.find((x) => x.current)!.incarnation).toBe(setting<string>(r.hub.dataDir, 'incarnation'));
    expect(streams.find((x) => !x.current)!.leftBehind?.count).toBeGreaterThan(0);
  });

  it('restored from its own backup taken during a burst of intake: every acknowledged ticket and dossier back, no number or code twice, a clean stream', async () => {
    const r = await t.rig();
    const inProcess = r.hub.inProcess;
    if (!inProcess) throw new Error('the rig runs its hub in the test process');
    await r.serve(1);
    await r.receive('Trần Văn An');
    await r.settle();
    const admin = await r.hub.accounts.admin();

    // Counters keep issuing and receiving while the hub's own backup (SQLite's online backup) runs.
    const during: Promise<unknown>[] = [];
    let writing = true;
    const burst = (async () => {
      while (writing && during.length < 200) {
        const step = [r.issue(), r.receive(`Nguyễn Văn ${during.length}`)];
        during.push(...step);
        await Promise.all(step);
      }
    })();
    const created = await admin['backups.create']({});
    writing = false;
    await burst;
    expect(during.length, 'the copy interleaved with the burst').toBeGreaterThan(2);

    // After the copy: 50 tickets and 2 dossiers, acknowledged by the central.
    const afterTickets: string[] = [];
    for (let i = 0; i < 48; i++) afterTickets.push((await r.issue()).ticket.id);
    await r.serve(2);
    const afterDossiers = [await r.receive('Lê Thị Bình'), await r.receive('Phạm Văn Cường')];
    await r.settle();
    const beforeRestore = await centralCounts(r);

    // The admin restores the set (Quản trị → Sao lưu → Khôi phục); the hub restarts on it.
    expect(await (await r.hub.accounts.admin())['backups.restore']({ id: created.local.id, location: 'local' })).toMatchObject({ restarting: true });
    await inProcess.restartedOnRequest();
    const recovered = await r.settle();
    expect(recovered.conflict, 'sync goes on without an admin').toBeNull();
    expect(recovered.recovery).toMatchObject({ pending: false, noticedBy: 'restore', settledLocally: false });
    expect(setting<RestoreRecord>(r.hub.dataDir, RESTORED_FROM_KEY).recoveredAt).not.toBeNull();
    const atHub = hubCounts(r.hub.dataDir);
    for (const id of afterTickets) expect(atHub.ticketIds.has(id), `ticket ${id} made after the backup is back at the hub`).toBe(true);
    for (const d of afterDossiers) expect(atHub.dossierIds.has(d.id), `dossier ${d.code} made after the backup is back at the hub`).toBe(true);
    expect({ tickets: atHub.tickets, dossiers: atHub.dossiers }).toEqual({ tickets: beforeRestore.tickets, dossiers: beforeRestore.dossiers });

    // The desk goes on after the restore: new numbers and codes, none of them held by another citizen.
    for (let i = 0; i < 10; i++) await r.issue();
    const newCodes = [(await r.receive('Đỗ Thị Dung')).code, (await r.receive('Hoàng Văn Em')).code];
    for (const d of afterDossiers) expect(newCodes).not.toContain(d.code);
    await r.settle();
    await r.verify();
    const hub = hubCounts(r.hub.dataDir);
    const central = await centralCounts(r);
    console.log(`[restore, ${engine}, own backup during a burst] before the restore: central ${beforeRestore.tickets} tickets, ${beforeRestore.dossiers} dossiers; `
      + `after: hub ${hub.tickets} tickets, ${hub.dossiers} dossiers; central ${central.tickets} tickets, ${central.dossiers} dossiers; `
      + `ticket numbers twice: hub ${hub.ticketCodesTwice.length}, central ${central.ticketCodesTwice.length}; dossier codes twice: hub ${hub.dossierCodesTwice.length}, central ${central.dossierCodesTwice.length}; `
      + `recovered ${JSON.stringify(recovered.recovery!.applied)}`);
    expect({ tickets: hub.tickets, dossiers: hub.dossiers }).toEqual({ tickets: central.tickets, dossiers: central.dossiers });
    expect({ tickets: hub.tickets, dossiers: hub.dossiers }).toEqual({ tickets: beforeRestore.tickets + 10, dossiers: beforeRestore.dossiers + 2 });
    expect([...hub.ticketCodesTwice, ...central.ticketCodesTwice], 'a ticket number issued twice on one day').toEqual([]);
    expect([...hub.dossierCodesTwice, ...central.dossierCodesTwice], 'a dossier code issued twice').toEqual([]);
  });

  it('serves while the central cannot be reached before the recovery, with the day’s sequences moved forward', async () => {
    const r = await t.rig();
    const copy = await copyThenWork(r, () => r.proxy.inject({ kind: 'status', status: 503, headers: { 'retry-after': '0' } }, { times: 1_000_000 }));
    const ticket = await r.issue();
    const dossier = await r.receive('Vũ Thị Giang');
    // 200 numbers and 100 codes past what the copy knew: past the 50 tickets and 2 codes it lost.
    expect(ticket.ticket.number).toBeGreaterThan(copy.lastNumber + 50);
    expect(copy.lostCodes).not.toContain(dossier.code);
    const offline = await r.status();
    expect(offline.recovery).toMatchObject({ pending: true });
    expect(offline.recovery!.offlineDays).toHaveLength(1);
    r.proxy.clear();
    const s = await r.settle();
    expect(s.recovery!.pending).toBe(false);
    const hub = hubCounts(r.hub.dataDir);
    expect([hub.ticketCodesTwice, hub.dossierCodesTwice]).toEqual([[], []]);
    await r.verify();
  });

  it('refuses a number and a dossier code while the recovery can run, with a stable code', async () => {
    const r = await t.rig();
    await r.serve(1);
    await r.settle();
    // The worker is held still with a recovery pending, and the central answering: the desk waits.
    const running = r.hub.inProcess!.running.hub;
    await running.sync.stop();
    const { deps } = running;
    await deps.writer.run(() => deps.site.set('syncRecovery', newRecovery('marker', 5, deps.clock())));
    deps.recovery.reached(true);
    expect([await codeOf(r.issue()), await codeOf(r.receive())]).toEqual(['RECOVERY_PENDING', 'RECOVERY_PENDING']);
    // The central out of reach: the desk works on, past a margin.
    deps.recovery.reached(false);
    expect((await r.issue()).ticket.number).toBeGreaterThan(200);
    expect((await r.receive()).code).toMatch(/-0101$/);
  });
});

function setting<T>(dataDir: string, key: string): T {
  const db = new Database(join(dataDir, DB), { readonly: true, fileMustExist: true });
  try {
    return JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value) as T;
  } finally {
    db.close();
  }
}

/** The database file copied back after 50 tickets and 2 dossiers were acknowledged; the hub started on it. */
async function copyThenWork(r: Rig, beforeStart: () => void): Promise<{ lastNumber: number; lostCodes: string[] }> {
  const { afterCopy } = await restoreAfterWork(r, 'database file only', beforeStart);
  const db = new Database(join(r.hub.dataDir, DB), { readonly: true, fileMustExist: true });
  try {
    const last = (db.prepare('SELECT max(number) AS n FROM tickets').get() as { n: number }).n;
    return { lastNumber: last, lostCodes: afterCopy.dossierCodes };
  } finally {
    db.close();
  }
}
