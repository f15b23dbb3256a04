import { Feed, type FeedItem } from '../../../contract/sync';
import { Notifications } from '../hub/bus';
import type { HubDeps } from '../hub/context';
import { applyFeedItem, type SkippedFeedItem } from './apply-feeds';
import type { CentralClient, Failure } from './central-client';
import { crashAt } from './crash-points';

const PULL_PAGE = 500;

/**
 * Every feed in turn (docs/SYNC.md, "Pull"): pages after the stored cursor, each applied with its
 * new cursor in one transaction; a 410 replaces the feed with the snapshot. Stops at the first
 * feed that fails (the central is likely down for the rest too). Items the hub cannot read are
 * skipped and handed to `onSkipped` once their page is committed.
 */
export async function pullFeeds(deps: HubDeps, client: CentralClient, onSkipped: (items: readonly SkippedFeedItem[]) => void): Promise<'ok' | Failure> {
  for (const feed of Feed.options) {
    const pulled = await pull(deps, client, feed, onSkipped);
    if (pulled !== 'ok') return pulled;
  }
  return 'ok';
}

async function pull(deps: HubDeps, client: CentralClient, feed: Feed, onSkipped: (items: readonly SkippedFeedItem[]) => void): Promise<'ok' | Failure> {
  for (;;) {
    const cursor = deps.sync.cursor(feed);
    const outcome = await client.pull(feed, cursor, PULL_PAGE);
    if (outcome.kind === 'resync') {
      const snap = await client.snapshot(feed);
      if (snap.kind !== 'ok') return snap;
      onSkipped(await applyPage(deps, feed, snap.res.items, snap.res.cursor));
      continue;
    }
    if (outcome.kind !== 'ok') return outcome;
    const { items, cursor: next, hasMore } = outcome.res;
    if (items.length > 0 || next !== cursor) onSkipped(await applyPage(deps, feed, items, next));
    if (!hasMore) return 'ok';
  }
}

/** A page (or a snapshot) and its cursor in one transaction; the screens hear of it after the commit. Returns the items skipped. */
async function applyPage(deps: HubDeps, feed: Feed, items: readonly FeedItem[], cursor: number): Promise<SkippedFeedItem[]> {
  const { sync, writer, clock } = deps;
  const notify = new Notifications();
  const skipped: SkippedFeedItem[] = [];
  await writer.run(() => {
    skipped.length = 0; // a write retried from the start skips the same items again
    items.forEach((item, i) => {
      const skip = applyFeedItem(deps, feed, item, clock(), notify);
      if (skip) skipped.push(skip);
      if (i === 0) crashAt('mid-pull');
    });
    sync.setCursor(feed, cursor, clock());
  });
  notify.flush(deps.bus);
  return skipped;
}
