import { describe, expect, it } from 'vitest';
import { adminCall, count, engines, procedure, type Engine } from '../central/helpers';
import { readSite, useSyncRigs, waitFor } from './rig';

/** The hub runs long between runs here, so the test decides when it syncs (and dies). */
// No run of its own: each test starts the push or pull it kills. A write's push 2 s later would
// fall in the middle of serving the citizens on a slow machine, and kill the hub there.
const QUIET = { MOTCUA_SYNC_INTERVAL_MS: '600000', MOTCUA_SYNC_DEBOUNCE_MS: '600000' };

/**
 * The hub as its own process, killed (SIGKILL) by its sync crash points: after the central
 * acknowledged a batch but before the hub recorded it, and in the middle of applying a pulled page.
 */
describe.each(engines)('the hub killed while syncing (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);

  it('after the ack: the batch is sent again and stored once', async () => {
    const r = await t.rig({ hubProcess: { ...QUIET, MOTCUA_SYNC_FAULTS: 'after-ack' } });
    // The run the enrolment started is over (it asks the central about the stream before pushing):
    // the first push then carries the two citizens whole.
    await r.syncNow();
    // A run asked for while another was going is followed by one more: wait until none is due
    // for minutes, so that the only push is the one this test starts.
    await waitFor('the sync idle', async () => {
      const s = await r.status();
      return !s.running && s.nextAttemptAt !== null && Date.parse(s.nextAttemptAt) - Date.now() > 60_000 ? s : null;
    });
    await r.serve(2);
    await expect(r.syncNow()).rejects.toMatchObject({ code: 'HUB_UNREACHABLE' });
    await r.hub.exited(); // the first ack killed it
    expect(await count(t.central.db, 'SELECT count(*) AS n FROM event_index WHERE site_id = $1', [r.siteId])).toBe(10);
    const [stream] = readSite(r.hub.dataDir).streams;
    expect(stream!.acked_through, 'the hub never recorded the ack').toBe(0);
    await r.hub.start();
    await r.settle();
    expect(await count(t.central.db, 'SELECT count(*) AS n FROM event_index WHERE site_id = $1', [r.siteId])).toBe(10);
    await r.verify();
  });

  it('mid-pull: the page is applied again from the old cursor, once', async () => {
    const r = await t.rig({ hubProcess: { ...QUIET, MOTCUA_SYNC_FAULTS: 'mid-pull' } });
    const before = readSite(r.hub.dataDir).cursors.catalog ?? 0;
    for (const code of ['3.000101.H99', '3.000102.H99', '3.000103.H99']) {
      expect((await adminCall(t.central.url, '/admin/catalog', { procedure: procedure(code, `Thủ tục ${code}`) })).status).toBe(201);
    }
    expect((await adminCall(t.central.url, `/admin/sites/${r.siteId}/staff`, { staff: { username: 'canbo.tinh', fullName: 'Phạm Thị Tỉnh', role: 'officer', active: true } })).status).toBe(201);
    await expect(r.syncNow()).rejects.toMatchObject({ code: 'HUB_UNREACHABLE' });
    await r.hub.exited();
    expect(readSite(r.hub.dataDir).cursors.catalog ?? 0, 'nothing of the page was kept').toBe(before);
    await r.hub.start();
    await r.settle();
    const site = readSite(r.hub.dataDir);
    expect(site.procedures.filter((p) => p.code.startsWith('3.0001')).map((p) => [p.code, p.version])).toEqual([
      ['3.000101.H99', 1], ['3.000102.H99', 1], ['3.000103.H99', 1],
    ]);
    const staff = await (await r.hub.accounts.admin())['admin.listStaff']({});
    expect(staff.filter((s) => s.username === 'canbo.tinh')).toHaveLength(1);
    await r.verify();
  });
});
