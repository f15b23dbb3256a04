import type { Db } from '../db/db';
import type { Period } from './period';
import { provinceFigures } from './province-sql';
import { OFFLINE_AFTER_MS, scoreSite, worstFirst, type SiteScore } from './scoring';

export interface ProvinceReport {
  readonly from: string;
  readonly to: string;
  /** When it was computed: "now" of the overdue count and of the offline flags. */
  readonly at: string;
  readonly offlineAfterMinutes: number;
  /** Worst first (scoring.ts worstFirst). */
  readonly sites: SiteScore[];
}

/** The province's measures per site for a period, worst first. */
export async function provinceReport(db: Db, period: Period, now: Date): Promise<ProvinceReport> {
  const sites = (await provinceFigures(db, period, now)).map((f) => scoreSite(f, now)).sort(worstFirst);
  return { from: period.from, to: period.to, at: now.toISOString(), offlineAfterMinutes: OFFLINE_AFTER_MS / 60_000, sites };
}
