import { z } from 'zod';
import { Applicant, DossierStatus } from '../../../contract/dossier';
import { Lang } from '../../../contract/locales';
import { TicketStatus } from '../../../contract/queue';
import type { WireEvent } from '../../../contract/sync';
import { dossierCodeSeqOf, sequencesReading, ticketNumberOf } from '../../core/restore-recovery';
import { vnDate } from '../../core/vn-time';
import type { DossierSettings } from '../../../contract/dossier';
import { applicantColumns, type DossierRow } from '../db/dossier-store';
import { TicketStore, type TicketRow } from '../db/ticket-store';
import type { RecoveryStore } from '../db/recovery-store';
import type { HubDeps } from '../hub/context';

// The payloads as this hub writes them (ticket-store.ts, rating-store.ts, dossier-store.ts), read
// leniently: only what a row here needs.
const TicketEvent = z.looseObject({
  eventId: z.string(), ticketId: z.string(), serviceDate: z.string(), serviceId: z.string(), displayCode: z.string(),
  priorityClassId: z.string().nullable(), status: TicketStatus, at: z.string(), counterId: z.string().nullable(),
  staffId: z.string().nullable(), deviceId: z.string().nullable(), data: z.record(z.string(), z.unknown()),
});
const RatingEvent = z.looseObject({
  ratingId: z.string(), ticketId: z.string(), counterId: z.string().nullable(), staffId: z.string().nullable(), deviceId: z.string().nullable(),
  score: z.string(), scoreLabel: z.string(), reasons: z.array(z.string()), at: z.string(),
});
const DossierEvent = z.looseObject({
  dossierId: z.string(), code: z.string().nullable(), status: DossierStatus, procedureCode: z.string(), procedureVersion: z.int(),
  applicant: Applicant, sets: z.int(), channel: z.enum(['direct', 'postal']), returnMethod: z.enum(['desk', 'post', 'online']),
  receivingUnit: z.string(), receivedAt: z.string().nullable(), dueAt: z.string().nullable(), returnedAt: z.string().nullable(),
  documents: z.array(z.object({ index: z.int(), name: z.string(), received: z.int() })),
  event: z.object({ type: z.string(), at: z.string(), staffId: z.string().nullable(), data: z.record(z.string(), z.unknown()) }),
});

/** What one recovered event did: the kind of row it rebuilt (`skipped`: none), and what staff should know (null: nothing). */
export interface Applied {
  readonly kind: 'ticket' | 'rating' | 'dossier' | 'other' | 'skipped';
  readonly line: string | null;
}
const skipped = (line: string | null): Applied => ({ kind: 'skipped', line });
const rebuilt = (kind: Applied['kind']): Applied => ({ kind, line: null });

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * Rebuilds at this hub what one of its own events, fetched back from the central, recorded — in
 * the caller's transaction, never through the outbox (the caller appends the event itself as it
 * was). A number or a code it carries moves the day's sequence past it even when the row cannot
 * be rebuilt: that is what keeps the desk from handing it out again.
 */
export function applyRecovered(deps: HubDeps, store: RecoveryStore, e: WireEvent): Applied {
  const payload: unknown = JSON.parse(e.payload);
  if (e.type.startsWith('ticket.')) {
    const p = TicketEvent.safeParse(payload);
    return p.success ? applyTicket(deps, store, e.type.slice('ticket.'.length), p.data) : unreadable(e);
  }
  if (e.type === 'rating.given') {
    const p = RatingEvent.safeParse(payload);
    return p.success ? applyRating(store, p.data) : unreadable(e);
  }
  if (e.type.startsWith('dossier.')) {
    const p = DossierEvent.safeParse(payload);
    return p.success ? applyDossier(deps, store, p.data) : unreadable(e);
  }
  return rebuilt('other');
}

const unreadable = (e: WireEvent): Applied => skipped(`Sự kiện số ${e.seq} (${e.type.slice(0, 40)}) không đọc được: bỏ qua.`);

/** A ticket's status as a row here can hold it: a call or a service in progress belonged to a counter session this copy never had. */
const storable = (s: TicketStatus): TicketRow['status'] => (s === 'called' || s === 'serving' ? 'skipped' : s);

