import { HttpError } from './http-error';

/** What a refused clerk is told to wait: a year's report holds PostgreSQL for about 2 s (docs/PERFORMANCE.md, issue 12). */
export const REPORT_RETRY_AFTER_SECONDS = 3;

/**
 * The province's computations running at once (the page's JSON and the export together). Each
 * holds a database connection for seconds: ten clerks pressing "Xem" together would otherwise
 * stack up ten such queries, slowing every one of them and the sites' pushes too. One beyond the
 * limit is refused at once (503 REPORT_BUSY, Retry-After) rather than queued: the clerk sees why
 * and tries again, and nothing waits unbounded in memory.
 */
export class ReportGate {
  private running = 0;

  constructor(private readonly limit: number) {}

  /** Runs `compute` in a free slot, given back however it ends; or refuses when none is free. */
  async run<T>(compute: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      throw new HttpError(503, 'REPORT_BUSY', 'Máy chủ đang tính báo cáo cho người khác; vui lòng thử lại sau ít giây.', {}, {
        'retry-after': String(REPORT_RETRY_AFTER_SECONDS),
      });
    }
    this.running++;
    try {
      return await compute();
    } finally {
      this.running--;
    }
  }
}
