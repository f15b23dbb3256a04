import type { RatingSettings, WeeklyHours } from '../../../contract/queue';
import type { AppointmentReport, AppointmentReportInput, DossierReport, DossierReportInput, DueDossier, MonthlyReport, QueueReport, QueueReportInput, SatisfactionReport } from '../../../contract/reports';
import type { CalendarYear } from '../../../contract/calendar';
import { workingCalendar } from '../../core/calendar/working-time';
import { appointmentFigures } from '../../core/reports/appointments';
import { digitisedAtIntake, dueSoonUntil, handledTimeliness, workingDaysCounter } from '../../core/reports/dossiers';
import { monthlyByField } from '../../core/reports/monthly';
import { periodBounds } from '../../core/reports/period';
import { queueFigures } from '../../core/reports/queue';
import { satisfiedLevels, summariseRatings, type RatingFact } from '../../core/reports/satisfaction';
import { countBy, ranked, share, total } from '../../core/reports/stats';
import { unstaffedByService } from '../../core/reports/unstaffed';
import { isoOrNull } from '../../core/vn-time';
import type { DueRow, RatingReportRow, ReportStore } from '../db/report-store';

/**
 * The period reports as jobs for the report reader (report-reader.ts): everything a report needs
 * besides the logs — the site's settings, counters, services, staff names, calendar, the caller's
 * scope and the hub's clock — is read by the handler on the hub's connection and travels with the
 * job as plain data; the logs are read on the reader's own connection, off the hub's event loop.
 */

export type ReportScope = QueueReport['scope'];

interface CounterFacts {
  readonly id: string;
  readonly number: number;
  readonly label: string;
  readonly skills: readonly { serviceId: string }[];
}

export interface QueueJob {
  readonly input: QueueReportInput;
  readonly scope: ReportScope;
  readonly now: number;
  readonly targetWaitMinutes: number;
  readonly counters: readonly CounterFacts[];
  /** The active services, with their hours for taking numbers (the site's when they have none). */
  readonly services: readonly { id: string; name: string; hours: WeeklyHours }[];
}

export interface DossierJob {
  readonly input: DossierReportInput;
  readonly scope: ReportScope;
  readonly now: number;
  /** What the site's working calendar is made of (procedure-handlers.ts `siteCalendarSources`). */
  readonly calendar: { readonly province: string | null; readonly calendars: readonly CalendarYear[] };
}

export interface SatisfactionJob {
  readonly input: QueueReportInput;
  readonly scope: ReportScope;
  readonly rating: RatingSettings;
  readonly counters: readonly CounterFacts[];
  readonly staffNames: Readonly<Record<string, string>>;
}

export interface MonthlyJob {
  readonly input: DossierReportInput;
  readonly scope: ReportScope;
  readonly now: number;
}

export interface AppointmentJob {
  readonly input: AppointmentReportInput;
  readonly scope: ReportScope;
  readonly now: number;
  /** The admin's late window: punctuality and no-shows are judged by it. */
  readonly lateMinutes: number;
  /** Every service's name (inactive ones too: last month's bookings may name them). */
  readonly serviceNames: Readonly<Record<string, string>>;
}

/** Each kind of job with the report it answers. */
export interface ReportJobs {
  queue: { job: QueueJob; report: QueueReport };
  dossiers: { job: DossierJob; report: DossierReport };
  satisfaction: { job: SatisfactionJob; report: SatisfactionReport };
  monthly: { job: MonthlyJob; report: MonthlyReport };
  appointments: { job: AppointmentJob; report: AppointmentReport };
}
export type ReportKind = keyof ReportJobs;

/** How many working days ahead "due soon" looks (issue 12: the next 2 working days). */
const DUE_SOON_WORKING_DAYS = 2;

const dueView = (r: DueRow): DueDossier => ({
  dossierId: r.id, code: r.code, procedureName: r.procedure_name, officerName: r.officer_name, status: r.status,
  receivedAt: isoOrNull(r.received_at), dueAt: isoOrNull(r.due_at)!,
});

const ratingFact = (r: RatingReportRow): RatingFact => ({ score: r.score, scoreLabel: r.score_label, reasons: JSON.parse(r.reasons) as string[] });

function queueReport(reports: ReportStore, job: QueueJob): QueueReport {
  const { input, scope } = job;
  const { start, end } = periodBounds(input.from, input.to);
  const legs = reports.queueLegs(input.from, input.to, { serviceId: input.serviceId ?? null, counterId: input.counterId ?? null, staffId: scope.staffId });
  const counters = job.counters.filter((c) => input.counterId === undefined || c.id === input.counterId);
  const spans = reports.counterSpans(start, end, scope.staffId);
  // The minutes with people waiting and no counter for them: a site figure, not a counter's or an officer's.
  const siteWide = input.counterId === undefined && scope.staffId === null;
  const unstaffedWaiting = siteWide
    ? unstaffedByService(
        reports.waitingSpells(input.from, input.to, input.serviceId ?? null),
        job.services.filter((s) => input.serviceId === undefined || s.id === input.serviceId),
        job.counters,
        spans, // every officer's: the report is site-wide
        { from: input.from, to: input.to, now: job.now },
      )
    : null;
  return { scope, targetWaitMinutes: job.targetWaitMinutes, ...queueFigures(legs, spans, counters, { start, end, now: job.now }, job.targetWaitMinutes), unstaffedWaiting };
}

