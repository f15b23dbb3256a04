import { z } from 'zod';
import { DossierStatus } from '../../contract/dossier';
import { TicketStatus } from '../../contract/queue';
import { Int32, StorableDate, StorableTime, unstorableJson } from '../sync/storable';
import { cleanText } from '../../contract/safe-text';
import { appointmentSchemas, type AppointmentEvent } from '../appointments/events';

/**
 * What the projector understands of an event, whatever version it arrived in. A decoder per
 * `type@version` turns a payload into this; a newer version is supported by adding its decoder
 * (an upcaster), and `POST /admin/reproject` then projects what was stored raw.
 */
export type Decoded =
  | { readonly kind: 'ticket'; readonly type: string; readonly p: TicketPayload }
  | { readonly kind: 'dossier'; readonly p: DossierPayload }
  | { readonly kind: 'rating'; readonly p: RatingPayload }
  /** Applied to the stored bookings, not folded (central/appointments/events.ts). */
  | { readonly kind: 'appointment'; readonly e: AppointmentEvent };

export type DecodeResult = { readonly ok: true; readonly event: Decoded } | { readonly ok: false; readonly code: string; readonly message: string };
export type Decoder = (payload: unknown, aggregateId: string) => DecodeResult;
export type Decoders = ReadonlyMap<string, Decoder>;

const Meta = z.record(z.string(), z.unknown());

// Payload shapes as the hub writes them (main/node/db/ticket-store.ts, dossier-store.ts,
// rating-store.ts). Lenient where the site's own rules already decided (names, papers): the
// central records what the desk did, it does not re-judge intake.
export const TicketPayload = z.object({
  ticketId: z.uuid(),
  serviceDate: StorableDate,
  serviceId: z.string().min(1),
  displayCode: z.string(),
  priorityClassId: z.string().nullable(),
  status: TicketStatus,
  at: StorableTime,
  counterId: z.string().nullable(),
  staffId: z.string().nullable(),
  deviceId: z.string().nullable(),
  data: Meta,
});
export type TicketPayload = z.infer<typeof TicketPayload>;

export const DossierPayload = z.looseObject({
  dossierId: z.uuid(),
  code: z.string().nullable(),
  status: DossierStatus,
  procedureCode: z.string(),
  procedureVersion: Int32,
  procedureName: z.string(),
  applicant: z.looseObject({ kind: z.enum(['person', 'organisation']), fullName: z.string() }),
  receivingUnit: z.string(),
  receivedAt: StorableTime.nullable(),
  dueAt: StorableTime.nullable(),
  returnedAt: StorableTime.nullable(),
  event: z.object({ type: z.string(), at: StorableTime, staffId: z.string().nullable(), data: Meta }),
});
export type DossierPayload = z.infer<typeof DossierPayload>;

export const RatingPayload = z.object({
  ratingId: z.uuid(),
  ticketId: z.uuid(),
  counterId: z.string().nullable(),
  staffId: z.string().nullable(),
  deviceId: z.string().nullable(),
  score: z.string().min(1),
  scoreLabel: z.string(),
  /** On the site's own scale (hubs since issue 12); absent from older hubs' ratings. */
  satisfied: z.boolean().optional(),
  reasons: z.array(z.string()),
  at: StorableTime,
});
export type RatingPayload = z.infer<typeof RatingPayload>;

const invalid = (error: z.ZodError): DecodeResult => ({
  ok: false,
  code: 'PAYLOAD_INVALID',
  // Echoed to the hub and its staff: never a character that breaks either (the issues quote the payload).
  message: cleanText(`Nội dung sự kiện không đúng định dạng: ${error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ')}`.slice(0, 500)),
});
const mismatch: DecodeResult = { ok: false, code: 'AGGREGATE_MISMATCH', message: 'Mã đối tượng của sự kiện không khớp với nội dung.' };

const ticketV1 = (type: string): Decoder => (payload, aggregateId) => {
  const r = TicketPayload.safeParse(payload);
  if (!r.success) return invalid(r.error);
  if (r.data.ticketId !== aggregateId) return mismatch;
  return { ok: true, event: { kind: 'ticket', type, p: r.data } };
};

const dossierV1 = (type: string): Decoder => (payload, aggregateId) => {
  const r = DossierPayload.safeParse(payload);
  if (!r.success) return invalid(r.error);
  if (r.data.dossierId !== aggregateId) return mismatch;
  if (r.data.event.type !== type) return { ok: false, code: 'TYPE_MISMATCH', message: `Sự kiện loại dossier.${type} nhưng nội dung ghi ${r.data.event.type}.` };
  return { ok: true, event: { kind: 'dossier', p: r.data } };
};

const ratingV1: Decoder = (payload, aggregateId) => {
  const r = RatingPayload.safeParse(payload);
  if (!r.success) return invalid(r.error);
  if (r.data.ticketId !== aggregateId) return mismatch;
  return { ok: true, event: { kind: 'rating', p: r.data } };
};

// A booking's events name it as their aggregate; the rules are the site's one `appointment-rules`.
const appointmentV1 = (type: keyof typeof appointmentSchemas): Decoder => (payload, aggregateId) => {
  const { type: kind, schema } = appointmentSchemas[type];
  const r = schema.safeParse(payload);
  if (!r.success) return invalid(r.error);
  if ('id' in r.data && r.data.id !== aggregateId) return mismatch;
  return { ok: true, event: { kind: 'appointment', e: { type: kind, p: r.data } as AppointmentEvent } };
};

const TICKET_EVENTS = ['issued', 'called', 'recalled', 'started', 'finished', 'skipped', 'returned', 'transferred', 'redirected', 'cancelled'] as const;
// `applicant_updated` is not in the first list of docs/SYNC.md but the hub sends it (dossier
// handlers: correcting an applicant's details); `rated` is a citizen's rating of the dossier at
// the tablet (its data: score, reasons, counter, officer). Both carry the same snapshot as the others.
const DOSSIER_EVENTS = [
  'received', 'supplement_requested', 'refused', 'forward', 'startProcessing', 'resultReady', 'returned', 'extended', 'withdrawn',
  'supplement_received', 'applicant_updated', 'rated',
] as const;

/** The event versions this central projects. */
export const decodersV1: Decoders = new Map<string, Decoder>([
  ...TICKET_EVENTS.map((t): [string, Decoder] => [`ticket.${t}@1`, ticketV1(t)]),
  ...DOSSIER_EVENTS.map((t): [string, Decoder] => [`dossier.${t}@1`, dossierV1(t)]),
  ['rating.given@1', ratingV1],
  ...Object.keys(appointmentSchemas).map((t): [string, Decoder] => [`${t}@1`, appointmentV1(t as keyof typeof appointmentSchemas)]),
]);

/** An event as the projector sees it: `null` when no decoder knows its type and version. */
export function decode(decoders: Decoders, type: string, version: number, aggregateId: string, payload: string): DecodeResult | null {
  const decoder = decoders.get(`${type}@${version}`);
  if (!decoder) return null;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, code: 'PAYLOAD_NOT_JSON', message: 'Nội dung sự kiện không phải JSON hợp lệ.' };
  }
  // What the projections would refuse to store (jsonb, text, the JSON parser's stack) is refused
  // here, before the database: the fold in JS and the stored projections then agree on it.
  const unstorable = unstorableJson(json);
  if (unstorable !== null) return { ok: false, code: 'PAYLOAD_NOT_STORABLE', message: `Nội dung sự kiện không lưu được: ${unstorable}.` };
  return decoder(json, aggregateId);
}
