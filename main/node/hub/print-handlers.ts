import { HubError } from '../../../contract/errors';
import type { OpOutput } from '../../../contract/ops';
import type { Printer } from '../../../contract/printing';
import type { WaitEstimate } from '../../../contract/queue';
import { ticketQrPayload } from '../../../contract/ticket-qr';
import { citizenLinkBase, receiptLinkBase } from '../../core/citizen-links';
import { citizenTicketView } from '../../core/citizen-ticket';
import { checkPrintJobStep, ticketPrinterFor } from '../../core/printing-rules';
import { classifyScan } from '../../core/scan';
import { peopleAhead } from '../../core/calling-order';
import { vnDate, vnMidnight } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import type { JobRow } from '../db/print-store';
import { toCandidate, type TicketRow } from '../db/ticket-store';
import { uuidv7 } from '../db/uuidv7';
import { preview } from '../print/preview';
import { printerProfile } from '../print/profiles';
import { receiptSlipDocument, testPageDocument, ticketDocument } from '../print/layouts';
import type { TicketPrintData } from '../print/layout-types';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { currentWait, reprintedWait } from './queue-facts';

/** Queues a job in the caller's transaction; the caller kicks the spooler after the commit. */
export function enqueuePrint(deps: HubDeps, job: Pick<JobRow, 'printer_id' | 'kind' | 'title' | 'ticket_id' | 'reprint_of' | 'requested_by'> & { data: unknown }, now: number): string {
  const id = uuidv7(now);
  deps.printing.insertJob({
    ...job, id, data: JSON.stringify(job.data), status: 'queued', attempts: 0, error_code: null, error: null,
    created_at: now, updated_at: now, printed_at: null,
  });
  return id;
}

/** Where the QR codes printed for citizens lead (main/core/citizen-links.ts). */
export const citizenLinks = (deps: HubDeps): string | null => citizenLinkBase(deps.site.site().printing.lookupBaseUrl, deps.listening.urls());

/** The base a receipt's QR links to (main/core/citizen-links.ts `receiptLinkBase`). */
export const receiptLinks = (deps: HubDeps): string | null => {
  const { printing } = deps.site.site();
  return receiptLinkBase(printing.provinceLookupUrl, printing.lookupBaseUrl, deps.listening.urls());
};

/** What a queue ticket prints: number, service, queue position, wait, time, QR. No personal data. */
export function ticketPrintData(deps: HubDeps, t: TicketRow, peopleAhead: number, wait: WaitEstimate): TicketPrintData {
  const site = deps.site.site();
  return {
    siteName: site.name,
    sampleData: site.sampleData,
    displayCode: t.display_code,
    serviceName: deps.catalog.service(t.service_id)?.name ?? '',
    priorityLabel: t.priority_label,
    // Only on a booked ticket's paper: a walk-in's print data stays as it was.
    ...(t.appointment_id === null ? {} : { appointmentTime: deps.appointments.row(t.appointment_id)?.slot_time ?? null }),
    peopleAhead,
    waitText: wait.text,
    noCounter: wait.kind === 'noCounter',
    issuedAt: t.issued_at,
    qrPayload: ticketQrPayload(t.id, citizenLinks(deps)),
    footer: site.printing.ticketFooter,
  };
}

/** The ticket printer for a kiosk (or the shared one), and the job for this ticket on it. */
export function enqueueTicketPrint(deps: HubDeps, t: TicketRow, peopleAhead: number, wait: WaitEstimate, ctx: HandlerContext): { jobId: string; printer: Printer } | null {
  const printer = ticketPrinterFor(deps.printing.printers(), ctx.principal.kind === 'device' ? ctx.principal.deviceId : null);
  if (!printer) return null;
  const jobId = enqueuePrint(
    deps,
    { printer_id: printer.id, kind: 'ticket', title: `Phiếu số ${t.display_code}`, data: ticketPrintData(deps, t, peopleAhead, wait), ticket_id: t.id, reprint_of: null, requested_by: actorOf(ctx.principal).id },
    ctx.now,
  );
  return { jobId, printer };
}

/** Called after the write committed: the spooler only ever sees committed jobs, and screens hear of it. */
export function announcePrintJob(deps: HubDeps, ctx: HandlerContext, printerId: string): void {
  ctx.notify.changed('printers');
  deps.spooler.kick(printerId);
}

/** Every printer with what the spooler last learnt of it and how many of its jobs wait or are held. */
export function printersLive(deps: HubDeps): OpOutput<'printers.list'> {
  const counts = deps.printing.counts();
  return deps.printing.printers().map((printer) => {
    const live = deps.spooler.liveOf(printer.id);
    const c = counts.get(printer.id) ?? { queued: 0, held: 0 };
    return { printer, state: live.state, message: live.message, checkedAt: live.checkedAt === null ? null : new Date(live.checkedAt).toISOString(), ...c };
  });
}

