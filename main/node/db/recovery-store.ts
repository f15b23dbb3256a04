import { SqlStore } from './sql-store';

/**
 * What a restored hub writes back from the central's copy of its own events (main/node/sync/
 * recover.ts): history rows with the ids they had, sequences moved forward (never back), and the
 * lookups that say whether a recovered row can be rebuilt here.
 */
export class RecoveryStore extends SqlStore {
  /** Whether a row with this id exists in one of the tables recovered rows may point at. */
  exists(table: 'staff' | 'counters' | 'devices' | 'tickets' | 'priority_classes', id: string | null): boolean {
    if (id === null) return false;
    return this.sql<[string], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE id = ?`).get(id)!.n > 0;
  }

  /** The ticket holding a number of a sequence on a day (a number re-issued while the recovery waited). */
  ticketWithNumber(sequenceId: string, serviceDate: string, number: number): string | null {
    return this.sql<[string, string, number], { id: string }>(
      'SELECT id FROM tickets WHERE sequence_id = ? AND service_date = ? AND number = ? AND parent_ticket_id IS NULL',
    ).get(sequenceId, serviceDate, number)?.id ?? null;
  }

  dossierWithCode(code: string): string | null {
    return this.sql<[string], { id: string }>('SELECT id FROM dossiers WHERE code = ?').get(code)?.id ?? null;
  }

  procedureVersionId(code: string, version: number): string | null {
    return this.sql<[string, number], { id: string }>('SELECT id FROM procedure_versions WHERE code = ? AND version = ?').get(code, version)?.id ?? null;
  }

  /** Whether a ticket's history already holds this event (its outbox row may have been pruned since). */
  hasTicketEvent(eventId: string): boolean {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM ticket_events WHERE event_id = ?').get(eventId)!.n > 0;
  }

  /** A ticket's history row under the id it was written with (a second copy is ignored). */
  insertTicketEvent(e: { eventId: string; ticketId: string; type: string; at: number; serviceDate: string; serviceId: string; counterId: string | null; staffId: string | null; deviceId: string | null; data: string }): void {
    this.sql(
      `INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id, counter_id, staff_id, device_id, data)
       VALUES (@eventId, @ticketId, @type, @at, @serviceDate, @serviceId, @counterId, @staffId, @deviceId, @data) ON CONFLICT (event_id) DO NOTHING`,
    ).run(e);
  }

  insertDossierEvent(dossierId: string, type: string, at: number, staffId: string | null, data: string): void {
    this.sql('INSERT INTO dossier_events (dossier_id, type, at, staff_id, data) VALUES (?, ?, ?, ?, ?)').run(dossierId, type, at, staffId, data);
  }

  insertRating(r: { id: string; ticketId: string; counterId: string | null; staffId: string | null; deviceId: string | null; score: string; scoreLabel: string; reasons: string; at: number }): void {
    this.sql(
      `INSERT INTO ratings (id, ticket_id, counter_id, staff_id, device_id, score, score_label, reasons, at)
       VALUES (@id, @ticketId, @counterId, @staffId, @deviceId, @score, @scoreLabel, @reasons, @at) ON CONFLICT DO NOTHING`,
    ).run(r);
  }

  /** Moves a day's ticket numbering to at least `number` (never back). */
  raiseLastNumber(sequenceId: string, serviceDate: string, number: number): void {
    this.sql(
      `INSERT INTO sequence_days (sequence_id, service_date, last_number) VALUES (?, ?, ?)
       ON CONFLICT (sequence_id, service_date) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
    ).run(sequenceId, serviceDate, number);
  }

  /** Moves a day's dossier code sequence to at least `seq` (never back). */
  raiseCodeSeq(agencyCode: string, deskPart: string, date: string, seq: number): void {
    this.sql(
      `INSERT INTO dossier_code_days (agency_code, desk_part, code_date, last_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_code, desk_part, code_date) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
    ).run(agencyCode, deskPart, date, seq);
  }

  lastCodeSeq(agencyCode: string, deskPart: string, date: string): number | null {
    return this.sql<[string, string, string], { last_seq: number }>(
      'SELECT last_seq FROM dossier_code_days WHERE agency_code = ? AND desk_part = ? AND code_date = ?',
    ).get(agencyCode, deskPart, date)?.last_seq ?? null;
  }
}
