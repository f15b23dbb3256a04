import type { Lang } from '../../../contract/locales';
import type { OutboxStore } from './outbox-store';
import type { Db } from './open';
import { SqlStore } from './sql-store';

export interface RatingRow {
  id: string;
  ticket_id: string;
  counter_id: string | null;
  staff_id: string | null;
  device_id: string | null;
  score: string;
  score_label: string;
  reasons: string;
  at: number;
}

/** Satisfaction ratings, written with their outbox row (the province scores desks on them). */
/** The ticket a counter's tablet asks about: its language says which words to ask in. */
export interface PendingRating { id: string; display_code: string; service_id: string; service_name: string; finished_at: number; language: Lang }

export class RatingStore extends SqlStore {
  constructor(
    db: Db,
    private readonly outbox: OutboxStore,
  ) {
    super(db);
  }

  /** The most recent ticket finished at a counter since an instant, unless it was rated. */
  pendingAt(counterId: string, since: number): PendingRating | null {
    return (
      this.sql<[string, number], PendingRating>(
        `SELECT t.id, t.display_code, t.service_id, s.name AS service_name, t.finished_at, t.language
         FROM tickets t JOIN services s ON s.id = t.service_id
         WHERE t.counter_id = ? AND t.status = 'finished' AND t.finished_at >= ?
           AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id)
         ORDER BY t.finished_at DESC LIMIT 1`,
      ).get(counterId, since) ?? null
    );
  }

  isRated(ticketId: string): boolean {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM ratings WHERE ticket_id = ?').get(ticketId)!.n > 0;
  }

  /** `satisfied`: on the scale the rating was given on (rating-rules checkRating); sent to the central, which has no scales. */
  insert(r: RatingRow, satisfied: boolean): void {
    this.sql(
      `INSERT INTO ratings (id, ticket_id, counter_id, staff_id, device_id, score, score_label, reasons, at)
       VALUES (@id, @ticket_id, @counter_id, @staff_id, @device_id, @score, @score_label, @reasons, @at)`,
    ).run(r);
    this.outbox.append('rating.given', 1, r.ticket_id, {
      ratingId: r.id, ticketId: r.ticket_id, counterId: r.counter_id, staffId: r.staff_id, deviceId: r.device_id,
      score: r.score, scoreLabel: r.score_label, satisfied, reasons: JSON.parse(r.reasons) as string[], at: new Date(r.at).toISOString(),
    }, r.at);
  }
}
