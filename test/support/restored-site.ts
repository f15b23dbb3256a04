import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { RESTORED_FROM_KEY, type RestoreRecord } from '../../contract/restore';
import { sameDayClock, startTestHub, type TestHub } from './hub';
import { siteWorkload, type SiteWorkload } from './site-workload';

/** What a database handed out: tickets by day and display code, dossiers by code. */
export interface Issued {
  readonly tickets: Set<string>;
  readonly codes: Set<string>;
}

export function issuedIn(file: string): Issued {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tickets = db.prepare("SELECT service_date || ' ' || display_code AS c FROM tickets WHERE parent_ticket_id IS NULL").all() as { c: string }[];
    const codes = db.prepare('SELECT code AS c FROM dossiers WHERE code IS NOT NULL').all() as { c: string }[];
    return { tickets: new Set(tickets.map((t) => t.c)), codes: new Set(codes.map((d) => d.c)) };
  } finally {
    db.close();
  }
}

/** The number at the end of a display code or a dossier code. */
export const trailingNumber = (code: string): number => Number(/(\d+)$/.exec(code)![1]);

/**
 * A site with no central that took a backup, then handed out `tickets` numbers and `dossiers`
 * codes the copy lacks, then was restored from the admin screen and restarted: `kept` is the
 * database the restore put aside, `lost` what only it holds. Staff have logged in again (a restore
 * ends their sessions) and counter 1 is open; no number has been asked for since the restore.
 */
export async function restoredUnenrolledSite(tickets: number, dossiers: number, options: { screens?: boolean } = {}): Promise<{ hub: TestHub; work: SiteWorkload; kept: string; lost: Issued }> {
  const hub = await startTestHub({ clock: sameDayClock(), ...options });
  const work = await siteWorkload(hub);
  await work.issue();
  await work.receive();
  const admin = await hub.admin();
  const backup = await admin['backups.create']({});
  for (let i = 0; i < tickets; i++) await work.issue();
  for (let i = 0; i < dossiers; i++) await work.receive(`Người thứ ${i}`);
  await admin['backups.restore']({ id: backup.local.id, location: 'local' });
  await hub.restartedOnRequest();
  const record = hub.running.hub.deps.site.get<RestoreRecord>(RESTORED_FROM_KEY)!;
  expect(record.recoveredAt).toBeNull();
  const kept = record.previousDatabaseKeptAt!;
  const inCopy = issuedIn(join(hub.dataDir, 'motcua.sqlite'));
  const all = issuedIn(kept);
  const lost = { tickets: new Set([...all.tickets].filter((t) => !inCopy.tickets.has(t))), codes: new Set([...all.codes].filter((c) => !inCopy.codes.has(c))) };
  expect([lost.tickets.size, lost.codes.size]).toEqual([tickets, dossiers]);
  await work.relogin();
  const counter = (await hub.catalog()).counters[0]!;
  await work.officer['counter.open']({ counterId: counter.id });
  return { hub, work, kept, lost };
}

/** Overwrites the first page of a database file (its header) with random bytes: it no longer opens. */
export function damageHeader(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(4096), 0, 4096, 0);
  } finally {
    closeSync(fd);
  }
}
