import { defaultReportSettings, type DueDossier, type ReportSettings } from '../../../contract/reports';
import { digitisedAtIntake, dueSoonUntil, handledTimeliness, workingDaysCounter } from '../../core/reports/dossiers';
import { periodBounds } from '../../core/reports/period';
import { queueFigures } from '../../core/reports/queue';
import { unstaffedByService } from '../../core/reports/unstaffed';
import { satisfiedLevels, summariseRatings, type RatingFact } from '../../core/reports/satisfaction';
import { countBy, ranked, share, toMinutes } from '../../core/reports/stats';
import { printerNeedsAttention } from '../../core/printing-rules';
import { isoOrNull, vnDate } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import type { DueRow, RatingReportRow } from '../db/report-store';
import { ReportStore } from '../db/report-store';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { printersLive } from './print-handlers';
import { queueCounts } from './queue-facts';
import { siteCalendar } from './procedure-handlers';

const SETTINGS_KEY = 'reports';
/** How many working days ahead "due soon" looks (issue 12: the next 2 working days). */
const DUE_SOON_WORKING_DAYS = 2;

export const reportSettings = (deps: HubDeps): ReportSettings => ({ ...defaultReportSettings, ...deps.site.get<Partial<ReportSettings>>(SETTINGS_KEY) });

/**
 * Whose figures a call may see: supervisors and admins anyone's (or the whole site's), an officer
 * only his own — the hub puts him in the filter whatever the screen sent.
 */
function scopeOf(ctx: HandlerContext, input: { from: string; to: string; staffId?: string | undefined }) {
  const p = ctx.principal;
  const self = p.kind === 'staff' && p.role === 'officer' ? p.staffId : null;
  return { from: input.from, to: input.to, staffId: self ?? input.staffId ?? null, ownFiguresOnly: self !== null };
}

const dueView = (r: DueRow): DueDossier => ({
  dossierId: r.id, code: r.code, procedureName: r.procedure_name, officerName: r.officer_name, status: r.status,
  receivedAt: isoOrNull(r.received_at), dueAt: isoOrNull(r.due_at)!,
});

const ratingFact = (r: RatingReportRow): RatingFact => ({ score: r.score, scoreLabel: r.score_label, reasons: JSON.parse(r.reasons) as string[] });

