import type { UpdateMoment } from '../../core/update-window';
import type { SiteUpdater } from './site-updater';

export interface UpdateScheduleOptions {
  /** Where the office is in its day (main/core/update-window.ts over the hub's hours). */
  readonly moment: () => UpdateMoment;
  /** After the app starts: let the hub and its windows come up first. */
  readonly firstCheckMs?: number;
  readonly intervalMs?: number;
  /** After a failed check, or while the updater is off (the technician may be setting it up). */
  readonly retryMs?: number;
  /** How often a waiting update looks for the night. */
  readonly tickMs?: number;
  /**
   * Runs before the app restarts into a waiting update: a backup set (BackupService), so a bad
   * update can be undone. When it fails the update waits for the next tick rather than install
   * without a copy.
   */
  readonly beforeInstall?: () => Promise<void>;
}

export interface UpdateSchedule {
  /**
   * The app is quitting; the shell asks while the hub still runs. Outside office hours with an
   * update waiting, the backup set is taken first and the answer is `install`: the shell closes
   * the hub, then calls `install`. During office hours, or when the backup failed, `quit`: the
   * update waits. A PC switched off every evening so still gets its updates.
   */
  atQuit(): Promise<'install' | 'quit'>;
  /** Restarts into the waiting update (after `atQuit` said so); false when it could not start. */
  install(): boolean;
  stop(): void;
}

/**
 * When the updater checks and when a waiting update is installed: a check a minute after start,
 * then every 6 hours (30 minutes after a failure — a provincial server that is down is tried
 * again the same day); a downloaded update is installed by restarting the app at night, or when
 * someone quits the app outside office hours, each time after a backup set. Never during office
 * hours, and never by electron-updater's own install-on-quit (it would come before any backup).
 */
export function scheduleUpdates(updater: SiteUpdater, options: UpdateScheduleOptions): UpdateSchedule {
  const { moment, firstCheckMs = 60_000, intervalMs = 6 * 3600_000, retryMs = 30 * 60_000, tickMs = 5 * 60_000 } = options;
  let stopped = false;
  let next: NodeJS.Timeout | null = null;

  // check() answers every failure with a status; were it ever to reject (a bug), the rejection
  // reaches the last-resort log and the checks still go on.
  const checkThenWait = (): void => {
    void updater.check().finally(() => {
      if (stopped) return;
      const healthy = updater.status.state === 'idle' || updater.status.state === 'ready';
      next = setTimeout(checkThenWait, healthy ? intervalMs : retryMs);
      next.unref();
    });
  };
  next = setTimeout(checkThenWait, firstCheckMs);
  next.unref();

  let preparing = false;
  const tick = setInterval(() => {
    if (preparing || updater.status.state !== 'ready' || moment() !== 'night') return;
    preparing = true;
    void (options.beforeInstall?.() ?? Promise.resolve())
      .then(() => {
        if (!stopped) updater.installNow();
      }, () => undefined) // the backup logged why; the next tick tries again
      .finally(() => {
        preparing = false;
      });
  }, tickMs);
  tick.unref();

  const stop = (): void => {
    stopped = true;
    if (next !== null) clearTimeout(next);
    clearInterval(tick);
  };

  return {
    atQuit: async () => {
      stop();
      if (updater.status.state !== 'ready' || moment() === 'busy') return 'quit';
      try {
        await options.beforeInstall?.();
        return 'install';
      } catch {
        return 'quit'; // the backup logged why; the update waits for a later night or quit
      }
    },
    install: () => updater.installNow(),
    stop,
  };
}
