import type { Db } from './open';

/** Told what each write came to (the hub's storage health: is the disk full?). */
export interface WriteObserver {
  /** Something reached the disk. */
  saved(): void;
  /** A write failed (a refused request, a full disk, anything). */
  failed(error: unknown): void;
}

/** What the grouping came to since the hub started: logged at stop, read by the benchmark. */
export interface WriteGroups {
  /** Transactions committed (one fsync each). */
  readonly commits: number;
  /** Rows changed, all commits together. */
  readonly rows: number;
  /** How many commits carried n requests: `{ "1": 310, "20": 52 }`. */
  readonly bySize: Readonly<Record<number, number>>;
}

interface Pending {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the one writer. Every change the hub makes goes through `run`; the changes
 * requested during one turn of the event loop are committed together in one transaction (one
 * fsync), each inside its own savepoint so that one refused request rolls back alone. A caller's
 * promise settles only after the commit: a number is never handed out before it is on disk.
 * At the morning rush this turns "one fsync per ticket" into "one fsync per burst", which matters
 * most on the slow disks of commune PCs.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly totalChanges;
  private commits = 0;
  private rows = 0;
  private readonly bySize: Record<number, number> = {};

  constructor(
    private readonly db: Db,
    private readonly observer: WriteObserver | null = null,
  ) {
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
  }

  private changesSoFar(): number {
    return this.totalChanges.get() as number;
  }

  groups(): WriteGroups {
    return { commits: this.commits, rows: this.rows, bySize: { ...this.bySize } };
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    // Rows changed by the requests that went through: a commit of nothing (only refused requests,
    // or requests that wrote nothing) proves nothing about the disk.
    let changed = 0;
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          const before = this.changesSoFar();
          try {
            // A nested better-sqlite3 transaction is a SAVEPOINT: on error only this item is undone.
            outcomes.push({ ok: true, value: this.db.transaction(item.work)() });
            changed += this.changesSoFar() - before;
          } catch (error) {
            // SQLite rolls the whole transaction back by itself on some errors (a full disk while
            // spilling the cache): the batch is lost, and what follows must not run outside it.
            if (!this.db.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error); // the commit itself failed: nothing was written
      this.observer?.failed(error);
      return;
    }
    this.commits++;
    this.rows += changed;
    this.bySize[batch.length] = (this.bySize[batch.length] ?? 0) + 1;
    if (changed > 0) this.observer?.saved();
    batch.forEach((item, i) => {
      const o = outcomes[i]!;
      if (o.ok) item.resolve(o.value);
      else {
        this.observer?.failed(o.error);
        item.reject(o.error);
      }
    });
  }
}