/** Printers, the print queue as staff see it, previews, reprints, scans. */
export function printHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { printing } = deps;

  const jobOrThrow = (jobId: string) => {
    const job = printing.job(jobId);
    if (!job) throw new HubError('NOT_FOUND', 'Không tìm thấy lệnh in.');
    return job;
  };

  return {
    'printers.list': () => printersLive(deps),

    'admin.savePrinter': async (input, ctx) => {
      const printer = { ...input, id: input.id ?? uuidv7(ctx.now) };
      await write(() => {
        if (printer.deviceId !== null && deps.people.device(printer.deviceId)?.kind !== 'kiosk') throw new HubError('VALIDATION_FAILED', 'Máy in phiếu chỉ gắn được với một kiosk.');
        if (printer.counterId !== null && !deps.catalog.counter(printer.counterId)) throw new HubError('NOT_FOUND', 'Không tìm thấy quầy.');
        printing.savePrinter(printer);
        deps.audit.record(actorOf(ctx.principal), 'printing.printerSaved', { type: 'printer', id: printer.id }, printer, ctx.now);
      });
      ctx.notify.changed('printers');
      // A corrected address, port or model may be what held its jobs: try them again now.
      await deps.spooler.release(printer.id);
      return printing.printer(printer.id)!;
    },

    'print.test': async ({ printerId }, ctx) => {
      const id = await write(() => {
        const printer = printing.printer(printerId);
        if (!printer) throw new HubError('PRINTER_NOT_FOUND');
        return enqueuePrint(deps, { printer_id: printer.id, kind: 'test', title: 'In thử', data: { siteName: deps.site.site().name, printerName: printer.name, at: ctx.now }, ticket_id: null, reprint_of: null, requested_by: actorOf(ctx.principal).id }, ctx.now);
      });
      announcePrintJob(deps, ctx, printerId);
      return printing.jobView(id)!;
    },

    'print.preview': ({ layout, paper, model, textMode }, ctx) => {
      const site = deps.site.site();
      const profile = printerProfile(paper, { model, textMode });
      const doc =
        layout === 'ticket'
          ? ticketDocument({ siteName: site.name, sampleData: site.sampleData, displayCode: 'A015', serviceName: 'Hộ tịch', priorityLabel: 'Người cao tuổi', peopleAhead: 4, waitText: 'khoảng 15–20 phút', issuedAt: ctx.now, qrPayload: ticketQrPayload('00000000-0000-7000-8000-000000000000', citizenLinks(deps)), footer: site.printing.ticketFooter })
          : layout === 'receipt'
            ? receiptSlipDocument({
                siteName: site.name, sampleData: site.sampleData, dossierCode: `${site.agencyCode || 'H21'}-261126-0001`, applicantName: 'Nguyễn Thị Ngọc Ánh', procedureName: 'Đăng ký khai sinh',
                receivedAt: ctx.now, returnAt: ctx.now + 3 * 86_400_000, lookupCode: 'K7Q2M9',
                papers: ['Tờ khai đăng ký khai sinh (Bản chính: 01)', 'Giấy chứng sinh (Bản chính: 01)', 'Giấy tờ tùy thân của người đi đăng ký (xuất trình) (Bản sao: 01)'],
              })
            : testPageDocument({ siteName: site.name, printerName: 'Xem trước', at: ctx.now });
      return { pngBase64: preview(doc, profile).toString('base64') };
    },

    'print.jobs': (_input, ctx) => printing.jobs(['queued', 'printing', 'held', 'done', 'cancelled'], vnMidnight(vnDate(ctx.now)), 200),

    'print.job': ({ jobId }) => {
      const job = printing.jobView(jobId);
      if (!job) throw new HubError('NOT_FOUND', 'Không tìm thấy lệnh in.');
      return job;
    },

    'print.retry': async ({ jobId }, ctx) => {
      const job = await write(() => {
        const j = jobOrThrow(jobId);
        checkPrintJobStep(j.status, j.error_code, 'retry');
        printing.setStatus(j.id, 'queued', ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'printing.retried', { type: 'printJob', id: j.id }, { reason: j.error_code }, ctx.now);
        return j;
      });
      announcePrintJob(deps, ctx, job.printer_id);
      return printing.jobView(jobId)!;
    },

    'print.cancel': async ({ jobId }, ctx) => {
      const job = await write(() => {
        const j = jobOrThrow(jobId);
        checkPrintJobStep(j.status, j.error_code, 'cancel');
        printing.setStatus(j.id, 'cancelled', ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'printing.cancelled', { type: 'printJob', id: j.id }, {}, ctx.now);
        return j;
      });
      announcePrintJob(deps, ctx, job.printer_id);
      return printing.jobView(jobId)!;
    },

    'print.markPrinted': async ({ jobId }, ctx) => {
      const job = await write(() => {
        const j = jobOrThrow(jobId);
        checkPrintJobStep(j.status, j.error_code, 'markPrinted');
        printing.setStatus(j.id, 'done', ctx.now, { printed_at: ctx.now });
        deps.audit.record(actorOf(ctx.principal), 'printing.markedPrinted', { type: 'printJob', id: j.id }, { reason: j.error_code }, ctx.now);
        return j;
      });
      announcePrintJob(deps, ctx, job.printer_id);
      return printing.jobView(jobId)!;
    },

    'print.reprintTicket': async ({ ticketId, printerId }, ctx) => {
      const { id, printer } = await write(() => {
        const t = deps.tickets.row(ticketId);
        if (!t) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự.');
        const printer = printerId ? printing.printer(printerId) : ticketPrinterFor(printing.printers(), null);
        if (!printer || printer.role !== 'ticket') throw new HubError('PRINTER_NOT_FOUND');
        const ahead = t.status === 'waiting' ? peopleAhead(toCandidate(t), deps.tickets.waiting(t.service_date)) : 0;
        const estimate = reprintedWait(deps, t, ahead, ctx.now);
        const jobId = enqueuePrint(deps, { printer_id: printer.id, kind: 'ticket', title: `In lại phiếu số ${t.display_code}`, data: ticketPrintData(deps, t, ahead, estimate), ticket_id: t.id, reprint_of: null, requested_by: actorOf(ctx.principal).id }, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'printing.ticketReprinted', { type: 'ticket', id: t.id }, { printerId: printer.id }, ctx.now);
        return { id: jobId, printer };
      });
      announcePrintJob(deps, ctx, printer.id);
      return printing.jobView(id)!;
    },

    'tickets.status': ({ ticketId }, ctx) => {
      let t = deps.tickets.row(ticketId);
      if (!t) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự này. Mời Ông/Bà kiểm tra lại phiếu, hoặc hỏi bàn hướng dẫn.');
      // The citizen keeps the paper when an officer sends them on to another service.
      for (let next = t; next.status === 'redirected'; ) {
        const continued = deps.tickets.continuation(next.id, next.service_date);
        if (!continued) break;
        t = next = continued;
      }
      const ticket = deps.tickets.ticket(t.id)!;
      const today = vnDate(ctx.now);
      const waiting = t.status === 'waiting' && t.service_date === today;
      const ahead = waiting ? peopleAhead(toCandidate(t), deps.tickets.waiting(t.service_date)) : null;
      const counterNumber = t.status === 'called' || t.status === 'serving' ? ticket.counterNumber : null;
      const site = deps.site.site();
      return {
        displayCode: t.display_code, serviceName: ticket.serviceName, serviceDate: t.service_date, status: t.status, peopleAhead: ahead, counterNumber,
        ...citizenTicketView({ status: t.status, serviceDate: t.service_date, today, peopleAhead: ahead, counterNumber, wait: ahead === null ? null : currentWait(deps, t, ahead, ctx.now) }),
        siteName: site.name, sampleData: site.sampleData,
      };
    },

    'scanners.list': () => deps.scanners.status(),

    'admin.saveScanners': async ({ scanners }, ctx) => {
      const configs = scanners.map((sc) => ({ ...sc, id: sc.id ?? uuidv7(ctx.now) }));
      await write(() => {
        for (const sc of configs) if (!deps.catalog.counter(sc.counterId)) throw new HubError('NOT_FOUND', 'Không tìm thấy quầy của máy quét.');
        deps.site.set('scanners', configs);
        deps.audit.record(actorOf(ctx.principal), 'devices.scannersSaved', null, configs, ctx.now);
      });
      await deps.scanners.apply(configs);
      ctx.notify.changed('devices');
      return configs;
    },

    'scan.parse': ({ text }, ctx) => {
      const scan = classifyScan(text, ctx.now);
      if (scan.kind === 'cccd') {
        const c = scan.citizen;
        return { kind: 'cccd' as const, citizen: { idNumber: c.idNumber, oldIdNumber: c.oldIdNumber, fullName: c.fullName, dateOfBirth: c.dateOfBirth, sex: c.sex, address: c.address, issueDate: c.issueDate, raw: c.raw } };
      }
      return scan;
    },
  } satisfies Partial<Handlers>;
}
