import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHubClient, type HubClient } from '../../contract/client';
import { httpTransport } from '../../renderer/src/hub/http-transport';
import { ALL_DAY, TEST_SITE } from '../support/hub';
import { startHubProcess, type HubProcess } from '../support/hub-process';

const PASSWORD = 'mat-khau-sau-su-co';

describe('power cut during a burst of tickets (kill -9, restart)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-crash-'));
  let proc: HubProcess | null = null;
  afterAll(async () => {
    await proc?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const client = (p: HubProcess, token: string | null) => createHubClient(httpTransport(p.url, () => token));

  it('keeps every ticket whose number was handed out, with its history and outbox row; the file stays intact', async () => {
    proc = await startHubProcess(dataDir);
    const first = await client(proc, null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
    await client(proc, first.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: PASSWORD });
    let admin = client(proc, (await client(proc, null)['auth.login']({ username: 'admin', password: PASSWORD })).token);
    await admin['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY });
    const services = (await admin['catalog.get']({})).services.map((s) => s.id);
    const { code } = await admin['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk', counterId: null });
    const kioskToken = (await client(proc, null)['devices.pair']({ code })).token;

    const acknowledged = new Map<string, string>(); // ticket id → display code, for every response received
    for (let round = 0; round < 3; round++) {
      const kiosk: HubClient = client(proc, kioskToken);
      let stop = false;
      const workers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            const r = await kiosk['tickets.issue']({ serviceId: services[(w + i) % services.length]!, priorityClassId: null });
            acknowledged.set(r.ticket.id, r.ticket.displayCode);
          } catch {
            return; // the hub died under us: responses not received are not promises made
          }
        }
      });
      const target = acknowledged.size + 150 + round * 37;
      while (acknowledged.size < target) await new Promise((r) => setTimeout(r, 5));
      await proc.kill('SIGKILL'); // mid-burst: requests are in flight
      stop = true;
      await Promise.all(workers);
      proc = await startHubProcess(dataDir);
      expect(proc.oneTimePassword).toBeNull(); // not a first start: the data survived
    }

    admin = client(proc, (await client(proc, null)['auth.login']({ username: 'admin', password: PASSWORD })).token);
    const stored = await admin['tickets.list']({});
    const byId = new Map(stored.map((t) => [t.id, t.displayCode]));
    for (const [id, displayCode] of acknowledged) expect(byId.get(id)).toBe(displayCode);
    // Numbers stay gap-free per service: a transaction cut by the kill took its number with it.
    for (const s of services) {
      const numbers = stored.filter((t) => t.serviceId === s).map((t) => t.number).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    await proc.kill('SIGTERM');
    proc = null;

    const db = new Database(join(dataDir, 'motcua.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orphans = db
      .prepare(
        `SELECT count(*) AS n FROM tickets t
         WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'issued')
            OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.aggregate_id = t.id AND o.type = 'ticket.issued')`,
      )
      .get();
    expect(orphans).toEqual({ n: 0 });
    const seqs = db.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[];
    expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1)); // outbox seq gap-free
    db.close();
  }, 300_000); // four starts of the hub process and three bursts: minutes on a loaded 2-core machine
});
