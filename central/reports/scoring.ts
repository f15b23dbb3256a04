/**
 * The province's scoring of a site, pure (no database): what the figures of the SQL
 * (province-sql.ts) become on the page and in the export, and the order "worst first".
 */

/**
 * A site that has not pushed for this long is flagged offline ("mất kết nối từ …"). A hub with
 * something to send pushes within seconds (docs/SYNC.md, "Batching, backoff, scheduling": every
 * write, every 30 s, backoff at most 30 s), so an hour without a push during the working day is no
 * short outage; it is the same hour after which the hub's own counters turn the sync amber
 * (main/core/sync-status.ts OFFLINE_WARN_MS, which the central may not import).
 */
export const OFFLINE_AFTER_MS = 60 * 60_000;

/** What the SQL counts for one site. */
export interface SiteFigures {
  readonly siteId: string;
  readonly name: string;
  readonly createdAt: Date;
  /** The last time it spoke to the central at all (a feed pulled, a push): central/sync/last-seen.ts. */
  readonly lastSeenAt: Date | null;
  /** The last time it sent events. */
  readonly lastPushAt: Date | null;
  readonly received: number;
  readonly handledEarly: number;
  readonly handledOnTime: number;
  readonly handledLate: number;
  readonly overdue: number;
  readonly ticketsIssued: number;
  readonly ticketsServed: number;
  readonly ticketsNoShow: number;
  /** Mean seconds from issue to first call of the tickets called (the hub's wait); null without one. */
  readonly meanWaitSeconds: number | null;
  readonly ratings: number;
  readonly ratingsSatisfied: number;
}

export interface SiteScore {
  readonly siteId: string;
  readonly name: string;
  readonly dossiers: {
    readonly received: number;
    readonly handled: number;
    readonly early: number;
    readonly onTime: number;
    readonly late: number;
    /** (early + on time) / handled, QĐ 766's measure; null when nothing was handled. */
    readonly onTimeShare: number | null;
    /** Not returned and due before now (whenever received). */
    readonly overdue: number;
  };
  readonly tickets: { readonly issued: number; readonly served: number; readonly noShow: number; readonly meanWaitMinutes: number | null };
  readonly ratings: { readonly count: number; readonly satisfied: number; readonly satisfiedShare: number | null };
  readonly lastPushAt: string | null;
  /** Since when the site is offline (the last time it spoke to the central, or its creation); null while it speaks. */
  readonly offlineSince: string | null;
}

const share = (n: number, total: number): number | null => (total === 0 ? null : n / total);

/**
 * Offline since it last spoke to the central (or its creation, never having spoken), once that is
 * longer ago than OFFLINE_AFTER_MS. Not since its last push: a hub with nothing to send pushes
 * nothing, but pulls its feeds every 30 s.
 */
export function offlineSince(createdAt: Date, lastSeenAt: Date | null, now: Date): Date | null {
  const since = lastSeenAt ?? createdAt;
  return now.getTime() - since.getTime() > OFFLINE_AFTER_MS ? since : null;
}

export function scoreSite(f: SiteFigures, now: Date): SiteScore {
  const handled = f.handledEarly + f.handledOnTime + f.handledLate;
  return {
    siteId: f.siteId,
    name: f.name,
    dossiers: {
      received: f.received, handled, early: f.handledEarly, onTime: f.handledOnTime, late: f.handledLate,
      onTimeShare: share(f.handledEarly + f.handledOnTime, handled), overdue: f.overdue,
    },
    tickets: {
      issued: f.ticketsIssued, served: f.ticketsServed, noShow: f.ticketsNoShow,
      meanWaitMinutes: f.meanWaitSeconds === null ? null : Math.round(f.meanWaitSeconds / 6) / 10,
    },
    ratings: { count: f.ratings, satisfied: f.ratingsSatisfied, satisfiedShare: share(f.ratingsSatisfied, f.ratings) },
    lastPushAt: f.lastPushAt?.toISOString() ?? null,
    offlineSince: offlineSince(f.createdAt, f.lastSeenAt, now)?.toISOString() ?? null,
  };
}

/**
 * Worst first: the lowest on-time share (a site that handled nothing has no share and comes after
 * every site that has one: nothing to judge yet), then the most overdue dossiers, then the site
 * offline longest, then by name so the order is stable.
 */
export function worstFirst(a: SiteScore, b: SiteScore): number {
  const sa = a.dossiers.onTimeShare ?? Number.POSITIVE_INFINITY;
  const sb = b.dossiers.onTimeShare ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa - sb;
  if (a.dossiers.overdue !== b.dossiers.overdue) return b.dossiers.overdue - a.dossiers.overdue;
  const oa = a.offlineSince === null ? Number.POSITIVE_INFINITY : Date.parse(a.offlineSince);
  const ob = b.offlineSince === null ? Number.POSITIVE_INFINITY : Date.parse(b.offlineSince);
  if (oa !== ob) return oa - ob;
  return a.name.localeCompare(b.name, 'vi') || a.siteId.localeCompare(b.siteId);
}
