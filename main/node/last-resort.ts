import type { Logger } from '../../common/node/logger';

/**
 * The last line of defence of a hub process (headless and Electron). Every request, upgrade,
 * timer and worker catches its own errors; what still escapes is logged here.
 * - A rejected promise nobody awaited: the operation it belonged to has already failed and
 *   nothing is left half-done in memory (every write is one SQLite transaction), so the hub
 *   keeps serving.
 * - An exception thrown out of a callback: we cannot know what state it interrupted, so the
 *   process ends with `onFatal` and its supervisor starts a fresh one (docs/OPERATIONS.md). The
 *   database is safe either way: a commit is on disk or did not happen.
 */
export function installLastResort(log: Logger, onFatal: () => void): void {
  process.on('unhandledRejection', (reason: unknown) => {
    log.error({ err: reason }, 'unhandled promise rejection; the hub keeps serving');
  });
  process.on('uncaughtException', (err: Error, origin: string) => {
    log.fatal({ err, origin }, 'uncaught exception; the process ends and its supervisor restarts it');
    // The fatal line must reach the file before the process goes; a stuck disk must not keep it.
    let ended = false;
    const end = () => {
      if (!ended) onFatal();
      ended = true;
    };
    log.flush(end);
    setTimeout(end, 1000);
  });
}
