import { SqlStore } from './sql-store';

export interface CounterSessionRow {
  id: string;
  counter_id: string;
  staff_id: string;
  opened_at: number;
  closed_at: number | null;
  paused_at: number | null;
}

/** Who works at which counter since when. Unique indexes allow one open session per counter and per officer. */
export class CounterSessionStore extends SqlStore {

  insert(row: CounterSessionRow): void {
    this
      .sql('INSERT INTO counter_sessions (id, counter_id, staff_id, opened_at, closed_at, paused_at) VALUES (@id, @counter_id, @staff_id, @opened_at, @closed_at, @paused_at)')
      .run(row);
  }
  openForStaff(staffId: string): CounterSessionRow | null {
    return this.sql<[string], CounterSessionRow>('SELECT * FROM counter_sessions WHERE staff_id = ? AND closed_at IS NULL').get(staffId) ?? null;
  }
  openForCounter(counterId: string): CounterSessionRow | null {
    return this.sql<[string], CounterSessionRow>('SELECT * FROM counter_sessions WHERE counter_id = ? AND closed_at IS NULL').get(counterId) ?? null;
  }
  openAll(): CounterSessionRow[] {
    return this.sql<[], CounterSessionRow>('SELECT * FROM counter_sessions WHERE closed_at IS NULL').all();
  }
  /** Open, unpaused sessions: the counters actually calling right now. */
  working(): CounterSessionRow[] {
    return this.sql<[], CounterSessionRow>('SELECT * FROM counter_sessions WHERE closed_at IS NULL AND paused_at IS NULL').all();
  }
  close(id: string, now: number): void {
    this.sql('UPDATE counter_sessions SET closed_at = ? WHERE id = ?').run(now, id);
  }
  setPaused(id: string, pausedAt: number | null): void {
    this.sql('UPDATE counter_sessions SET paused_at = ? WHERE id = ?').run(pausedAt, id);
  }
}
