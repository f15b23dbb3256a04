import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSets, localRoot } from '../../../main/node/backup/backup-sets';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';
import { startTestHub } from '../../support/hub';

/**
 * A new version that changes the database: before the migration touches the file, the hub takes a
 * backup set of it as it was (the schema version the old program wrote), and says where.
 */
describe('a migration at start', () => {
  it('is preceded by a backup set of the database as the old version left it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-before-migration-'));
    try {
      // A database as the previous version (one migration less) left it.
      const previous = migrations[migrations.length - 2]!.version;
      const old = new Database(join(dataDir, 'motcua.sqlite'));
      migrate(old, migrations.slice(0, -1), null);
      old.close();

      const hub = await startTestHub({ dataDir });
      try {
        const [set] = await listSets(localRoot(dataDir));
        expect(set!.manifest).toMatchObject({ reason: 'migration', schemaVersion: previous });
        expect(hub.running.migration).toEqual({ from: previous, to: migrations[migrations.length - 1]!.version, backupPath: set!.dir });
      } finally {
        await hub.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
