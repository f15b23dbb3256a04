import type { Queryable } from '../db/db';
import type { DossierState, RatingState, TicketState, Working } from './fold';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export interface TicketRow {
  ticket_id: string; service_date: string; service_id: string; display_code: string; priority_class_id: string | null; status: string;
  issued_at: Date | null; called_at: Date | null; first_called_at: Date | null; started_at: Date | null; finished_at: Date | null; counter_id: string | null;
  staff_id: string | null; recall_count: number; continues: boolean; last_event_type: string; last_event_id: number;
}
export interface DossierRow {
  dossier_id: string; code: string | null; status: string; procedure_code: string; procedure_version: number; procedure_name: string;
  applicant_kind: string; applicant_name: string; receiving_unit: string; received_at: Date | null; due_at: Date | null;
  returned_at: Date | null; result_ready_at: Date | null; first_previous_due_at: Date | null; rated_at: Date | null; rating_satisfied: boolean | null;
  snapshot: Record<string, unknown>; last_event_type: string; last_event_at: Date; last_event_id: number;
}
export interface RatingRow {
  ticket_id: string; rating_id: string; score: string; score_label: string; reasons: string[]; satisfied: boolean; counter_id: string | null;
  staff_id: string | null; device_id: string | null; rated_at: Date; last_event_id: number;
}

export const TICKET_COLUMNS = `ticket_id, to_char(service_date, 'YYYY-MM-DD') AS service_date, service_id, display_code, priority_class_id, status, issued_at, called_at,
  first_called_at, started_at, finished_at, counter_id, staff_id, recall_count, continues, last_event_type, last_event_id`;
export const DOSSIER_COLUMNS = `dossier_id, code, status, procedure_code, procedure_version, procedure_name, applicant_kind, applicant_name,
  receiving_unit, received_at, due_at, returned_at, result_ready_at, first_previous_due_at, rated_at, rating_satisfied, snapshot, last_event_type,
  last_event_at, last_event_id`;
export const RATING_COLUMNS = 'ticket_id, rating_id, score, score_label, reasons, satisfied, counter_id, staff_id, device_id, rated_at, last_event_id';

export const toTicketState = (r: TicketRow): TicketState => ({
  ticketId: r.ticket_id, serviceDate: r.service_date, serviceId: r.service_id, displayCode: r.display_code, priorityClassId: r.priority_class_id,
  status: r.status, issuedAt: iso(r.issued_at), calledAt: iso(r.called_at), firstCalledAt: iso(r.first_called_at), startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at), counterId: r.counter_id, staffId: r.staff_id, recallCount: r.recall_count, continues: r.continues, lastEventType: r.last_event_type, lastEventId: r.last_event_id,
});
export const toDossierState = (r: DossierRow): DossierState => ({
  dossierId: r.dossier_id, code: r.code, status: r.status, procedureCode: r.procedure_code, procedureVersion: r.procedure_version,
  procedureName: r.procedure_name, applicantKind: r.applicant_kind, applicantName: r.applicant_name, receivingUnit: r.receiving_unit,
  receivedAt: iso(r.received_at), dueAt: iso(r.due_at), returnedAt: iso(r.returned_at), resultReadyAt: iso(r.result_ready_at),
  firstPreviousDueAt: iso(r.first_previous_due_at), ratedAt: iso(r.rated_at), ratingSatisfied: r.rating_satisfied, snapshot: r.snapshot, lastEventType: r.last_event_type,
  lastEventAt: r.last_event_at.toISOString(), lastEventId: r.last_event_id,
});
export const toRatingState = (r: RatingRow): RatingState => ({
  ticketId: r.ticket_id, ratingId: r.rating_id, score: r.score, scoreLabel: r.score_label, reasons: r.reasons, satisfied: r.satisfied, counterId: r.counter_id,
  staffId: r.staff_id, deviceId: r.device_id, ratedAt: r.rated_at.toISOString(), lastEventId: r.last_event_id,
});

/** Loads the listed aggregates of a site into `w` (null for those not projected yet): three queries at most. */
export async function loadAggregates(tx: Queryable, siteId: string, w: Working, ids: { tickets: string[]; dossiers: string[]; ratings: string[] }): Promise<void> {
  for (const id of ids.tickets) w.tickets.set(id, null);
  for (const id of ids.dossiers) w.dossiers.set(id, null);
  for (const id of ids.ratings) w.ratings.set(id, null);
  if (ids.tickets.length > 0) {
    const rows = await tx.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE site_id = $1 AND ticket_id = ANY($2::uuid[])`, [siteId, ids.tickets]);
    for (const r of rows) w.tickets.set(r.ticket_id, toTicketState(r));
  }
  if (ids.dossiers.length > 0) {
    const rows = await tx.query<DossierRow>(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE site_id = $1 AND dossier_id = ANY($2::uuid[])`, [siteId, ids.dossiers]);
    for (const r of rows) w.dossiers.set(r.dossier_id, toDossierState(r));
  }
  if (ids.ratings.length > 0) {
    const rows = await tx.query<RatingRow>(`SELECT ${RATING_COLUMNS} FROM ratings WHERE site_id = $1 AND ticket_id = ANY($2::uuid[])`, [siteId, ids.ratings]);
    for (const r of rows) w.ratings.set(r.ticket_id, toRatingState(r));
  }
}

/**
 * Writes the changed aggregates of `w`: one upsert per table, rows passed as one JSON parameter.
 * Only site-owned columns are written; processing_* on dossiers belongs to the back offices.
 */
