import { channelLabels } from '../../../contract/dossier-texts';
import { defaultReportSettings, type AppointmentReportInput, type DossierReportInput, type QueueReportInput, type ReportExportInput, type ReportSettings } from '../../../contract/reports';
import { paperIdentity } from '../../core/site-identity';
import { vnPeriodText } from '../../core/vn-text';
import { toMinutes } from '../../core/reports/stats';
import { printerNeedsAttention } from '../../core/printing-rules';
import { isoOrNull, vnDate } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import { ReportStore } from '../db/report-store';
import { reportDocument } from '../reports/export/report-document';
import { reportPdf } from '../reports/export/report-pdf';
import { reportXlsx } from '../reports/export/report-xlsx';
import type { ReportScope } from '../reports/report-jobs';
import type { ReportReader } from '../reports/report-reader';
import type { TicketFolding } from './ticket-folding';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { appointmentSettings } from './appointment-rules';
import { printersLive } from './print-handlers';
import { queueCounts } from './queue-facts';
import { siteCalendarSources } from './site-calendar';

const SETTINGS_KEY = 'reports';

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

/** Whose figures and which filters, in words, under an export's title; null for the whole site unfiltered. */
function scopeNote(deps: HubDeps, kind: ReportExportInput['report'], input: ReportExportInput, scope: ReportScope): string | null {
  const parts: string[] = [];
  if (scope.staffId !== null) parts.push(`cán bộ ${deps.people.staffById(scope.staffId)?.fullName ?? ''}`.trim());
  if (kind === 'queue' || kind === 'satisfaction' || kind === 'appointments') {
    if (input.serviceId) parts.push(`dịch vụ ${deps.catalog.services().find((s) => s.id === input.serviceId)?.name ?? ''}`.trim());
    if (input.counterId) parts.push(`quầy ${deps.catalog.counters().find((c) => c.id === input.counterId)?.number ?? ''}`.trim());
  } else {
    if (input.procedureCode) parts.push(`thủ tục ${input.procedureCode}`);
    if (input.channel) parts.push(`kênh ${channelLabels[input.channel].toLowerCase()}`);
  }
  return parts.length === 0 ? null : `Số liệu của: ${parts.join(', ')}`;
}

/**
 * The reports of issue 12 (docs/ARCHITECTURE.md "Reports"): read-only queries over the hub's logs.
 * The period reports run in the report reader's thread (main/node/reports): the handler reads the
 * site's settings and catalogue here and hands them over with the job. The live view stays here:
 * it reads today's few rows and the printers' state, which only this thread holds.
 */
export function reportHandlers(deps: HubDeps, reader: ReportReader, folding: TicketFolding) {
  const reports = new ReportStore(deps.db);
  const counterFacts = () => deps.catalog.counters().map((c) => ({ id: c.id, number: c.number, label: c.label, skills: c.skills }));

  const run = {
    queue: async (input: QueueReportInput, ctx: HandlerContext) => {
      const siteHours = deps.site.site().queueHours;
      // The ticket events are folded a second behind (ticket-folding.ts): the report reads them all.
      await folding.catchUp();
      return reader.run('queue', {
        input, scope: scopeOf(ctx, input), now: ctx.now, targetWaitMinutes: reportSettings(deps).targetWaitMinutes, counters: counterFacts(),
        services: deps.catalog.services().filter((s) => s.active).map((s) => ({ id: s.id, name: s.name, hours: s.hours ?? siteHours })),
      });
    },
    dossiers: (input: DossierReportInput, ctx: HandlerContext) => reader.run('dossiers', { input, scope: scopeOf(ctx, input), now: ctx.now, calendar: siteCalendarSources(deps) }),
    satisfaction: (input: QueueReportInput, ctx: HandlerContext) =>
      reader.run('satisfaction', {
        input, scope: scopeOf(ctx, input), rating: deps.site.site().rating, counters: counterFacts(),
        staffNames: Object.fromEntries(deps.people.listStaff().map((s) => [s.id, s.fullName])),
      }),
    monthly: (input: DossierReportInput, ctx: HandlerContext) => reader.run('monthly', { input, scope: scopeOf(ctx, input), now: ctx.now }),
    // Bookings belong to no officer: the site's figures for every caller.
    appointments: (input: AppointmentReportInput, ctx: HandlerContext) =>
      reader.run('appointments', {
        input, now: ctx.now, lateMinutes: appointmentSettings(deps).lateMinutes,
        scope: { from: input.from, to: input.to, staffId: null, ownFiguresOnly: false },
        serviceNames: Object.fromEntries(deps.catalog.services().map((s) => [s.id, s.name])),
      }),
  };

  return {
    'reports.queue': run.queue,
    'reports.dossiers': run.dossiers,
    'reports.satisfaction': run.satisfaction,
    'reports.monthly': run.monthly,
    'reports.appointments': run.appointments,

    'reports.export': async (input, ctx) => {
      const { report: kind, format, from, to, serviceId, counterId, staffId, procedureCode, channel } = input;
      const queueInput = { from, to, serviceId, counterId, staffId };
      const dossierInput = { from, to, procedureCode, channel, staffId };
      const report =
        kind === 'queue' ? await run.queue(queueInput, ctx)
        : kind === 'dossiers' ? await run.dossiers(dossierInput, ctx)
        : kind === 'satisfaction' ? await run.satisfaction(queueInput, ctx)
        : kind === 'appointments' ? await run.appointments({ from, to, serviceId }, ctx)
        : await run.monthly(dossierInput, ctx);
      const doc = reportDocument(kind, report);
      const heading = { headerLines: paperIdentity(deps.site.site()).headerLines, period: vnPeriodText(from, to), scopeNote: scopeNote(deps, kind, input, report.scope) };
      const data = format === 'xlsx' ? await reportXlsx(doc, heading) : await reportPdf(doc, heading);
      await deps.writer.run(() => deps.audit.record(actorOf(ctx.principal), 'reports.exported', null, { report: kind, format, from, to, staffId: report.scope.staffId }, ctx.now));
      return {
        fileName: `bao-cao-${doc.fileStem}_${from}_${to}.${format}`,
        mime: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
        dataBase64: data.toString('base64'),
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
