import { decode, type Decoded, type Decoders, type DossierPayload, type TicketPayload } from './decode';
import { StorableTime } from '../sync/storable';
import { satisfiedOf } from './satisfied';

/** A projected ticket (columns of `tickets`, timestamps as ISO strings in UTC). */
export interface TicketState {
  ticketId: string;
  serviceDate: string;
  serviceId: string;
  displayCode: string;
  priorityClassId: string | null;
  status: string;
  issuedAt: string | null;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The first call: the wait the hub's reports measure runs from issue to it (main/core/reports/queue.ts). */
  firstCalledAt: string | null;
  /** The counter and officer of the latest call. */
  counterId: string | null;
  staffId: string | null;
  recallCount: number;
  /** Issued as the continuation of a ticket redirected to another service: the same citizen, not a new arrival. */
  continues: boolean;
  lastEventType: string;
  lastEventId: number;
}

/** A projected dossier: the site-owned part (the central-owned processing_* columns are not folded). */
export interface DossierState {
  dossierId: string;
  code: string | null;
  status: string;
  procedureCode: string;
  procedureVersion: number;
  procedureName: string;
  applicantKind: string;
  applicantName: string;
  receivingUnit: string;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  /**
   * The history the reports score by, as the hub's do (main/core/reports/dossiers.ts): handled
   * when the result first became ready, against the due time before the first extension.
   */
  resultReadyAt: string | null;
  firstPreviousDueAt: string | null;
  /** The citizen's rating of the dossier at the tablet (one per dossier), and whether it was satisfied. */
  ratedAt: string | null;
  ratingSatisfied: boolean | null;
  /** The site's latest snapshot of the dossier, without the event part. */
  snapshot: Record<string, unknown>;
  lastEventType: string;
  lastEventAt: string;
  lastEventId: number;
}

export interface RatingState {
  ticketId: string;
  ratingId: string;
  score: string;
  scoreLabel: string;
  reasons: string[];
  satisfied: boolean;
  counterId: string | null;
  staffId: string | null;
  deviceId: string | null;
  ratedAt: string;
  lastEventId: number;
}

/** The aggregates a fold touches, with what they were before (null = not there yet). */
export class Working {
  readonly tickets = new Map<string, TicketState | null>();
  readonly dossiers = new Map<string, DossierState | null>();
  readonly ratings = new Map<string, RatingState | null>();
  readonly changed = { tickets: new Set<string>(), dossiers: new Set<string>(), ratings: new Set<string>() };
}

/** An event as stored in `events`. */
export interface StoredEvent {
  readonly id: number;
  readonly type: string;
  readonly version: number;
  readonly aggregateId: string;
  readonly payload: string;
}

export type Verdict = { readonly kind: 'applied' } | { readonly kind: 'unknown' } | { readonly kind: 'rejected'; readonly code: string; readonly message: string };

const utc = (iso: string): string => new Date(iso).toISOString();
const utcOrNull = (iso: string | null): string | null => (iso === null ? null : utc(iso));

function foldTicket(prev: TicketState | null, type: string, e: TicketPayload, id: number): TicketState {
  const at = utc(e.at);
  const base: TicketState = prev ?? {
    ticketId: e.ticketId, serviceDate: e.serviceDate, serviceId: e.serviceId, displayCode: e.displayCode, priorityClassId: e.priorityClassId,
    status: e.status, issuedAt: null, calledAt: null, firstCalledAt: null, startedAt: null, finishedAt: null, counterId: null, staffId: null,
    recallCount: 0, continues: false, lastEventType: type, lastEventId: id,
  };
  // Every event carries the ticket as it is after the change (status, service after a transfer).
  const next: TicketState = {
    ...base, serviceDate: e.serviceDate, serviceId: e.serviceId, displayCode: e.displayCode, priorityClassId: e.priorityClassId,
    status: e.status, lastEventType: type, lastEventId: id,
  };
  switch (type) {
    case 'issued': return { ...next, issuedAt: at, continues: base.continues || typeof e.data.redirectedFrom === 'string' };
    case 'called': return { ...next, calledAt: at, firstCalledAt: base.firstCalledAt ?? at, counterId: e.counterId, staffId: e.staffId };
    case 'recalled': return { ...next, recallCount: base.recallCount + 1 };
    case 'started': return { ...next, startedAt: at };
    case 'finished':
    case 'redirected': return { ...next, finishedAt: at };
    default: return next;
  }
}

/**
 * A time in an event's data, or null when absent or not one the projections can store (the data
 * is the hub's free-form part: a year 0000 there must not fail the push of every event behind it).
 */
