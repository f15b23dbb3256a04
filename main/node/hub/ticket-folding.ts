import { setImmediate as turn } from 'node:timers/promises';
import { TicketFolds } from '../db/ticket-folds';
import type { HubDeps } from './context';

/** How often the ticket events written since are folded: at the rush, a second's tickets at a time. */
const FOLD_EVERY_MS = 1_000;

/**
 * Folds the ticket events into the reports' tables off the ticket's own path (migration 011): every
 * second, and to the last event before a queue report reads them. Each batch is its own write, so
 * tickets are issued between batches when there is a backlog. Two catch-ups at once fold nothing
 * twice: each batch starts from the mark it reads inside its transaction.
 */
export class TicketFolding {
  private readonly folds: TicketFolds;
  private timer: NodeJS.Timeout | null = null;
  private tick: Promise<void> | null = null;
  /** The last failure logged, so a full disk is logged once, not every second. */
  private lastFailure: string | null = null;

  constructor(private readonly deps: Pick<HubDeps, 'db' | 'writer' | 'log'>) {
    this.folds = new TicketFolds(deps.db);
  }

  /** Every ticket event written so far, folded. */
  async catchUp(): Promise<void> {
    while (this.folds.pending()) {
      await this.deps.writer.run(() => this.folds.foldNext());
      await turn();
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.tick) return;
      this.tick = this.catchUp()
        .then(() => {
          this.lastFailure = null;
        })
        .catch((e: unknown) => {
          const failure = e instanceof Error ? e.message : String(e);
          if (failure !== this.lastFailure) this.deps.log.error({ err: e, component: 'reports' }, 'folding the ticket events for the reports failed; retried every second');
          this.lastFailure = failure;
        })
        .finally(() => {
          this.tick = null;
        });
    }, FOLD_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tick;
  }
}
