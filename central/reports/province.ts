import type { Db } from '../db/db';
import type { Period } from './period';
import { columnValue, PROVINCE_COLUMNS } from './province-columns';
import { provinceFigures } from './province-sql';
import { OFFLINE_AFTER_MS, scoreSite, worstFirst, type SiteScore } from './scoring';

/** A site's scores, and its value in each column of the table. */
export interface ProvinceSite extends SiteScore {
  /**
   * The site's values in PROVINCE_COLUMNS order (columnValue; null: nothing to measure): the page
   * and the export read them from here, so which figure a column shows is decided in one place.
   */
  readonly values: readonly (number | null)[];
}

export interface ProvinceReport {
  readonly from: string;
  readonly to: string;
  /** When it was computed: "now" of the overdue count and of the offline flags. */
  readonly at: string;
  readonly offlineAfterMinutes: number;
  /** Worst first (scoring.ts worstFirst). */
  readonly sites: ProvinceSite[];
}

/** The province's measures per site for a period, worst first. */
export async function provinceReport(db: Db, period: Period, now: Date): Promise<ProvinceReport> {
  const scores = (await provinceFigures(db, period, now)).map((f) => scoreSite(f, now)).sort(worstFirst);
  const sites = scores.map((s) => ({ ...s, values: PROVINCE_COLUMNS.map((c) => columnValue(s, c.key)) }));
  return { from: period.from, to: period.to, at: now.toISOString(), offlineAfterMinutes: OFFLINE_AFTER_MS / 60_000, sites };
}
