import { z } from 'zod';
import { AgencyCode } from './agency-code';
import { Lang } from './locales';
import { Face, PriorityIcon, ServiceIcon } from './pictograms';
import { PrintingSettings } from './printing';
import { HhMm, HhMmEnd, Id, IsoTime, VnDate } from './scalars';

export { HhMm, HhMmEnd, Id, IsoTime, VnDate };

export const TimeWindow = z
  .object({ from: HhMm, to: HhMmEnd })
  .refine((w) => w.from < w.to, { message: 'Giờ bắt đầu phải trước giờ kết thúc' });
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Seven lists of windows, index 0 = Chủ nhật … 6 = Thứ bảy, in Vietnam time. */
export const WeeklyHours = z.array(z.array(TimeWindow).max(6)).length(7);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** The usual hours of a commune desk, Monday to Friday: what the setup wizard proposes. */
export const USUAL_HOURS: WeeklyHours = [[], ...Array.from({ length: 5 }, () => [{ from: '07:00', to: '11:30' }, { from: '13:00', to: '17:00' }]), []];

export const PriorityMode = z.enum(['both', 'normal', 'priority']);
export type PriorityMode = z.infer<typeof PriorityMode>;

export const NumberSequenceFields = z.object({
  id: Id,
  code: z.string().min(1).max(32),
  rangeStart: z.int().min(0).max(999_999),
  rangeEnd: z.int().min(1).max(999_999),
  step: z.int().min(1).max(1000),
  padWidth: z.int().min(1).max(6),
});
export const rangeIsOrdered = [
  (s: { rangeStart: number; rangeEnd: number }) => s.rangeStart <= s.rangeEnd,
  { message: 'Số bắt đầu phải nhỏ hơn hoặc bằng số kết thúc' },
] as const;
export const NumberSequence = NumberSequenceFields.refine(...rangeIsOrdered);
export type NumberSequence = z.infer<typeof NumberSequence>;

export const Service = z.object({
  id: Id,
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(120),
  nameEn: z.string().max(120),
  hint: z.string().max(200),
  hintEn: z.string().max(200),
  /** Its pictogram on the kiosk's tile and the TV (contract/pictograms.ts). */
  icon: ServiceIcon.default('generic'),
  /** Ticket prefix: one to three capital letters. */
  prefix: z.string().regex(/^[A-Z]{1,3}$/, 'Tiền tố là 1–3 chữ cái in hoa không dấu'),
  sequenceId: Id,
  priorityMode: PriorityMode,
  dailyCap: z.int().min(1).nullable(),
  /** null = the site's hours for taking numbers. */
  hours: WeeklyHours.nullable(),
  defaultServiceMinutes: z.int().min(1).max(240),
  /** A ticket waiting longer than this is called first; null = the site's rule. */
  maxWaitMinutes: z.int().min(1).max(600).nullable(),
  active: z.boolean(),
  sortOrder: z.int(),
});
export type Service = z.infer<typeof Service>;

export const PriorityClass = z.object({
  id: Id,
  code: z.string().min(1).max(32),
  label: z.string().min(1).max(80),
  labelEn: z.string().max(80),
  /** Its pictogram on the kiosk's button (elderly, disabled, pregnant, child…). */
  icon: PriorityIcon.default('generic'),
  /** Higher is called first among priority tickets. */
  weight: z.int().min(1).max(100),
  active: z.boolean(),
  sortOrder: z.int(),
});
export type PriorityClass = z.infer<typeof PriorityClass>;

export const CounterKind = z.enum(['quay', 'phong', 'ban']);
export const CounterMode = z.enum(['all', 'normal', 'priority']);
export type CounterMode = z.infer<typeof CounterMode>;

export const CounterSkill = z.object({ serviceId: Id, weight: z.int().min(1).max(100) });
export type CounterSkill = z.infer<typeof CounterSkill>;

export const Counter = z.object({
  id: Id,
  number: z.int().min(1).max(999),
  label: z.string().min(1).max(60),
  kind: CounterKind,
  mode: CounterMode,
  skills: z.array(CounterSkill),
  active: z.boolean(),
});
export type Counter = z.infer<typeof Counter>;

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'skipped', 'finished', 'cancelled', 'redirected']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TicketSource = z.enum(['kiosk', 'staff', 'appointment']);

