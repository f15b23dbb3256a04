import type { WireEvent } from '../../../contract/sync';
import { backoffMs, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, nextBatchLimit } from '../../core/sync-rules';
import type { OutboxRow } from '../db/sync-store';
import type { HubDeps } from '../hub/context';
import type { SkippedFeedItem } from './apply-feeds';
import { crashAt } from './crash-points';
import { pullFeeds } from './pull';
import { CentralClient, type CentralConfig, type Failure } from './central-client';
import { eventHash } from '../../../common/node/event-hash';
import { writeMarker } from './marker';
import { registerAgencyCodeOnce } from './agency-registration';
import { prunedThrough, pruneOutbox } from './outbox-retention';
import { StreamKeeper } from './stream-keeper';

export interface SyncStatus {
  readonly enrolled: boolean;
  readonly online: boolean;
  readonly running: boolean;
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: { code: string; message: string } | null;
  /** When the next run is planned (the hub's clock); null when none is. */
  readonly nextAttemptAt: number | null;
  /** Set when the central holds a different event under a seq this hub sent: sending stops until an admin acts. */
  readonly conflict: { seq: number; message: string } | null;
  /** Feed items this hub could not read and skipped (newest first, the last few since the hub started). */
  readonly skippedFeedItems: readonly SkippedFeedItem[];
}

export interface SyncWorkerOptions {
  readonly idleIntervalMs?: number;
  readonly debounceMs?: number;
  readonly timeoutMs?: number;
  /** For tests: a deterministic jitter. */
  readonly random?: () => number;
  /** Longest wait after failures (30 s in production: MAX_BACKOFF_MS). */
  readonly maxBackoffMs?: number;
}

/** Skipped feed items kept for staff to see (each is also in the log). */
const SKIPPED_KEPT = 20;

/**
 * The hub's synchronizer. One run (`runOnce`) does, in order:
 *
 *   1. nothing if the site is not enrolled;
 *   2. notice a restored copy — a restore record (admin screen, CLI), a database that remembers
 *      less than its marker (a new stream is started), or, at the first run after a start, a
 *      central holding more of this stream than the outbox ever had (the whole folder came back:
 *      a new stream is started) — and note that its lost events are to be fetched back
 *      (main/node/sync/stream-keeper.ts);
 *   3. while that recovery is pending (the desk hands out no number meanwhile): pull the feeds
 *      (staff and procedures the lost events may name), then fetch the site's earlier streams past
 *      the copy and re-apply them (main/node/sync/recover.ts, resumable page by page);
 *   4. register the site's agency code if the central does not hold it yet (a site enrolled
 *      before codes were registered: agency-registration.ts; a refusal is shown, events still go);
 *      push — unless a seq conflict waits for an admin: send unacknowledged outbox events in
 *      batches (≤ 500 events, ≤ 1 MiB, halved on 413) and record each acknowledgement (and the
 *      rejections that came with it) in one transaction; a gap resends from the seq the central
 *      expects;
 *   5. pull, whatever became of the push (the catalogue, calendar, staff and statuses do not wait
 *      for the site's own events): for each feed, fetch pages after the stored cursor and apply
 *      each page with its new cursor in one transaction; a 410 replaces the feed with the
 *      snapshot; an item the hub cannot read is skipped, logged and shown to staff;
 *   6. prune the outbox rows the central acknowledged longer ago than the retention
 *      (outbox-retention.ts), whatever became of this run;
 *   7. record the outcome (last success, the central's time for the clock check, error) for staff.
 *
 * Runs are never concurrent. They start when something is written (debounced), every 30 s when
 * idle, on "sync now", and after a failure on exponential backoff with jitter, at most 30 s so a
 * link that comes back is noticed soon (`Retry-After` as a floor). All waiting is network I/O: the
 * LAN API never waits for the central.
 */
export class SyncWorker {
  private current: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  private failures = 0;
  private batchLimit = MAX_BATCH_EVENTS;
  private stopped = true;
  private status: Omit<SyncStatus, 'enrolled' | 'running' | 'nextAttemptAt'> = {
    online: false, lastAttemptAt: null, lastSuccessAt: null, lastError: null, conflict: null, skippedFeedItems: [],
  };
  private readonly offChanged: () => void;
  private readonly log: HubDeps['log'];
  private readonly streams: StreamKeeper;

