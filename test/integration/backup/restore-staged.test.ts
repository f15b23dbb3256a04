import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSets } from '../../../main/node/backup/backup-sets';
import { stageRestore } from '../../../main/node/backup/restore';
import { siteWorkload, type SiteWorkload } from '../../support/site-workload';
import { startTestHub, type TestHub } from '../../support/hub';

/**
 * Between a restore being staged and the hub restarting on it, the database in use is about to be
 * set aside and sync is stopping: no number or dossier code may be handed out from it (it would
 * never reach the central, and the restored copy could hand it out again).
 */
describe('a hub with a restore staged', () => {
  let hub: TestHub;
  let work: SiteWorkload;

  beforeAll(async () => {
    hub = await startTestHub();
    work = await siteWorkload(hub);
    await work.issue();
    const admin = await hub.admin();
    await admin['backups.create']({});
    // Staged as `backups.restore` does, without the restart that follows it.
    const [set] = await listSets(join(hub.dataDir, 'backups'));
    await stageRestore(hub.dataDir, set!, null);
  });
  afterAll(() => hub.close());

  it('refuses to issue a number', async () => {
    await expect(work.issue()).rejects.toMatchObject({ code: 'RESTORE_IN_PROGRESS', message: expect.stringContaining('Đang khôi phục bản sao lưu') });
  });

  it('refuses to receive a dossier (which gives it a code)', async () => {
    await expect(work.receive()).rejects.toMatchObject({ code: 'RESTORE_IN_PROGRESS' });
  });
});