/**
 * How long a newcomer will wait. `range`: counters are serving the service, "khoảng 15–20 phút".
 * `noCounter`: no open, unpaused counter serves it, so any number of minutes would be a promise
 * nobody keeps; `opensAt` is the start of the desk's next working session today when the hub is
 * between sessions (lunch, early morning), else null (the counters should be open and are not).
 * `text` is the Vietnamese the ticket, the kiosk and the citizen's page show.
 */
export const WaitEstimate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), minMinutes: z.int().min(1), maxMinutes: z.int().min(1), text: z.string() }),
  z.object({ kind: z.literal('noCounter'), opensAt: HhMm.nullable(), text: z.string() }),
]);
export type WaitEstimate = z.infer<typeof WaitEstimate>;

export const Ticket = z.object({
  id: Id,
  serviceDate: VnDate,
  number: z.int(),
  displayCode: z.string(),
  serviceId: Id,
  serviceName: z.string(),
  priorityClassId: Id.nullable(),
  priorityLabel: z.string().nullable(),
  /** The language the citizen took the number in: the ticket, its page, the TV line and the rating tablet speak it. */
  language: Lang,
  source: TicketSource,
  status: TicketStatus,
  issuedAt: IsoTime,
  queueEnteredAt: IsoTime,
  calledAt: IsoTime.nullable(),
  startedAt: IsoTime.nullable(),
  finishedAt: IsoTime.nullable(),
  counterId: Id.nullable(),
  counterNumber: z.int().nullable(),
  staffId: Id.nullable(),
  recallCount: z.int(),
  parentTicketId: Id.nullable(),
  /** Set by a transfer to one counter: only that counter calls it. */
  reservedCounterId: Id.nullable(),
  /**
   * A checked-in booking's slot time in Vietnam ("09:00"), shown as "Hẹn 09:00" on the ticket and
   * the screens; null for a walk-in. Optional so screens built before appointments still parse.
   */
  appointmentTime: HhMm.nullable().optional(),
});
export type Ticket = z.infer<typeof Ticket>;

export const CallReasonCode = z.enum(['priority', 'interleave', 'max_wait', 'skill', 'fifo', 'service', 'specific', 'reserved', 'appointment']);
export type CallReasonCode = z.infer<typeof CallReasonCode>;
export const CallReason = z.object({ code: CallReasonCode, text: z.string() });
export type CallReason = z.infer<typeof CallReason>;

/** What the officer can do at the desk; the hub decides which are available now (main/core/counter-desk.ts). */
export const DeskAction = z.enum(['callNext', 'recall', 'start', 'finish', 'skip', 'transfer', 'redirect', 'callSpecific', 'pause', 'resume', 'callFromService', 'reprint', 'intake', 'absentList', 'printJobs']);
export type DeskAction = z.infer<typeof DeskAction>;
export const DeskActionView = z.object({
  action: DeskAction,
  /** The keyboard shortcut, as the browser names it ("F6", "Shift+F1"). */
  key: z.string(),
  label: z.string(),
  variant: z.enum(['primary', 'secondary', 'danger']),
  enabled: z.boolean(),
});
export type DeskActionView = z.infer<typeof DeskActionView>;

/**
 * The counter's last absent mark or transfer while it may still be undone: the hub decides the
 * window (main/core/counter-undo.ts), the desk shows `text` with Ctrl+Z until `until` (hub time).
 */
export const CounterUndo = z.object({
  ticketId: Id,
  displayCode: z.string(),
  action: z.enum(['skip', 'transfer']),
  text: z.string(),
  until: IsoTime,
});
export type CounterUndo = z.infer<typeof CounterUndo>;

/** What a display receives: no personal data, ever. `id` increases with every call and recall. */
export const Call = z.object({
  id: z.int().min(1),
  at: IsoTime,
  kind: z.enum(['call', 'recall']),
  ticketId: Id,
  displayCode: z.string(),
  counterId: Id,
  counterNumber: z.int(),
  counterLabel: z.string(),
  serviceId: Id,
  serviceName: z.string(),
  /** The ticket's language: the TV adds a line (and a voice, where it has a clip set) in it. */
  language: Lang,
  /**
   * A checked-in booking's slot time ("09:00"): the TV says "Lịch hẹn 09:00" under the call, so the
   * walk-ins who see a later number called first know why (docs/APPOINTMENTS.md). Null for a walk-in.
   */
  appointmentTime: HhMm.nullable(),
});
export type Call = z.infer<typeof Call>;