  constructor(
    private readonly deps: HubDeps,
    private readonly options: SyncWorkerOptions = {},
  ) {
    this.status = { ...this.status, lastSuccessAt: deps.site.get<number>('syncLastSuccessAt') };
    this.log = deps.log.child({ component: 'sync' });
    // A new stream, whoever started it, answers the conflict that stopped the pushes.
    this.streams = new StreamKeeper(deps, this.log, () => {
      this.status = { ...this.status, conflict: null };
    });
    // New writes bring the next run closer, but never cut a backoff short: after failures the
    // central is left alone until the backoff ends, however busy the counters are.
    const onChange = () => {
      if (this.failures === 0) this.schedule(this.options.debounceMs ?? 2000);
    };
    deps.bus.on('changed', onChange);
    this.offChanged = () => deps.bus.off('changed', onChange);
  }

  config(): CentralConfig | null {
    return this.deps.site.get<CentralConfig>('sync');
  }

  start(): void {
    this.stopped = false;
    if (this.config()) this.deps.recovery.workerStarted();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.offChanged();
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  state(): SyncStatus {
    // The timer counts on the process's clock; staff read the hub's.
    const nextAttemptAt = this.timer ? this.deps.clock() + Math.max(0, this.timerAt - Date.now()) : null;
    return { ...this.status, enrolled: this.config() !== null, running: this.current !== null, nextAttemptAt };
  }

  /** Runs now (after a run in progress) and resolves when done. */
  async syncNow(): Promise<SyncStatus> {
    if (this.current) {
      this.again = true;
      await this.current.catch(() => undefined);
    }
    await this.run();
    return this.state();
  }

  /** After an admin changed the central settings or started a new stream. */
  reset(): void {
    this.failures = 0;
    this.status = { ...this.status, conflict: null, lastError: null };
    this.schedule(0, true);
  }

  /** Plans the next run `delayMs` from now; a run already planned sooner stays (unless `replace`). */
  private schedule(delayMs: number, replace = false): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.timer && !replace && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
    this.timer.unref();
  }