function dataTime(v: unknown): string | null {
  return StorableTime.safeParse(v).success ? utc(v as string) : null;
}

function foldDossier(prev: DossierState | null, p: DossierPayload, id: number): DossierState {
  const { event, ...snapshot } = p;
  const at = utc(event.at);
  const rated = event.type === 'rated' && prev?.ratedAt == null;
  return {
    dossierId: p.dossierId, code: p.code, status: p.status, procedureCode: p.procedureCode, procedureVersion: p.procedureVersion,
    procedureName: p.procedureName, applicantKind: p.applicant.kind, applicantName: p.applicant.fullName, receivingUnit: p.receivingUnit,
    receivedAt: utcOrNull(p.receivedAt), dueAt: utcOrNull(p.dueAt), returnedAt: utcOrNull(p.returnedAt),
    resultReadyAt: prev?.resultReadyAt ?? (event.type === 'resultReady' ? at : null),
    firstPreviousDueAt: prev?.firstPreviousDueAt ?? (event.type === 'extended' ? dataTime(event.data.previousDueAt) : null),
    ratedAt: rated ? at : (prev?.ratedAt ?? null),
    ratingSatisfied: rated ? satisfiedOf(String(event.data.score), event.data.satisfied) : (prev?.ratingSatisfied ?? null),
    snapshot, lastEventType: event.type, lastEventAt: utc(event.at), lastEventId: id,
  };
}

/**
 * Applies one decoded event to the working set. The aggregate must have been loaded into `w`
 * (with null when it does not exist); a fold from nothing starts with an empty Working.
 */
export function applyDecoded(w: Working, d: Decoded, id: number): Verdict {
  switch (d.kind) {
    case 'ticket': {
      w.tickets.set(d.p.ticketId, foldTicket(w.tickets.get(d.p.ticketId) ?? null, d.type, d.p, id));
      w.changed.tickets.add(d.p.ticketId);
      return { kind: 'applied' };
    }
    case 'dossier': {
      // Each dossier event carries the whole site-owned snapshot: the latest one is the state, but
      // for the few instants of its history the reports need.
      w.dossiers.set(d.p.dossierId, foldDossier(w.dossiers.get(d.p.dossierId) ?? null, d.p, id));
      w.changed.dossiers.add(d.p.dossierId);
      return { kind: 'applied' };
    }
    case 'rating': {
      const prev = w.ratings.get(d.p.ticketId) ?? null;
      if (prev && prev.ratingId !== d.p.ratingId) {
        return { kind: 'rejected', code: 'RATING_DUPLICATE', message: 'Lượt phục vụ này đã có một đánh giá khác; đánh giá sau không được tính.' };
      }
      const r = d.p;
      w.ratings.set(r.ticketId, {
        ticketId: r.ticketId, ratingId: r.ratingId, score: r.score, scoreLabel: r.scoreLabel, reasons: r.reasons,
        satisfied: satisfiedOf(r.score, r.satisfied), counterId: r.counterId,
        staffId: r.staffId, deviceId: r.deviceId, ratedAt: utc(r.at), lastEventId: id,
      });
      w.changed.ratings.add(r.ticketId);
      return { kind: 'applied' };
    }
    // Applied to the stored bookings by projectNew (central/appointments/events.ts), whose state
    // includes the central's own online bookings: the fold of the site's figures passes them by.
    case 'appointment':
      return { kind: 'applied' };
  }
}

/** Which folded aggregate a decoded event touches (to load it before folding); null for an appointment's. */
export function aggregateOf(d: Decoded): { table: 'tickets' | 'dossiers' | 'ratings'; id: string } | null {
  switch (d.kind) {
    case 'ticket': return { table: 'tickets', id: d.p.ticketId };
    case 'dossier': return { table: 'dossiers', id: d.p.dossierId };
    case 'rating': return { table: 'ratings', id: d.p.ticketId };
    case 'appointment': return null;
  }
}

/**
 * The projections of a list of events folded from nothing, in the order given (arrival order):
 * the definition the stored projections must equal, and what a refold computes.
 */
export function foldAll(events: readonly StoredEvent[], decoders: Decoders): { working: Working; verdicts: Map<number, Verdict> } {
  const w = new Working();
  const verdicts = new Map<number, Verdict>();
  for (const e of events) {
    const r = decode(decoders, e.type, e.version, e.aggregateId, e.payload);
    verdicts.set(e.id, r === null ? { kind: 'unknown' } : r.ok ? applyDecoded(w, r.event, e.id) : { kind: 'rejected', code: r.code, message: r.message });
  }
  return { working: w, verdicts };
}
