import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../support/clock';
import { startTestHub } from '../../support/hub';

/**
 * Automatic backups on the hub's clock: none in the first minutes after the start, then one
 * (there was none), then the next one interval after it. The scheduler looks again often in this
 * test (`maxSleepMs`) so moving the clock is enough; nothing here waits for real hours.
 */
describe('automatic backups', () => {
  it('wait for the start to be over, then come every interval', async () => {
    const clock = new FakeClock('2026-12-02T08:00:00+07:00');
    const hub = await startTestHub({ clock: clock.now, backup: { maxSleepMs: 20 } });
    try {
      // A fresh login each time: the clock moves past the session's idle limit.
      const list = async () => (await hub.admin())['backups.list']({});
      const sets = async () => (await list()).local.sets.length;
      const status = await list();
      expect(status.nextAt).toBe('2026-12-02T01:10:00.000Z'); // ten minutes after the start
      expect(await sets()).toBe(0);
      clock.advanceMinutes(10);
      await expect.poll(sets).toBe(1);
      expect((await list()).local.sets[0]).toMatchObject({ reason: 'scheduled', takenAt: '2026-12-02T01:10:00.000Z' });
      clock.advanceMinutes(3 * 60);
      expect(await sets()).toBe(1); // 3 h later: not due yet (every 4 h by default)
      clock.advanceMinutes(60);
      await expect.poll(sets).toBe(2);
    } finally {
      await hub.close();
    }
  });
});