function applyTicket(deps: HubDeps, store: RecoveryStore, type: string, p: z.infer<typeof TicketEvent>): Applied {
  if (store.hasTicketEvent(p.eventId)) return skipped(null);
  const at = Date.parse(p.at);
  const counterId = store.exists('counters', p.counterId) ? p.counterId : null;
  const staffId = store.exists('staff', p.staffId) ? p.staffId : null;
  let row = deps.tickets.row(p.ticketId);
  if (!row) {
    // Every sequence that could hand the number out again moves past it, even when the row cannot be rebuilt.
    for (const s of sequencesReading(p.displayCode, deps.catalog.services())) store.raiseLastNumber(s.sequenceId, p.serviceDate, s.number);
    const service = deps.catalog.service(p.serviceId);
    const number = service ? ticketNumberOf(p.displayCode, service.prefix) : null;
    if (!service || number === null) return skipped(`Số ${p.displayCode} ngày ${p.serviceDate}: dịch vụ không còn trong danh mục, không dựng lại được.`);
    const parent = typeof p.data.redirectedFrom === 'string' && store.exists('tickets', p.data.redirectedFrom) ? p.data.redirectedFrom : null;
    if (parent === null && store.ticketWithNumber(service.sequenceId, p.serviceDate, number) !== null) {
      return skipped(`Số ${p.displayCode} ngày ${p.serviceDate} đã được cấp lại cho người khác tại điểm này trong lúc chờ khôi phục.`);
    }
    const priority = p.priorityClassId !== null ? deps.catalog.priorityClass(p.priorityClassId) : null;
    const source = p.data.source === 'kiosk' || p.data.source === 'appointment' ? p.data.source : 'staff';
    row = TicketStore.newRow({
      id: p.ticketId, service_date: p.serviceDate, sequence_id: service.sequenceId, number, display_code: p.displayCode, service_id: p.serviceId,
      priority_class_id: priority?.id ?? null, priority_weight: priority?.weight ?? null, priority_label: priority?.label ?? null, source,
      issued_at: at, queue_entered_at: at, parent_ticket_id: parent,
      // The issued event names a language other than Vietnamese (ticket-handlers.ts).
      language: Lang.safeParse(p.data.language).data ?? 'vi',
    });
    deps.tickets.insert(row);
  }
  const patch: Partial<TicketRow> = { status: storable(p.status), service_id: deps.catalog.service(p.serviceId) ? p.serviceId : row.service_id };
  if (type === 'called') Object.assign(patch, { called_at: at, counter_id: counterId, staff_id: staffId });
  if (type === 'started') patch.started_at = at;
  if (type === 'finished' || type === 'redirected' || type === 'cancelled') patch.finished_at = at;
  if (type === 'recalled') patch.recall_count = row.recall_count + 1;
  if (type === 'returned') Object.assign(patch, { counter_id: null, staff_id: null });
  deps.tickets.update(row.id, patch);
  store.insertTicketEvent({
    eventId: p.eventId, ticketId: row.id, type, at, serviceDate: p.serviceDate, serviceId: p.serviceId, counterId: p.counterId,
    staffId: p.staffId, deviceId: p.deviceId, data: JSON.stringify(p.data),
  });
  return rebuilt('ticket');
}

function applyRating(store: RecoveryStore, p: z.infer<typeof RatingEvent>): Applied {
  if (!store.exists('tickets', p.ticketId)) return skipped('Một đánh giá của lượt phục vụ không còn tại điểm này: bỏ qua.');
  store.insertRating({
    id: p.ratingId, ticketId: p.ticketId, counterId: store.exists('counters', p.counterId) ? p.counterId : null,
    staffId: store.exists('staff', p.staffId) ? p.staffId : null, deviceId: store.exists('devices', p.deviceId) ? p.deviceId : null,
    score: p.score, scoreLabel: p.scoreLabel, reasons: JSON.stringify(p.reasons), at: Date.parse(p.at),
  });
  return rebuilt('rating');
}

function applyDossier(deps: HubDeps, store: RecoveryStore, p: z.infer<typeof DossierEvent>): Applied {
  const receivedAt = ms(p.receivedAt);
  const codeSeq = p.code !== null && receivedAt !== null ? raiseCode(deps, store, p.code, vnDate(receivedAt)) : null;
  const at = Date.parse(p.event.at);
  const staffId = store.exists('staff', p.event.staffId) ? p.event.staffId : null;
  const fields = {
    status: p.status, ...applicantColumns(p.applicant), sets: p.sets, channel: p.channel, return_method: p.returnMethod,
    receiving_unit: p.receivingUnit, received_at: receivedAt, due_at: ms(p.dueAt), returned_at: ms(p.returnedAt),
  };
  const existing = deps.dossiers.row(p.dossierId);
  const label = p.code ?? 'chưa có mã';
  if (p.code !== null && store.dossierWithCode(p.code) !== null && store.dossierWithCode(p.code) !== p.dossierId) {
    return skipped(`Mã hồ sơ ${p.code} đã được cấp lại cho một hồ sơ khác tại điểm này trong lúc chờ khôi phục: cần xử lý ngay.`);
  }
  if (existing) {
    deps.dossiers.update(p.dossierId, { ...fields, code: p.code, code_seq: existing.code_seq ?? codeSeq }, at);
  } else {
    const procedureId = store.procedureVersionId(p.procedureCode, p.procedureVersion);
    if (procedureId === null || staffId === null) {
      return skipped(`Hồ sơ ${label}: thủ tục hoặc cán bộ tiếp nhận không có tại điểm này, không dựng lại được (máy chủ tỉnh vẫn giữ hồ sơ).`);
    }
    const procedure = deps.dossiers.procedureVersion(procedureId)!;
    const row: DossierRow = {
      id: p.dossierId, request_id: `khoi-phuc:${p.dossierId}`, code: p.code, code_seq: codeSeq, lookup_code: null, procedure_version_id: procedureId,
      delivery_address: '', ticket_id: null, officer_id: staffId, created_at: at, due_reason: null, note: '', updated_at: at, ...fields,
    };
    deps.dossiers.insert(row, p.documents.map((d) => {
      const doc = procedure.documents[d.index];
      return { idx: d.index, name: d.name, form: doc?.form ?? 'copy', count: doc?.count ?? 1, mandatory: doc?.mandatory ? 1 : 0, received: d.received };
    }));
  }
  store.insertDossierEvent(p.dossierId, p.event.type, at, staffId, JSON.stringify(p.event.data));
  if (existing) return rebuilt('dossier');
  return { kind: 'dossier', line: `Hồ sơ ${label}: đã dựng lại từ máy chủ tỉnh; mã tra cứu trên giấy biên nhận, ghi chú, địa chỉ nhận kết quả và bản quét không có trong dữ liệu đồng bộ.` };
}

/** Moves the code sequence of the code's day past it, when the code is one the current settings could make. */
function raiseCode(deps: HubDeps, store: RecoveryStore, code: string, date: string): number | null {
  const settings = deps.site.get<DossierSettings>('dossiers')!.code;
  const agency = deps.site.site().agencyCode.trim();
  const seq = dossierCodeSeqOf(settings, agency, date, code);
  if (seq !== null) store.raiseCodeSeq(agency, settings.deskPart, date, seq);
  return seq;
}
