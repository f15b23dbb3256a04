import { z } from 'zod';
import { PrintJob } from './printing';
import { Id, IsoTime, VnDate } from './scalars';
import { codePatternProblem } from './dossier-texts';

/** How a paper must be handed in. */
export const DocumentForm = z.enum(['original', 'copy', 'certified_copy', 'original_or_copy']);
export type DocumentForm = z.infer<typeof DocumentForm>;

export const RequiredDocument = z.object({
  name: z.string().min(1).max(300),
  form: DocumentForm,
  count: z.int().min(1).max(20),
  mandatory: z.boolean(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/**
 * A mandatory paper handed in fewer times than required: what the supplement request lists. One
 * rule for the hub (which refuses to receive such a dossier) and the counter's checklist.
 */
export const isPaperShort = (doc: RequiredDocument, received: number): boolean => doc.mandatory && received < doc.count;

export const Fee = z.object({ name: z.string().min(1).max(200), amount: z.int().min(0).max(1_000_000_000) });
export type Fee = z.infer<typeof Fee>;

/** Processing time as the procedure states it (domain-vn.md: working days, working hours, or same day). */
export const ProcessingTime = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working_days'), value: z.int().min(1).max(365) }),
  z.object({ unit: z.literal('working_hours'), value: z.int().min(1).max(2000) }),
  z.object({ unit: z.literal('same_day') }),
]);
export type ProcessingTime = z.infer<typeof ProcessingTime>;

/**
 * One version of an administrative procedure (TTHC). Codes are opaque (`1.000948.H38`,
 * `2.000635.000.00.00.H21`); a dossier keeps the version it was received under.
 */
export const ProcedureVersion = z.object({
  id: Id,
  code: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{2,59}$/, 'Mã thủ tục không hợp lệ'),
  version: z.int().min(1),
  name: z.string().min(1).max(500),
  field: z.string().max(200),
  authority: z.string().max(300),
  processing: ProcessingTime,
  documents: z.array(RequiredDocument).max(60),
  fees: z.array(Fee).max(20),
  result: z.string().max(500),
  validFrom: VnDate,
  active: z.boolean(),
  source: z.enum(['sample', 'import', 'sync', 'admin']),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;

/** Where a version stands today: in force, not yet (future "valid from"), replaced by a newer one, or switched off. */
export const ProcedureVersionState = z.enum(['in_force', 'future', 'superseded', 'inactive']);
export type ProcedureVersionState = z.infer<typeof ProcedureVersionState>;

export const DossierStatus = z.enum(['supplement_requested', 'refused', 'received', 'forwarded', 'processing', 'result_ready', 'returned', 'withdrawn']);
export type DossierStatus = z.infer<typeof DossierStatus>;

/**
 * A dossier in these statuses is with the back offices, which move it through the central; in
 * the others the desk's last step stands (docs/SYNC.md, field ownership). The hub and the central
 * both decide by this list.
 */
export const WITH_BACK_OFFICE: readonly DossierStatus[] = ['received', 'forwarded', 'processing', 'result_ready'];
export const isWithBackOffice = (status: string): boolean => (WITH_BACK_OFFICE as readonly string[]).includes(status);

/**
 * The steps of a dossier's lifecycle (main/core/dossier/lifecycle.ts says which status allows
 * which). `receive` after a supplement request is "the missing papers arrived";
 * `requestSupplement` on a received dossier is "the authority asks for more".
 */
/** The A4 forms of a dossier (Thông tư 01/2018/TT-VPCP): receipt, supplement request, refusal, apology, withdrawal, hand-over. */
export const DossierForm = z.enum(['receipt', 'supplementRequest', 'refusal', 'apology', 'withdrawal', 'handover']);
export type DossierForm = z.infer<typeof DossierForm>;

export const DossierAction = z.enum(['receive', 'requestSupplement', 'refuse', 'forward', 'startProcessing', 'resultReady', 'returnResult', 'withdraw', 'extend']);
export type DossierAction = z.infer<typeof DossierAction>;

export const Applicant = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    fullName: z.string().trim().min(2).max(120),
    /** CCCD (12 digits), or a passport number for foreigners. */
    idNumber: z.string().trim().max(20),
    dateOfBirth: VnDate.nullable(),
    address: z.string().trim().min(1).max(300),
    phone: z.string().trim().max(20),
    email: z.string().trim().max(120),
  }),
  z.object({
    kind: z.literal('organisation'),
    fullName: z.string().trim().min(2).max(200),
    /** Enterprise code / tax code. */
    idNumber: z.string().trim().max(20),
    representative: z.string().trim().max(120),
    address: z.string().trim().min(1).max(300),
    phone: z.string().trim().max(20),
    email: z.string().trim().max(120),
  }),
]);
export type Applicant = z.infer<typeof Applicant>;

export const ReceivedDocument = z.object({
  /** Index in the procedure version's document list. */
  index: z.int().min(0),
  count: z.int().min(0).max(50),
});

export const ReturnMethod = z.enum(['desk', 'post', 'online']);

