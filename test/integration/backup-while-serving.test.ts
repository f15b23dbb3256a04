import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteWorkload } from '../support/site-workload';
import { startTestHub } from '../support/hub';

/**
 * A running hub is backed up by another program copying its database (docs/OPERATIONS.md:
 * `VACUUM INTO`), which holds one read transaction for the whole copy — 11 s for a million
 * dossiers on a fast disk. Numbers must keep coming meanwhile: the hub's writes may not wait for it.
 */
describe('a backup copying the database while the hub serves', () => {
  it('answers every ticket issued while the copy holds its read transaction, before the copy ends', async () => {
    const hub = await startTestHub();
    const backup = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
    try {
      const work = await siteWorkload(hub);
      await work.issue();
      const count = backup.prepare('SELECT count(*) AS n FROM tickets').pluck();
      backup.exec('BEGIN');
      const atStart = count.get() as number;
      const answered = await Promise.all(Array.from({ length: 5 }, () => work.issue()));
      // The copy is still going (its transaction open, its snapshot unchanged) and every number was answered.
      expect(backup.inTransaction).toBe(true);
      expect(count.get()).toBe(atStart);
      expect(answered.map((t) => t.ticket.status)).toEqual(Array(5).fill('waiting'));
      backup.exec('COMMIT');
      expect(count.get()).toBe(atStart + 5);
    } finally {
      backup.close();
      await hub.close();
    }
  });
});