/** The reports of issue 12 (docs/ARCHITECTURE.md "Reports"): read-only queries over the hub's logs. */
export function reportHandlers(deps: HubDeps) {
  const reports = new ReportStore(deps.db);

  /** The site's minutes with people waiting and no counter for them, per active service (or the one asked for). */
  const unstaffed = (input: { from: string; to: string; serviceId?: string | undefined }, now: number) => {
    const { start, end } = periodBounds(input.from, input.to);
    const siteHours = deps.site.site().queueHours;
    const services = deps.catalog.services().filter((s) => s.active && (input.serviceId === undefined || s.id === input.serviceId));
    return unstaffedByService(
      reports.waitingSpells(input.from, input.to, input.serviceId ?? null),
      services.map((s) => ({ id: s.id, name: s.name, hours: s.hours ?? siteHours })),
      deps.catalog.counters(),
      reports.counterSpans(start, end, null),
      { from: input.from, to: input.to, now },
    );
  };

  return {
    'reports.queue': (input, ctx) => {
      const scope = scopeOf(ctx, input);
      const { targetWaitMinutes } = reportSettings(deps);
      const { start, end } = periodBounds(input.from, input.to);
      const legs = reports.queueLegs(input.from, input.to, { serviceId: input.serviceId ?? null, counterId: input.counterId ?? null, staffId: scope.staffId });
      const counters = deps.catalog.counters().filter((c) => input.counterId === undefined || c.id === input.counterId);
      const spans = reports.counterSpans(start, end, scope.staffId);
      return {
        scope, targetWaitMinutes, ...queueFigures(legs, spans, counters, { start, end, now: ctx.now }, targetWaitMinutes),
        unstaffedWaiting: input.counterId !== undefined || scope.staffId !== null ? null : unstaffed(input, ctx.now),
      };
    },

    'reports.dossiers': (input, ctx) => {
      const scope = scopeOf(ctx, input);
      const { start, end } = periodBounds(input.from, input.to);
      const filter = { procedureCode: input.procedureCode?.trim() ?? null, channel: input.channel ?? null, staffId: scope.staffId };
      const cal = siteCalendar(deps);
      const workingDays = workingDaysCounter(cal);
      const received = reports.received(start, end, filter);
      const intakes = reports.intakes(start, end, filter);
      const handled = reports.handled(start, end, filter).map((h) => ({
        ...h,
        timeliness: handledTimeliness({ dueAt: h.due_at, firstExtensionPreviousDue: h.first_extension_previous_due, handledAt: h.handled_at }),
        workingDays: workingDays(h.received_at, h.handled_at),
      }));
      const due = reports.dueBy(dueSoonUntil(cal, ctx.now, DUE_SOON_WORKING_DAYS), filter);
      const names = new Map(received.map((r) => [r.procedure_code, r.procedure_name]));
      const supplementRequested = intakes.filter((i) => i.first_type === 'supplement_requested').length;
      const refused = intakes.filter((i) => i.refused === 1).length;
      const timely = countBy(handled, (h) => h.timeliness);
      const early = timely.get('early') ?? 0;
      const onTime = timely.get('on_time') ?? 0;
      const withScans = received.filter((r) => digitisedAtIntake(r.received_at, r.first_scan_at)).length;
      const days = handled.reduce((s, h) => s + h.workingDays, 0);
      return {
        scope,
        asOf: isoOrNull(ctx.now)!,
        received: {
          total: received.length,
          byProcedure: ranked(countBy(received, (r) => r.procedure_code), (code) => names.get(code)!).map(([procedureCode, count]) => ({ procedureCode, procedureName: names.get(procedureCode)!, count })),
          byField: ranked(countBy(received, (r) => r.field), (field) => field).map(([field, count]) => ({ field, count })),
          byChannel: ranked(countBy(received, (r) => r.channel), (channel) => channel).map(([channel, count]) => ({ channel, count })),
        },
        intake: { total: intakes.length, supplementRequested, refused, supplementRate: share(supplementRequested, intakes.length), refusalRate: share(refused, intakes.length) },
        handled: { total: handled.length, early, onTime, late: timely.get('late') ?? 0, onTimeShare: share(early + onTime, handled.length) },
        digitised: { received: received.length, withScans, share: share(withScans, received.length) },
        processingDays: { count: handled.length, meanWorkingDays: handled.length === 0 ? null : Math.round((days / handled.length) * 10) / 10 },
        overdue: due.filter((d) => d.due_at < ctx.now).map(dueView),
        dueSoon: due.filter((d) => d.due_at >= ctx.now).map(dueView),
      };
    },

    'reports.satisfaction': (input, ctx) => {
      const scope = scopeOf(ctx, input);
      const settings = deps.site.site().rating;
      const { start, end } = periodBounds(input.from, input.to);
      const rows = reports.ratings(start, end, { serviceId: input.serviceId ?? null, counterId: input.counterId ?? null, staffId: scope.staffId });
      const summary = (keep: (r: RatingReportRow) => boolean) => summariseRatings(settings, rows.filter(keep).map(ratingFact));
      const counterIds = new Set(rows.map((r) => r.counter_id));
      const staffIds = [...new Set(rows.map((r) => r.staff_id))].filter((id): id is string => id !== null);
      return {
        scope,
        satisfiedLevels: satisfiedLevels(settings.scale),
        all: summary(() => true),
        bySubject: { tickets: summary((r) => r.subject === 'ticket'), dossiers: summary((r) => r.subject === 'dossier') },
        byCounter: deps.catalog.counters().filter((c) => counterIds.has(c.id)).map((c) => ({ counterId: c.id, number: c.number, label: c.label, ...summary((r) => r.counter_id === c.id) })),
        byOfficer: staffIds
          .map((id) => ({ staffId: id, name: deps.people.staffById(id)?.fullName ?? '', ...summary((r) => r.staff_id === id) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      };
    },

    'reports.now': (_input, ctx) => {
      const counters = deps.catalog.counters();
      const open = new Map(deps.sessions.openAll().map((s) => [s.counter_id, s]));
      const calling = (serviceId: string) => counters.filter((c) => open.get(c.id)?.paused_at === null && c.skills.some((k) => k.serviceId === serviceId)).length;
      const oldest = reports.oldestWaiting(vnDate(ctx.now));
      return {
        asOf: isoOrNull(ctx.now)!,
        services: queueCounts(deps, vnDate(ctx.now)).map((q) => {
          const since = oldest.get(q.serviceId);
          return { ...q, longestWaitMinutes: since === undefined ? null : toMinutes(ctx.now - since), countersCalling: calling(q.serviceId) };
        }),
        counters: counters.filter((c) => c.active).map((c) => {
          const s = open.get(c.id);
          const current = s ? deps.tickets.activeForSession(s.id) : null;
          return {
            counterId: c.id, number: c.number, label: c.label, state: !s ? 'closed' as const : s.paused_at === null ? 'open' as const : 'paused' as const,
            staffName: s ? (deps.people.staffById(s.staff_id)?.fullName ?? '') : null, currentDisplayCode: current?.display_code ?? null,
          };
        }),
        printers: printersLive(deps).filter((p) => printerNeedsAttention({ active: p.printer.active, state: p.state, held: p.held })),
      };
    },

    'reports.filters': () => ({
      services: deps.catalog.services().map((s) => ({ serviceId: s.id, name: s.name, active: s.active })),
      counters: deps.catalog.counters().map((c) => ({ counterId: c.id, number: c.number, label: c.label, active: c.active })),
      staff: deps.people.listStaff().map((s) => ({ staffId: s.id, name: s.fullName, active: s.active })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    }),

    'reports.settings': () => reportSettings(deps),

    'admin.saveReportSettings': async (input, ctx) => {
      await deps.writer.run(() => {
        deps.site.set(SETTINGS_KEY, input);
        deps.audit.record(actorOf(ctx.principal), 'reports.settingsSaved', null, input, ctx.now);
      });
      ctx.notify.changed('site');
      return reportSettings(deps);
    },
  } satisfies Partial<Handlers>;
}