  private run(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.runOnce()
      .then((outcome) => {
        this.current = null;
        if (this.stopped) return;
        if (outcome === 'ok') {
          this.failures = 0;
          this.schedule(this.again ? 0 : (this.options.idleIntervalMs ?? 30_000), true);
        } else if (outcome !== 'idle') {
          this.failures++;
          this.schedule(backoffMs(this.failures, this.jitter(), outcome.afterMs, this.options.maxBackoffMs), true);
        }
        this.again = false;
      })
      .catch((e: unknown) => {
        this.current = null;
        this.failures++;
        this.status = { ...this.status, online: false, lastError: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
        this.schedule(backoffMs(this.failures, this.jitter(), 0, this.options.maxBackoffMs), true);
      });
    return this.current;
  }

  /** Spreads the sites' retries apart (tests pass their own). */
  private jitter(): number {
    return (this.options.random ?? Math.random)();
  }

  private async runOnce(): Promise<'ok' | 'idle' | { afterMs: number }> {
    const config = this.config();
    if (!config) return 'idle';
    this.status = { ...this.status, lastAttemptAt: this.deps.clock() };
    // Offline too, a clock changed since the last exchange shows within a run's interval.
    this.deps.siteClock.check();
    const client = new CentralClient(config, this.deps.version, this.options.timeoutMs, (t) => this.deps.siteClock.observe(t));
    const incarnation = await this.streams.notice(client, await this.streams.current());
    const recovered = await this.streams.recoverIfPending(client, incarnation, (skipped) => this.skipped(skipped));
    if (recovered !== 'ok') return this.failed(recovered);
    const registration = await registerAgencyCodeOnce(this.deps, client);
    const pushed = this.status.conflict ? 'conflict' : await this.push(client, incarnation);
    // A failed push is told to staff at once (and its backoff decided); the pulls go on regardless.
    const pushFailed = pushed === 'ok' ? (registration ? this.failed(registration) : null) : this.failed(pushed);
    const pulled = await pullFeeds(this.deps, client, (skipped) => this.skipped(skipped));
    // Only what the central acknowledged goes, so this needs no answer from it today.
    await pruneOutbox(this.deps);
    if (pushFailed) return pushFailed;
    if (pulled !== 'ok') return this.failed(pulled);
    const now = this.deps.clock();
    await this.deps.writer.run(() => {
      this.deps.site.set('syncLastSuccessAt', now);
      this.deps.siteClock.save();
    });
    this.status = { ...this.status, online: true, lastSuccessAt: now, lastError: null };
    return 'ok';
  }

  private failed(f: Failure | 'conflict'): { afterMs: number } {
    // Nothing is sent until an admin acts; the feeds are still pulled now and then meanwhile.
    if (f === 'conflict') return { afterMs: this.options.idleIntervalMs ?? 30_000 };
    if (f.kind === 'tooLarge') return { afterMs: 0 };
    this.status = { ...this.status, online: false, lastError: { code: f.code, message: f.message } };
    // A wrong or expired credential does not fix itself: try again rarely, the admin is told.
    return { afterMs: f.kind === 'fatal' ? 300_000 : f.afterMs };
  }

  /**
   * Starts a new stream at the first event the central has not acknowledged (Quản trị → Đồng bộ,
   * after a seq conflict): what the old stream holds past the conflict is fetched back.
   */
  newStream(): Promise<string> {
    return this.streams.start('admin', this.status.conflict);
  }

  private async push(client: CentralClient, incarnation: string): Promise<'ok' | 'conflict' | Failure> {
    const { sync, writer, clock, dataDir } = this.deps;
    for (;;) {
      const stream = sync.stream(incarnation)!;
      const batch = this.batch(sync.pending(stream.acked_through, this.batchLimit));
      if (batch.length === 0) return 'ok';
      const events: WireEvent[] = batch.map((e) => ({
        seq: e.seq, eventId: e.event_id, type: e.type, version: e.version, aggregateId: e.aggregate_id, payload: e.payload,
        createdAt: new Date(e.created_at).toISOString(), hash: eventHash(e.type, e.version, e.aggregate_id, e.payload),
      }));
      const sentAt = clock();
      const outcome = await client.push({ siteId: this.config()!.siteId, incarnation, baseSeq: stream.base_seq, siteTime: new Date(sentAt).toISOString(), events });
      if (outcome.kind === 'tooLarge') {
        if (this.batchLimit === 1) return { kind: 'fatal', code: 'EVENT_TOO_LARGE', message: `Sự kiện số ${events[0]!.seq} quá lớn để gửi lên máy chủ tỉnh.` };
        this.batchLimit = nextBatchLimit(this.batchLimit, true);
        continue;
      }
      if (outcome.kind === 'conflict') {
        this.status = { ...this.status, online: true, conflict: { seq: outcome.seq, message: outcome.message } };
        return 'conflict';
      }
      if (outcome.kind === 'gap') {
        // The central lost the end of this stream (it came back from a backup): send again from
        // the seq it expects, and remember that in the marker too, or the next run would take this
        // database for a restored copy. It can only ask for seqs this stream has.
        if (outcome.expectedSeq < stream.base_seq || outcome.expectedSeq > stream.acked_through + 1 || outcome.expectedSeq <= prunedThrough(this.deps)) {
          return { kind: 'fatal', code: 'STREAM_GAP', message: `Máy chủ tỉnh chờ sự kiện số ${outcome.expectedSeq}, ngoài luồng dữ liệu hiện tại: cần quản trị viên bắt đầu luồng mới.` };
        }
        await writer.run(() => sync.rewindAck(incarnation, outcome.expectedSeq - 1));
        if (dataDir) writeMarker(dataDir, { incarnation, ackedThrough: outcome.expectedSeq - 1 });
        continue;
      }
      if (outcome.kind !== 'ok') return outcome;
      const { ackedThrough, rejections } = outcome.res;
      crashAt('after-ack');
      await writer.run(() => {
        sync.markAcked(incarnation, ackedThrough);
        for (const r of rejections) sync.addRejection(r, clock());
      });
      if (dataDir) writeMarker(dataDir, { incarnation, ackedThrough: sync.stream(incarnation)!.acked_through });
      this.batchLimit = nextBatchLimit(this.batchLimit, false);
    }
  }

  /** Feed items the hub could not read: in the log, and kept (the last few) for staff. */
  private skipped(items: readonly SkippedFeedItem[]): void {
    if (items.length === 0) return;
    // The key is left out of the log: a staff feed's key is a person's username.
    for (const k of items) this.log.warn({ feed: k.feed, version: k.version, reason: k.reason }, 'feed item skipped: the hub cannot read it');
    this.status = { ...this.status, skippedFeedItems: [...[...items].reverse(), ...this.status.skippedFeedItems].slice(0, SKIPPED_KEPT) };
  }

  /** Events up to the byte budget (always at least one). */
  private batch(rows: OutboxRow[]): OutboxRow[] {
    let bytes = 0;
    const out: OutboxRow[] = [];
    for (const r of rows) {
      // As it travels: UTF-8, escaped inside the request's JSON (the central takes 2 MiB at most).
      bytes += Buffer.byteLength(JSON.stringify(r.payload)) + 300;
      if (out.length > 0 && bytes > MAX_BATCH_BYTES) break;
      out.push(r);
    }
    return out;
  }
}