export const CallingRules = z.object({
  /** After this many priority calls in a row at a counter, the next call takes the oldest normal ticket; null = strict priority. */
  interleaveAfterPriority: z.int().min(1).max(20).nullable(),
  /** A ticket waiting longer is called first (a service may set its own); null = off. */
  maxWaitMinutes: z.int().min(1).max(600).nullable(),
  /** Order by the counter's skill weight before time. */
  useSkillWeights: z.boolean(),
});
export type CallingRules = z.infer<typeof CallingRules>;

const Choice = z.object({ code: z.string().regex(/^[a-z0-9_]{1,40}$/), label: z.string().min(1).max(80), labelEn: z.string().max(80) });

export const RatingSettings = z.object({
  question: z.string().min(1).max(200),
  questionEn: z.string().max(200),
  /** Best first; the scale is configurable because the official one is not fixed. */
  scale: z.array(Choice).min(2).max(5),
  /** Optional reasons a citizen may tick (mostly when not satisfied). */
  reasons: z.array(Choice).max(10),
});
export type RatingSettings = z.infer<typeof RatingSettings>;

/**
 * The question as the tablet puts it to one citizen: in the language of the ticket rated
 * (main/core/citizen-language.ts picks the words, falling back to Vietnamese), each level with its face.
 */
export const RatingAsk = z.object({
  language: Lang,
  question: z.string(),
  scale: z.array(z.object({ code: z.string(), label: z.string(), face: Face })),
  reasons: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type RatingAsk = z.infer<typeof RatingAsk>;

/**
 * Whether the tablet asks "why?" after this score: for the lower half of the scale (the scale is
 * best first), and only if the site lists reasons. A satisfied citizen is thanked at once; one who
 * is not gets a second, optional step instead of a form to fill in before answering.
 */
export function asksWhy(settings: RatingSettings, score: string): boolean {
  const i = settings.scale.findIndex((s) => s.code === score);
  return settings.reasons.length > 0 && i >= lowerHalfStart(settings.scale.length);
}

/** Where the lower half of a scale of `levels` (best first) starts: the middle of an odd scale is in the upper half. */
export function lowerHalfStart(levels: number): number {
  return Math.ceil(levels / 2);
}

/**
 * Who the site is, typed once by the admin (the setup wizard, then Quản trị → Đơn vị): every
 * paper, ticket and screen reads it. The A4 forms' letterhead, dateline and the authority named
 * in letters are derived from it (main/core/site-identity.ts), never kept as a second copy.
 */
export const SiteIdentity = z.object({
  /** The unit as printed on papers and shown on screens: "Bộ phận Một cửa xã Ia Dom". */
  name: z.string().trim().min(1, 'Hãy nhập tên đơn vị.').max(160),
  /** Its superior body (cơ quan chủ quản), the letterhead's first line: "UBND xã Ia Dom"; may be empty. */
  superiorBody: z.string().trim().max(160),
  province: z.string().trim().min(1, 'Hãy nhập tỉnh / thành phố.').max(80),
  /** Commune or ward: the place of the dateline "Ia Dom, ngày … tháng … năm …". */
  commune: z.string().trim().min(1, 'Hãy nhập xã / phường.').max(80),
  address: z.string().trim().max(200),
  /** Mã định danh cơ quan: the first part of every dossier code. */
  agencyCode: AgencyCode,
});
export type SiteIdentity = z.infer<typeof SiteIdentity>;

/** The identity's fields, in the wizard's order. */
export const setupFields = ['name', 'superiorBody', 'province', 'commune', 'address', 'agencyCode'] as const satisfies readonly (keyof SiteIdentity)[];
export type SetupField = (typeof setupFields)[number];

export const Site = z.object({
  // Read back as stored; what is saved was checked by SiteIdentity.
  name: z.string().min(1).max(160),
  superiorBody: z.string().max(160),
  province: z.string().max(80),
  commune: z.string().max(80),
  address: z.string().max(200),
  agencyCode: z.string().max(40),
  queueHours: WeeklyHours,
  callingRules: CallingRules,
  ticker: z.string().max(500),
  /** The kiosk's first language; a citizen may switch per number. */
  language: Lang,
  rating: RatingSettings,
  printing: PrintingSettings,
  /**
   * True while the site runs on the sample data of "Dùng thử với dữ liệu mẫu": every paper is
   * marked DỮ LIỆU MẪU and real intake is refused, until the admin saves a real identity.
   */
  sampleData: z.boolean(),
});
export type Site = z.infer<typeof Site>;