export async function saveAggregates(tx: Queryable, siteId: string, w: Working): Promise<void> {
  const changed = <S>(m: Map<string, S | null>, keys: Set<string>): S[] => [...keys].map((k) => m.get(k)).filter((s): s is S => s != null);
  const tickets = changed(w.tickets, w.changed.tickets);
  const dossiers = changed(w.dossiers, w.changed.dossiers);
  const ratings = changed(w.ratings, w.changed.ratings);
  if (tickets.length > 0) {
    await tx.query(
      `INSERT INTO tickets (site_id, ticket_id, service_date, service_id, display_code, priority_class_id, status, issued_at, called_at,
         first_called_at, started_at, finished_at, counter_id, staff_id, recall_count, continues, last_event_type, last_event_id)
       SELECT $1, x."ticketId", x."serviceDate", x."serviceId", x."displayCode", x."priorityClassId", x.status, x."issuedAt", x."calledAt",
         x."firstCalledAt", x."startedAt", x."finishedAt", x."counterId", x."staffId", x."recallCount", x.continues, x."lastEventType", x."lastEventId"
       FROM json_to_recordset($2::json) AS x("ticketId" uuid, "serviceDate" date, "serviceId" text, "displayCode" text, "priorityClassId" text,
         status text, "issuedAt" timestamptz, "calledAt" timestamptz, "firstCalledAt" timestamptz, "startedAt" timestamptz, "finishedAt" timestamptz,
         "counterId" text, "staffId" text, "recallCount" integer, continues boolean, "lastEventType" text, "lastEventId" bigint)
       ON CONFLICT (site_id, ticket_id) DO UPDATE SET service_date = excluded.service_date, service_id = excluded.service_id,
         display_code = excluded.display_code, priority_class_id = excluded.priority_class_id, status = excluded.status,
         issued_at = excluded.issued_at, called_at = excluded.called_at, first_called_at = excluded.first_called_at, started_at = excluded.started_at,
         finished_at = excluded.finished_at, counter_id = excluded.counter_id, staff_id = excluded.staff_id, recall_count = excluded.recall_count,
         continues = excluded.continues,
         last_event_type = excluded.last_event_type, last_event_id = excluded.last_event_id, updated_at = now()`,
      [siteId, JSON.stringify(tickets)],
    );
  }
  if (dossiers.length > 0) {
    await tx.query(
      `INSERT INTO dossiers (site_id, dossier_id, code, status, procedure_code, procedure_version, procedure_name, applicant_kind, applicant_name,
         receiving_unit, received_at, due_at, returned_at, result_ready_at, first_previous_due_at, rated_at, rating_satisfied, snapshot, last_event_type,
         last_event_at, last_event_id)
       SELECT $1, x."dossierId", x.code, x.status, x."procedureCode", x."procedureVersion", x."procedureName", x."applicantKind", x."applicantName",
         x."receivingUnit", x."receivedAt", x."dueAt", x."returnedAt", x."resultReadyAt", x."firstPreviousDueAt", x."ratedAt", x."ratingSatisfied",
         x.snapshot, x."lastEventType", x."lastEventAt", x."lastEventId"
       FROM json_to_recordset($2::json) AS x("dossierId" uuid, code text, status text, "procedureCode" text, "procedureVersion" integer,
         "procedureName" text, "applicantKind" text, "applicantName" text, "receivingUnit" text, "receivedAt" timestamptz, "dueAt" timestamptz,
         "returnedAt" timestamptz, "resultReadyAt" timestamptz, "firstPreviousDueAt" timestamptz, "ratedAt" timestamptz, "ratingSatisfied" boolean,
         snapshot jsonb, "lastEventType" text, "lastEventAt" timestamptz, "lastEventId" bigint)
       ON CONFLICT (site_id, dossier_id) DO UPDATE SET code = excluded.code, status = excluded.status, procedure_code = excluded.procedure_code,
         procedure_version = excluded.procedure_version, procedure_name = excluded.procedure_name, applicant_kind = excluded.applicant_kind,
         applicant_name = excluded.applicant_name, receiving_unit = excluded.receiving_unit, received_at = excluded.received_at,
         due_at = excluded.due_at, returned_at = excluded.returned_at, result_ready_at = excluded.result_ready_at,
         first_previous_due_at = excluded.first_previous_due_at, rated_at = excluded.rated_at, rating_satisfied = excluded.rating_satisfied,
         snapshot = excluded.snapshot, last_event_type = excluded.last_event_type,
         last_event_at = excluded.last_event_at, last_event_id = excluded.last_event_id, updated_at = now()`,
      [siteId, JSON.stringify(dossiers)],
    );
  }
  if (ratings.length > 0) {
    await tx.query(
      `INSERT INTO ratings (site_id, ticket_id, rating_id, score, score_label, reasons, satisfied, counter_id, staff_id, device_id, rated_at, last_event_id)
       SELECT $1, x."ticketId", x."ratingId", x.score, x."scoreLabel", x.reasons, x.satisfied, x."counterId", x."staffId", x."deviceId", x."ratedAt", x."lastEventId"
       FROM json_to_recordset($2::json) AS x("ticketId" uuid, "ratingId" uuid, score text, "scoreLabel" text, reasons jsonb, satisfied boolean, "counterId" text,
         "staffId" text, "deviceId" text, "ratedAt" timestamptz, "lastEventId" bigint)
       ON CONFLICT (site_id, ticket_id) DO UPDATE SET rating_id = excluded.rating_id, score = excluded.score, score_label = excluded.score_label,
         reasons = excluded.reasons, satisfied = excluded.satisfied, counter_id = excluded.counter_id, staff_id = excluded.staff_id, device_id = excluded.device_id,
         rated_at = excluded.rated_at, last_event_id = excluded.last_event_id`,
      [siteId, JSON.stringify(ratings)],
    );
  }
}
