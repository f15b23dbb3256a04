import { z } from 'zod';
import { DossierStatus } from './dossier';
import { PrinterLive } from './printing';
import { Id, IsoTime, VnDate } from './scalars';

/**
 * The hub's reports (issue 12): what the head of a desk is scored on, computed from the logs the
 * hub keeps (ticket events, dossier history, ratings). Periods are Vietnam dates, both ends
 * included. An officer's call is narrowed to his own figures by the hub (`scope` says so).
 */

/**
 * The longest period a report covers: a year (a leap year's 366 days), what the head of a desk is
 * judged on. The reports run in a thread of their own with its own connection, so a long period
 * does not hold up ticket issue; a year of a busy centre (a million dossiers) still takes a few
 * seconds there (docs/PERFORMANCE.md "Reports"), and longer periods are for the province's server.
 */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;
const daysIn = (p: { from: string; to: string }) => Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY_MS) + 1;

/** A period with its Vietnamese complaints: from after to, or longer than a year. */
function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu' });
  else if (daysIn(p) > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Khoảng thời gian báo cáo dài nhất là ${MAX_REPORT_DAYS} ngày (một năm)` });
}

const period = { from: VnDate, to: VnDate };

/** Queue and satisfaction filters: where a ticket was served (or left) and who served it. */
export const QueueReportInput = z
  .object({ ...period, serviceId: Id.optional(), counterId: Id.optional(), staffId: Id.optional() })
  .strict()
  .superRefine(checkPeriod);
export type QueueReportInput = z.infer<typeof QueueReportInput>;

export const DossierChannel = z.enum(['direct', 'postal']);

/** Dossier filters: the procedure (by code, every version), how it came in, the officer who took it in. */
export const DossierReportInput = z
  .object({ ...period, procedureCode: z.string().min(1).max(60).optional(), channel: DossierChannel.optional(), staffId: Id.optional() })
  .strict()
  .superRefine(checkPeriod);
export type DossierReportInput = z.infer<typeof DossierReportInput>;

/** Whose figures these are: the whole site, or one officer (always himself for an officer). */
export const ReportScope = z.object({
  from: VnDate,
  to: VnDate,
  staffId: Id.nullable(),
  /** True when the hub narrowed the report to the caller (an officer sees only his own figures). */
  ownFiguresOnly: z.boolean(),
});

/** Durations in minutes (one decimal); null when there is nothing to measure. p50/p90 are nearest-rank percentiles. */
export const Durations = z.object({
  count: z.int(),
  meanMinutes: z.number().nullable(),
  p50Minutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
export type Durations = z.infer<typeof Durations>;

/** A share between 0 and 1 (four decimals); null when there is nothing to divide by. */
const Share = z.number().min(0).max(1).nullable();

export const QueueReport = z.object({
  scope: ReportScope,
  targetWaitMinutes: z.int(),
  /**
   * Tickets of the period. `issued` counts citizens (a ticket moved on to another service keeps
   * its number and is not issued again); served, no-show, cancelled and unfinished count how each
   * ticket's turn at a service ended (a citizen moved to a second service is served twice).
   * transferred: tickets moved at least once (to another counter or service).
   */
  counts: z.object({ issued: z.int(), served: z.int(), noShow: z.int(), cancelled: z.int(), unfinished: z.int(), transferred: z.int() }),
  /** From taking the number (or being moved to the back of another service) to the first call. */
  wait: Durations,
  /** From the last call (or the start, when the officer pressed it) to the end of the service. */
  service: Durations,
  /** Served tickets whose wait was at most the target. */
  servedWithinTarget: z.object({ count: z.int(), share: Share }),
  /**
   * Per counter: tickets served, hours the counter was open in the period (pauses included: they
   * are not kept in the history), served per open hour, and utilisation — the share of the open
   * time spent serving (the service times of the tickets it served).
   */
  counters: z.array(z.object({ counterId: Id, number: z.int(), label: z.string(), served: z.int(), openHours: z.number(), servedPerHour: z.number().nullable(), utilisation: Share })),
  /**
   * Per service: minutes with people waiting and no counter open that serves it, within the
   * service's hours (pauses and past changes of skills are not in the history). A site figure:
   * null when the report is narrowed to a counter or an officer.
   */
  unstaffedWaiting: z.array(z.object({ serviceId: Id, name: z.string(), minutes: z.number() })).nullable(),
  /** Arrivals (numbers taken) by weekday (0 = Chủ nhật … 6 = Thứ bảy) and hour of day, in Vietnam time. */
  arrivals: z.array(z.array(z.int()).length(24)).length(7),
});
export type QueueReport = z.infer<typeof QueueReport>;

const Count = z.object({ count: z.int() });

export const DueDossier = z.object({
  dossierId: Id,
  code: z.string().nullable(),
  procedureName: z.string(),
  officerName: z.string(),
  status: DossierStatus,
  receivedAt: IsoTime.nullable(),
  dueAt: IsoTime,
});
export type DueDossier = z.infer<typeof DueDossier>;

export const DossierReport = z.object({
  scope: ReportScope,
  /** The hub's clock when the "now" figures (overdue, due soon) were read. */
  asOf: IsoTime,
  /** Dossiers received (given their code) in the period. */
  received: z.object({
    total: z.int(),
    byProcedure: z.array(Count.extend({ procedureCode: z.string(), procedureName: z.string() })),
    byField: z.array(Count.extend({ field: z.string() })),
    byChannel: z.array(Count.extend({ channel: DossierChannel })),
  }),
  /** Dossiers first brought to the desk in the period, and how many were sent back for papers or refused. */
  intake: z.object({ total: z.int(), supplementRequested: z.int(), refused: z.int(), supplementRate: Share, refusalRate: Share }),
  /**
   * Dossiers whose result became ready in the period, scored as QĐ 766 does: before the due day,
   * on it, or after the due time. An extension (with its apology) does not make a dossier on time:
   * it is scored against the due time it extended.
   */
  handled: z.object({ total: z.int(), early: z.int(), onTime: z.int(), late: z.int(), onTimeShare: Share }),
  /** Received dossiers with a scan attached by the end of their receipt day. */
  digitised: z.object({ received: z.int(), withScans: z.int(), share: Share }),
  /** Working days from the receipt day (not counted) to the day the result was ready, for the handled dossiers. */
  processingDays: z.object({ count: z.int(), meanWorkingDays: z.number().nullable() }),
  /** Being processed and past the due time now, whatever the period. */
  overdue: z.array(DueDossier),
  /** Being processed and due from now to the end of the second working day after today. */
  dueSoon: z.array(DueDossier),
});
export type DossierReport = z.infer<typeof DossierReport>;

const LevelCount = z.object({ code: z.string(), label: z.string(), count: z.int() });

/** Ratings of one group (the site, a counter, an officer): by level of the scale, by reason, and the share satisfied. */
export const RatingSummary = z.object({
  total: z.int(),
  satisfied: z.int(),
  satisfiedShare: Share,
  levels: z.array(LevelCount),
  reasons: z.array(LevelCount),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

export const SatisfactionReport = z.object({
  scope: ReportScope,
  /** The levels counted as satisfied: the upper half of the scale (the tablet asks the rest why). */
  satisfiedLevels: z.array(z.string()),
  all: RatingSummary,
  /** The same, of served tickets (asked when the counter finishes) and of dossiers (rated when the result is handed over). */
  bySubject: z.object({ tickets: RatingSummary, dossiers: RatingSummary }),
  byCounter: z.array(RatingSummary.extend({ counterId: Id, number: z.int(), label: z.string() })),
  byOfficer: z.array(RatingSummary.extend({ staffId: Id, name: z.string() })),
});
export type SatisfactionReport = z.infer<typeof SatisfactionReport>;

/** The live view for the supervisor: the queue, the counters and the printers right now. */
export const ReportNow = z.object({
  asOf: IsoTime,
  /**
   * Every active service: who waits, since when the longest, and how many counters that serve it
   * are calling now (none with people waiting: nobody will call them).
   */
  services: z.array(z.object({
    serviceId: Id, name: z.string(), prefix: z.string(), waiting: z.int(), waitingPriority: z.int(),
    longestWaitMinutes: z.number().nullable(), countersCalling: z.int(),
  })),
  counters: z.array(z.object({
    counterId: Id, number: z.int(), label: z.string(), state: z.enum(['closed', 'open', 'paused']),
    staffName: z.string().nullable(), currentDisplayCode: z.string().nullable(),
  })),
  /** Only printers someone should look at: a problem, or jobs held back. */
  printers: z.array(PrinterLive),
});
export type ReportNow = z.infer<typeof ReportNow>;

/** Report settings the admin sets (Quản trị → Báo cáo). */
export const ReportSettings = z.object({
  /** The wait the desk aims to serve citizens within; the queue report gives the share served within it. */
  targetWaitMinutes: z.int().min(1).max(240),
});
export type ReportSettings = z.infer<typeof ReportSettings>;
export const defaultReportSettings: ReportSettings = { targetWaitMinutes: 15 };

/**
 * What the report filters offer a supervisor: the services, the counters and the staff who may
 * appear in a report (inactive ones too: last month's figures may name them). Procedures are
 * looked up as typed (`procedures.search`): a province's catalogue has hundreds.
 */
export const ReportFilterChoices = z.object({
  services: z.array(z.object({ serviceId: Id, name: z.string(), active: z.boolean() })),
  counters: z.array(z.object({ counterId: Id, number: z.int(), label: z.string(), active: z.boolean() })),
  staff: z.array(z.object({ staffId: Id, name: z.string(), active: z.boolean() })),
});
export type ReportFilterChoices = z.infer<typeof ReportFilterChoices>;

/**
 * The monthly report in the shape provinces ask desks for: per field (lĩnh vực), the dossiers
 * carried over from before the period and received in it, those whose result became ready in it
 * (early, on time, late as QĐ 766 scores them), withdrawn, and those still being processed at its
 * end (within their time, overdue). received + carriedOver = handled + withdrawn + pending.
 */
export const MonthlyFieldRow = z.object({
  field: z.string(),
  carriedOver: z.int(),
  received: z.int(),
  handledEarly: z.int(),
  handledOnTime: z.int(),
  handledLate: z.int(),
  withdrawn: z.int(),
  pendingWithinTime: z.int(),
  pendingOverdue: z.int(),
});
export type MonthlyFieldRow = z.infer<typeof MonthlyFieldRow>;

export const MonthlyReport = z.object({
  scope: ReportScope,
  /** When the pending dossiers were counted: the period's end, or the hub's clock if that is earlier. */
  asOf: IsoTime,
  fields: z.array(MonthlyFieldRow),
  total: MonthlyFieldRow.omit({ field: true }),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;

/** Appointment report filters: the period (by slot date) and one service or all. */
export const AppointmentReportInput = z.object({ ...period, serviceId: Id.optional() }).strict().superRefine(checkPeriod);
export type AppointmentReportInput = z.infer<typeof AppointmentReportInput>;

/**
 * Bookings whose slot falls in the period: booked = cancelled + checked in + no-shows + upcoming.
 * Check-ins by punctuality against the slot's start: early (before it), on time (up to the
 * late window after it), late (after that: a clerk's check-in, or the window narrowed since).
 */
export const AppointmentReportCounts = z.object({
  booked: z.int(),
  cancelled: z.int(),
  checkedIn: z.int(),
  noShows: z.int(),
  upcoming: z.int(),
  early: z.int(),
  onTime: z.int(),
  late: z.int(),
});
export type AppointmentReportCounts = z.infer<typeof AppointmentReportCounts>;

export const AppointmentReport = z.object({
  /** Bookings belong to no officer: always the site's figures. */
  scope: ReportScope,
  /** The late window the punctuality and the no-shows were judged by (the admin's current setting). */
  lateMinutes: z.int(),
  services: z.array(AppointmentReportCounts.extend({ serviceId: Id, name: z.string() })),
  total: AppointmentReportCounts,
});
export type AppointmentReport = z.infer<typeof AppointmentReport>;

export const ReportKind = z.enum(['queue', 'dossiers', 'satisfaction', 'monthly', 'appointments']);
export type ReportKind = z.infer<typeof ReportKind>;

/** An export: which report, as what, for the period and filters of that report (the dossier filters for dossiers and monthly). */
export const ReportExportInput = z
  .object({
    ...period, report: ReportKind, format: z.enum(['xlsx', 'pdf']),
    serviceId: Id.optional(), counterId: Id.optional(), staffId: Id.optional(),
    procedureCode: z.string().min(1).max(60).optional(), channel: DossierChannel.optional(),
  })
  .strict()
  .superRefine(checkPeriod);
export type ReportExportInput = z.infer<typeof ReportExportInput>;

export const ReportFile = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });
export type ReportFile = z.infer<typeof ReportFile>;