/** What the officer enters at the desk, shared by receive / supplement request / refusal. */
export const IntakeInput = z.object({
  /** Generated by the form once: a double click or a retried request gives one dossier, not two. */
  requestId: Id,
  procedureCode: z.string().min(1).max(60),
  applicant: Applicant,
  documents: z.array(ReceivedDocument).max(60),
  sets: z.int().min(1).max(20),
  channel: z.enum(['direct', 'postal']),
  returnMethod: ReturnMethod,
  deliveryAddress: z.string().max(300),
  ticketId: Id.nullable(),
  note: z.string().max(1000),
  /** A return time chosen by the officer instead of the computed one, with the reason (recorded). */
  dueOverride: z.object({ dueAt: IsoTime, reason: z.string().trim().min(5).max(300) }).nullable(),
  /**
   * The officer saw that the hub's clock is off (CLOCK_SKEW_CONFIRM) and receives anyway: the
   * receipt and due times then come from that clock, and the confirmation is audited.
   */
  clockConfirmed: z.boolean().optional(),
});
export type IntakeInput = z.infer<typeof IntakeInput>;

export const DossierDocument = RequiredDocument.extend({ index: z.int(), received: z.int() });

export const DossierFile = z.object({
  id: Id,
  documentIndex: z.int().nullable(),
  fileName: z.string(),
  mime: z.string(),
  sha256: z.string(),
  size: z.int(),
  pages: z.int(),
  createdAt: IsoTime,
  purged: z.boolean(),
});

export const DossierEvent = z.object({
  type: z.string(),
  at: IsoTime,
  staffName: z.string().nullable(),
  text: z.string(),
});

export const Extension = z.object({ at: IsoTime, reason: z.string(), previousDueAt: IsoTime, newDueAt: IsoTime, late: z.boolean() });

/** A dossier as the counter sees it. `code` is null until the dossier is received complete. */
export const Dossier = z.object({
  id: Id,
  code: z.string().nullable(),
  lookupCode: z.string().nullable(),
  status: DossierStatus,
  /** What may be done with the dossier now, from the lifecycle table (the hub checks each step again). */
  allowedActions: z.array(DossierAction),
  /** The forms it has reasons to print (again): what happened to it decides. */
  printableForms: z.array(DossierForm),
  /** The procedure version the dossier was received under (a later version does not change it). */
  procedure: z.object({ id: Id, code: z.string(), version: z.int(), name: z.string(), field: z.string(), authority: z.string(), processing: ProcessingTime, result: z.string() }),
  applicant: Applicant,
  documents: z.array(DossierDocument),
  sets: z.int(),
  channel: z.enum(['direct', 'postal']),
  returnMethod: ReturnMethod,
  deliveryAddress: z.string(),
  fees: z.array(Fee),
  receivingUnit: z.string(),
  ticketId: Id.nullable(),
  officerName: z.string(),
  createdAt: IsoTime,
  receivedAt: IsoTime.nullable(),
  dueAt: IsoTime.nullable(),
  dueReason: z.string().nullable(),
  returnedAt: IsoTime.nullable(),
  /** Before, on or after the due time, once returned (KPI "Trước hạn / Đúng hạn / Quá hạn"). */
  timeliness: z.enum(['early', 'on_time', 'late']).nullable(),
  note: z.string(),
  extensions: z.array(Extension),
  files: z.array(DossierFile),
  history: z.array(DossierEvent),
});
export type Dossier = z.infer<typeof Dossier>;

/**
 * A dossier just received, with the 80 mm receipt slip queued for the counter's receipt printer.
 * `slip` is null when nothing was printed: the counter has no receipt printer, or (papers arriving
 * during processing) the dossier already had its code and its slip.
 */
export const ReceivedDossier = Dossier.extend({ slip: PrintJob.nullable() });
export type ReceivedDossier = z.infer<typeof ReceivedDossier>;

/** A search hit: no full ID number (lists are seen by people other than the officer). */
export const DossierSummary = z.object({
  id: Id,
  code: z.string().nullable(),
  status: DossierStatus,
  applicantName: z.string(),
  idNumberMasked: z.string(),
  procedureName: z.string(),
  receivedAt: IsoTime.nullable(),
  dueAt: IsoTime.nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** The dossier code's shape: `{agency}`, `{yymmdd}`, `{desk}` and `{seq}` (zero-padded, never truncated). */
export const DossierCodeSettings = z.object({
  pattern: z
    .string()
    .min(5)
    .max(80)
    .superRefine((p, ctx) => {
      const problem = codePatternProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Sites sharing one agency code get disjoint numbers through this part (e.g. "1", "2"). */
  deskPart: z.string().regex(/^[0-9A-Z]{0,4}$/, 'Phần mã bàn: tối đa 4 chữ số hoặc chữ in hoa'),
  sequenceWidth: z.int().min(4).max(8),
});
export type DossierCodeSettings = z.infer<typeof DossierCodeSettings>;

export const DossierSettings = z.object({
  code: DossierCodeSettings,
  /** Province of the working-day calendar to use (null = national schedule). */
  calendarProvince: z.string().max(80).nullable(),
  /** Scans of returned dossiers are deleted after this many days; null = kept. */
  scanRetentionDays: z.int().min(30).max(36500).nullable(),
  /** "Vào Sổ theo dõi hồ sơ, Quyển số …" printed on Mẫu 01. */
  registerBook: z.string().max(20),
  // The letterhead, the dateline's place and the authority come from the site's identity
  // (main/core/site-identity.ts); the signer is the dossier desk's own.
  /** Who signs letters (apology, withdrawal): title lines, then the name. */
  signerTitleLines: z.array(z.string().min(1).max(120)).max(4),
  signerName: z.string().max(120),
});
export type DossierSettings = z.infer<typeof DossierSettings>;
