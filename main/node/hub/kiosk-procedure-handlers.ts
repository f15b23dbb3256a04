import { kioskProcedureView } from '../../core/kiosk-procedure';
import { ticketPrinterFor } from '../../core/printing-rules';
import { vnDate } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import type { ChecklistPrintData } from '../print/layout-types';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { announcePrintJob, enqueuePrint } from './print-handlers';
import { procedureInForce } from './procedure-handlers';

/** How many procedures one kiosk page lists: a commune's whole catalogue fits, a province's search narrows. */
const KIOSK_LIST_LIMIT = 100;

/** The kiosk's self-service look-up of the public catalogue (issue 13): read-only, procedures in force today. */
export function kioskProcedureHandlers(deps: HubDeps) {
  const view = (code: string, ctx: HandlerContext) => {
    const site = deps.site.site();
    return kioskProcedureView(procedureInForce(deps, code, vnDate(ctx.now)), { name: site.name, sampleData: site.sampleData });
  };

  return {
    'kiosk.procedures': ({ q, field }, ctx) => {
      const today = vnDate(ctx.now);
      // Words win over the field: a citizen who types is looking for that, wherever it is filed.
      const found = q.trim() !== '' || field === null ? deps.dossiers.searchProcedures(q, today, KIOSK_LIST_LIMIT) : deps.dossiers.proceduresInField(field, today, KIOSK_LIST_LIMIT);
      return { fields: deps.dossiers.procedureFields(today), procedures: found.map((p) => ({ code: p.code, name: p.name, field: p.field })) };
    },

    'kiosk.procedure': ({ code }, ctx) => view(code, ctx),

    // On the ticket printer the kiosk's tickets go to (its own, else the shared one), through the spooler like a ticket.
    'kiosk.printProcedure': async ({ code }, ctx) => {
      const queued = await deps.writer.run(() => {
        // An unknown procedure is refused whether or not there is a printer.
        const p = view(code, ctx);
        const printer = ticketPrinterFor(deps.printing.printers(), ctx.principal.kind === 'device' ? ctx.principal.deviceId : null);
        if (!printer) return null;
        const data: ChecklistPrintData = {
          siteName: p.siteName, sampleData: p.sampleData, procedureName: p.name, papers: p.papers, fees: p.fees, processing: p.processing, result: p.result, submitAt: p.submitAt, at: ctx.now,
        };
        const jobId = enqueuePrint(deps, { printer_id: printer.id, kind: 'checklist', title: `Danh mục giấy tờ: ${p.name}`, data, ticket_id: null, reprint_of: null, requested_by: actorOf(ctx.principal).id }, ctx.now);
        return { jobId, printer };
      });
      if (!queued) return { print: null };
      announcePrintJob(deps, ctx, queued.printer.id);
      return { print: { jobId: queued.jobId, printerName: queued.printer.name } };
    },
  } satisfies Partial<Handlers>;
}
