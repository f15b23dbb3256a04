import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSets } from '../../../main/node/backup/backup-sets';
import { siteWorkload } from '../../support/site-workload';
import { startTestHub, type TestHub } from '../../support/hub';

/**
 * The manifest says how far the copy's stream was written, which the recovery after a restore
 * fetches back from: with the outbox pruned empty, that is still the last seq written, not 0.
 */
describe('a backup of a hub whose outbox was pruned empty', () => {
  let hub: TestHub;
  afterAll(() => hub.close());
  beforeAll(async () => {
    hub = await startTestHub();
  });

  it('records the last seq written as outboxMaxSeq', async () => {
    const work = await siteWorkload(hub);
    await work.issue();
    await work.issue();
    const { sync, writer } = hub.running.hub.deps;
    const written = sync.writtenThrough();
    expect(written).toBeGreaterThan(0);
    // What pruning does once the central acknowledged everything and the retention passed.
    await writer.run(() => sync.prune(0, written));
    expect(sync.lastSeq()).toBe(0);
    const created = await (await hub.admin())['backups.create']({});
    const set = (await listSets(join(hub.dataDir, 'backups'))).find((s) => s.manifest.id === created.local.id);
    // Logging the admin in writes no event: the copy's stream ends where it was pruned.
    expect(set!.manifest.outboxMaxSeq).toBe(sync.writtenThrough());
    expect(set!.manifest.outboxMaxSeq).toBeGreaterThanOrEqual(written);
  });
});