function dossierReport(reports: ReportStore, job: DossierJob): DossierReport {
  const { input, scope, now } = job;
  const { start, end } = periodBounds(input.from, input.to);
  const filter = { procedureCode: input.procedureCode?.trim() ?? null, channel: input.channel ?? null, staffId: scope.staffId };
  const cal = workingCalendar(job.calendar);
  const workingDays = workingDaysCounter(cal);
  const received = reports.received(start, end, filter);
  const intakes = reports.intakes(start, end, filter);
  // A year's results are 350,000 rows: counted in passes over them, no object made per row (a spread of each cost 0.8 s).
  const handled = reports.handled(start, end, filter);
  const due = reports.dueBy(dueSoonUntil(cal, now, DUE_SOON_WORKING_DAYS), filter);
  const names = new Map(received.map((r) => [r.procedure_code, r.procedure_name]));
  const counted = (r: { count: number }) => r.count;
  const intakeTotal = total(intakes, counted);
  const supplementRequested = total(intakes, counted, (i) => i.first_type === 'supplement_requested');
  const refused = total(intakes, counted, (i) => i.refused === 1);
  const receivedTotal = total(received, counted);
  const timely = countBy(handled, (h) => handledTimeliness({ dueAt: h.due_at, firstExtensionPreviousDue: h.first_extension_previous_due, handledAt: h.handled_at }));
  const early = timely.get('early') ?? 0;
  const onTime = timely.get('on_time') ?? 0;
  const withScans = total(received, counted, (r) => digitisedAtIntake(r.received_at, r.first_scan_at));
  const days = total(handled, (h) => workingDays(h.received_at, h.handled_at));
  return {
    scope,
    asOf: isoOrNull(now)!,
    received: {
      total: receivedTotal,
      byProcedure: ranked(countBy(received, (r) => r.procedure_code, counted), (code) => names.get(code)!).map(([procedureCode, count]) => ({ procedureCode, procedureName: names.get(procedureCode)!, count })),
      byField: ranked(countBy(received, (r) => r.field, counted), (field) => field).map(([field, count]) => ({ field, count })),
      byChannel: ranked(countBy(received, (r) => r.channel, counted), (channel) => channel).map(([channel, count]) => ({ channel, count })),
    },
    intake: { total: intakeTotal, supplementRequested, refused, supplementRate: share(supplementRequested, intakeTotal), refusalRate: share(refused, intakeTotal) },
    handled: { total: handled.length, early, onTime, late: timely.get('late') ?? 0, onTimeShare: share(early + onTime, handled.length) },
    digitised: { received: receivedTotal, withScans, share: share(withScans, receivedTotal) },
    processingDays: { count: handled.length, meanWorkingDays: handled.length === 0 ? null : Math.round((days / handled.length) * 10) / 10 },
    overdue: due.filter((d) => d.due_at < now).map(dueView),
    dueSoon: due.filter((d) => d.due_at >= now).map(dueView),
  };
}

function satisfactionReport(reports: ReportStore, job: SatisfactionJob): SatisfactionReport {
  const { input, scope } = job;
  const { start, end } = periodBounds(input.from, input.to);
  const rows = reports.ratings(start, end, { serviceId: input.serviceId ?? null, counterId: input.counterId ?? null, staffId: scope.staffId });
  const summary = (keep: (r: RatingReportRow) => boolean) => summariseRatings(job.rating, rows.filter(keep).map(ratingFact));
  const counterIds = new Set(rows.map((r) => r.counter_id));
  const staffIds = [...new Set(rows.map((r) => r.staff_id))].filter((id): id is string => id !== null);
  return {
    scope,
    satisfiedLevels: satisfiedLevels(job.rating.scale),
    all: summary(() => true),
    bySubject: { tickets: summary((r) => r.subject === 'ticket'), dossiers: summary((r) => r.subject === 'dossier') },
    byCounter: job.counters.filter((c) => counterIds.has(c.id)).map((c) => ({ counterId: c.id, number: c.number, label: c.label, ...summary((r) => r.counter_id === c.id) })),
    byOfficer: staffIds
      .map((id) => ({ staffId: id, name: job.staffNames[id] ?? '', ...summary((r) => r.staff_id === id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

function monthlyReport(reports: ReportStore, job: MonthlyJob): MonthlyReport {
  const { input, scope } = job;
  const { start, end } = periodBounds(input.from, input.to);
  const filter = { procedureCode: input.procedureCode?.trim() ?? null, channel: input.channel ?? null, staffId: scope.staffId };
  const asOf = Math.min(end, job.now);
  return { scope, asOf: isoOrNull(asOf)!, ...monthlyByField(reports.monthlyDossiers(start, end, filter), start, end, asOf) };
}

function appointmentReport(reports: ReportStore, job: AppointmentJob): AppointmentReport {
  const { input } = job;
  const facts = reports.appointmentFacts(input.from, input.to, input.serviceId ?? null);
  const { byService, total } = appointmentFigures(facts, job.lateMinutes, job.now);
  const name = (id: string) => job.serviceNames[id] ?? '';
  const services = [...byService].map(([serviceId, counts]) => ({ serviceId, name: name(serviceId), ...counts })).sort((a, b) => b.booked - a.booked || a.name.localeCompare(b.name, 'vi'));
  return { scope: job.scope, lateMinutes: job.lateMinutes, services, total };
}

const run: { [K in ReportKind]: (reports: ReportStore, job: ReportJobs[K]['job']) => ReportJobs[K]['report'] } = {
  queue: queueReport,
  dossiers: dossierReport,
  satisfaction: satisfactionReport,
  monthly: monthlyReport,
  appointments: appointmentReport,
};

/** One report from the logs `reports` reads. */
export function runReportJob<K extends ReportKind>(reports: ReportStore, kind: K, job: ReportJobs[K]['job']): ReportJobs[K]['report'] {
  return run[kind](reports, job);
}
