import { randomUUID } from 'node:crypto';
import { centralIsAhead } from '../../core/restore-recovery';
import { isRestoredCopy } from '../../core/sync-rules';
import { RecoveryStore } from '../db/recovery-store';
import type { HubDeps } from '../hub/context';
import type { SkippedFeedItem } from './apply-feeds';
import type { CentralClient, Failure } from './central-client';
import { readMarker } from './marker';
import { pullFeeds } from './pull';
import { noticeRestore, pendingRestoreRecord, recover } from './recover';

/**
 * Which stream this database writes, and whether it is a restored copy whose lost events are to
 * be fetched back from the central: steps 2 and 3 of the sync worker (docs/SYNC.md,
 * "Incarnations and restored backups").
 */
export class StreamKeeper {
  /** Whether this process has asked the central whether it holds more of this stream than the outbox. */
  private aheadChecked = false;
  private readonly store: RecoveryStore;

  constructor(
    private readonly deps: HubDeps,
    private readonly log: HubDeps['log'],
    private readonly onNewStream: () => void,
  ) {
    this.store = new RecoveryStore(deps.db);
  }

  /** The database's stream, or a new one if this database remembers less of it than its marker. */
  async current(): Promise<string> {
    const { site, sync, writer, clock, dataDir } = this.deps;
    const incarnation = site.get<string>('incarnation')!;
    const stream = sync.stream(incarnation);
    if (dataDir && stream && isRestoredCopy(stream.acked_through, readMarker(dataDir), incarnation)) {
      return this.start('marker', null);
    }
    if (!stream) await writer.run(() => sync.startStream(incarnation, 1, clock()));
    return incarnation;
  }

  /**
   * Starts a new stream at the first event the central has not acknowledged. A restore's lost
   * events are fetched back from the central: above the outbox as it was found, or — an admin
   * answering a seq conflict — above the last seq that still agreed with the central.
   */
  async start(noticedBy: 'marker' | 'central-ahead' | 'admin', conflict: { seq: number } | null): Promise<string> {
    const { site, sync, writer, clock } = this.deps;
    const next = randomUUID();
    await writer.run(() => {
      const old = sync.stream(site.get<string>('incarnation')!);
      site.set('incarnation', next);
      sync.startStream(next, (old?.acked_through ?? 0) + 1, clock());
      if (noticedBy !== 'admin') noticeRestore(this.deps, noticedBy, sync.writtenThrough(), clock());
      else if (conflict) noticeRestore(this.deps, 'admin', conflict.seq - 1, clock());
    });
    this.onNewStream();
    return next;
  }

  /**
   * Beyond the marker: a restore record no recovery took up yet, and once per start the central's
   * word on whether it holds more of this stream than the outbox ever had. The desk's gate learns
   * whether the central could be asked.
   */
  async notice(client: CentralClient, incarnation: string): Promise<string> {
    const { writer, clock, sync, recovery } = this.deps;
    const record = pendingRestoreRecord(this.deps);
    if (record !== null) await writer.run(() => noticeRestore(this.deps, 'restore', record.backupOutboxMaxSeq, clock(), record.at));
    if (this.aheadChecked) return incarnation;
    const status = await client.status();
    if (status.kind !== 'ok') {
      recovery.reached(false);
      return incarnation;
    }
    this.aheadChecked = true;
    recovery.reached(true);
    if (this.pending()) return incarnation;
    return centralIsAhead(status.res.streams, incarnation, sync.writtenThrough()) ? this.start('central-ahead', null) : incarnation;
  }

  /** Step 3: the feeds first (the staff and procedures lost events may name), then the events themselves. */
  async recoverIfPending(client: CentralClient, incarnation: string, skipped: (items: readonly SkippedFeedItem[]) => void): Promise<'ok' | Failure> {
    if (!this.pending()) return 'ok';
    let outcome: 'ok' | Failure;
    try {
      const pulled = await pullFeeds(this.deps, client, skipped);
      outcome = pulled === 'ok' ? await recover(this.deps, this.store, client, incarnation) : pulled;
    } catch (e) {
      // The desk must not wait on a recovery that fails: it serves with its sequences moved forward.
      this.deps.recovery.reached(false);
      throw e;
    }
    this.deps.recovery.reached(outcome === 'ok');
    if (outcome === 'ok') {
      this.log.info({ recovery: this.deps.recovery.state()?.applied }, 'restored copy: the events lost since the backup were fetched back from the central');
    }
    return outcome;
  }

  private pending(): boolean {
    const state = this.deps.recovery.state();
    return state !== null && state.doneAt === null;
  }
}
