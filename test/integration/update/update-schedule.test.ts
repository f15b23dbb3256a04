import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateMoment } from '../../../main/core/update-window';
import { scheduleUpdates, type UpdateSchedule } from '../../../main/node/update/update-schedule';
import { serveFolder, updateBench, type UpdateBench } from '../../support/update-channel';

/**
 * The updater left running as in the app: checks by itself, tries again after a failure, and
 * installs a waiting update only at night (intervals shortened to milliseconds).
 */
let bench: UpdateBench;
let schedule: UpdateSchedule | null = null;
beforeEach(async () => {
  bench = await updateBench();
});
afterEach(async () => {
  schedule?.stop();
  schedule = null;
  await bench.close();
});

const fast = { firstCheckMs: 0, intervalMs: 3600_000, retryMs: 100, tickMs: 50 };

describe('the updater left running', () => {
  it('tries again after the provincial server was down, and gets the update once it is back', async () => {
    await bench.publishSigned('0.2.0');
    const port = Number(new URL(bench.server.url).port);
    await bench.server.close();
    const { updater } = await bench.hubPc('0.1.0');
    schedule = scheduleUpdates(updater, { ...fast, moment: () => 'busy' });

    await expect.poll(() => bench.statusFile().error?.code).toBe('UPDATE_SERVER_UNREACHABLE');
    bench.server = await serveFolder(bench.release, port);
    await expect.poll(() => bench.statusFile()).toMatchObject({ state: 'ready', availableVersion: '0.2.0', error: null });
  });

  it('installs the waiting update at night, not while the office is busy', async () => {
    await bench.publishSigned('0.2.0');
    const { updater, events } = await bench.hubPc('0.1.0');
    let moment: UpdateMoment = 'busy';
    let asked = 0;
    schedule = scheduleUpdates(updater, {
      ...fast,
      moment: () => {
        asked++;
        return moment;
      },
    });
    await expect.poll(() => bench.statusFile().state).toBe('ready');
    const askedWhenReady = asked;
    await expect.poll(() => asked).toBeGreaterThanOrEqual(askedWhenReady + 3);
    expect(events.installs).toEqual([]);

    moment = 'night';
    await expect.poll(() => events.installs).toEqual([expect.objectContaining({ isSilent: true, isForceRunAfter: true })]);
    await expect.poll(() => events.quits).toBe(1);
  });

  it('at a quit outside office hours installs after its backup; at a quit during them, or with the backup failing, the update waits', async () => {
    await bench.publishSigned('0.2.0');
    const { updater, events, engine } = await bench.hubPc('0.1.0');
    let moment: UpdateMoment = 'busy';
    let failBackup = false;
    const backups: number[] = [];
    const quitWith = () => scheduleUpdates(updater, {
      ...fast,
      moment: () => moment,
      beforeInstall: async () => {
        backups.push(events.installs.length);
        if (failBackup) throw new Error('Ổ đĩa đầy');
      },
    });
    schedule = quitWith();
    await expect.poll(() => bench.statusFile().state).toBe('ready');

    // electron-updater's own install-on-quit is off: it would come before any backup.
    events.quit(0);
    expect(events.installs).toEqual([]);
    expect(engine.autoInstallOnAppQuit).toBe(false);

    // The office is open: the app quits, the update waits, no backup is taken.
    expect(await schedule.atQuit()).toBe('quit');
    expect(backups).toEqual([]);

    // Evening, the backup fails: the update still waits.
    moment = 'quiet';
    failBackup = true;
    expect(await quitWith().atQuit()).toBe('quit');
    expect(events.installs).toEqual([]);

    // Evening, the backup succeeds: then the install, once the shell closed the hub.
    failBackup = false;
    schedule = quitWith();
    expect(await schedule.atQuit()).toBe('install');
    expect(schedule.install()).toBe(true);
    expect(events.installs).toEqual([expect.objectContaining({ isSilent: true, isForceRunAfter: true })]);
    expect(backups).toEqual([0, 0]); // each backup came before any install
  });

  it('does not install while the backup before it fails, and installs once one succeeds', async () => {
    await bench.publishSigned('0.2.0');
    const { updater, events } = await bench.hubPc('0.1.0');
    // How many installs had happened at each backup: the first two backups fail.
    const backups: number[] = [];
    schedule = scheduleUpdates(updater, {
      ...fast,
      moment: () => 'night',
      beforeInstall: async () => {
        backups.push(events.installs.length);
        if (backups.length <= 2) throw new Error('Ổ đĩa đầy');
      },
    });
    await expect.poll(() => events.installs).toHaveLength(1);
    expect(backups.slice(0, 3)).toEqual([0, 0, 0]);
  });
});
