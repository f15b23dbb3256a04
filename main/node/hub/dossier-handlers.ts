import { randomInt } from 'node:crypto';
import type { Dossier, IntakeInput, ProcedureVersion, ReceivedDossier } from '../../../contract/dossier';
import { formatReceiptQr } from '../../../contract/receipt-qr';
import { citizenDossierView, maskedName } from '../../../contract/citizen-dossier';
import { processingText } from '../../../contract/dossier-texts';
import { HubError } from '../../../contract/errors';
import { returnTime } from '../../core/calendar/working-time';
import { formatDossierCode, LOOKUP_ALPHABET, LOOKUP_LENGTH, lookupCodeFrom } from '../../core/dossier/code';
import { checkApplicant, checkApplicantCorrection, checkDueOverride, checkPapers, checkReturn, requireComplete } from '../../core/dossier/intake-rules';
import { allowedDossierActions, dossierTransition, extensionOf, printableForms, timeliness } from '../../core/dossier/lifecycle';
import { dossierEventText } from '../../core/dossier/texts';
import { receiptPrinterFor } from '../../core/printing-rules';
import { isoOrNull, vnDate, vnMidnight } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import { applicantColumns, applicantOf, documentRows, type DossierRow } from '../db/dossier-store';
import { uuidv7 } from '../db/uuidv7';
import { clockConfirmation } from './clock-confirm';
import { staffOf } from './auth-handlers';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { dossierFormPdf, receivedPaperLines } from './dossier-forms';
import { dossierByReceipt, guardedDossierByReceipt } from './dossier-lookup';
import { announcePrintJob, enqueuePrint, receiptLinks } from './print-handlers';
import { registerFile } from './dossier-register';
import { readScan, scanView, storeScan } from './dossier-scans';
import { guardNumbering } from './recovery-guard';
import { procedureInForce } from './procedure-handlers';
import { dossierSettings, siteCalendar } from './site-calendar';

/** Dossier intake and everything after it, for the counter. */
export function dossierHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { dossiers } = deps;
  const settings = () => dossierSettings(deps);
  const calendar = () => siteCalendar(deps);
  const audit = (ctx: HandlerContext, action: string, id: string, details: unknown = {}) => deps.audit.record(actorOf(ctx.principal), action, { type: 'dossier', id }, details, ctx.now);

  const view = (id: string): Dossier => {
    const r = dossiers.row(id);
    if (!r) throw new HubError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
    const p = dossiers.procedureVersion(r.procedure_version_id)!;
    const events = dossiers.events(id);
    const extensions = dossiers.extensions(id);
    return {
      id: r.id, code: r.code, lookupCode: r.lookup_code, status: r.status,
      allowedActions: allowedDossierActions({ status: r.status, hasDueTime: r.due_at !== null }),
      printableForms: printableForms({ status: r.status, hasCode: r.code !== null, supplementRequested: events.some((e) => e.type === 'supplement_requested'), extended: extensions.length > 0 }),
      procedure: { id: p.id, code: p.code, version: p.version, name: p.name, field: p.field, authority: p.authority, processing: p.processing, result: p.result },
      applicant: applicantOf(r),
      documents: dossiers.documents(id).map((x) => ({ index: x.idx, name: x.name, form: x.form, count: x.count, mandatory: x.mandatory === 1, received: x.received })),
      sets: r.sets, channel: r.channel, returnMethod: r.return_method, deliveryAddress: r.delivery_address, fees: p.fees,
      receivingUnit: r.receiving_unit, ticketId: r.ticket_id, officerName: deps.people.staffById(r.officer_id)?.fullName ?? '',
      createdAt: isoOrNull(r.created_at)!, receivedAt: isoOrNull(r.received_at), dueAt: isoOrNull(r.due_at), dueReason: r.due_reason, returnedAt: isoOrNull(r.returned_at),
      timeliness: r.returned_at !== null && r.due_at !== null ? timeliness(r.due_at, r.returned_at) : null,
      note: r.note,
      extensions: extensions.map((x) => ({ at: isoOrNull(x.at)!, reason: x.reason, previousDueAt: isoOrNull(x.previous_due)!, newDueAt: isoOrNull(x.new_due)!, late: x.late === 1 })),
      files: dossiers.files(id).map(scanView),
      history: events.map((e) => ({ type: e.type, at: isoOrNull(e.at)!, staffName: e.staff_name, text: dossierEventText(e.type, JSON.parse(e.data) as Record<string, unknown>) })),
    };
  };

  const procedureOrThrow = (code: string, today: string) => procedureInForce(deps, code, today);

  /** Code, lookup code, receipt time and due time for a dossier received complete now. */
  const receiptOf = (p: ProcedureVersion, now: number, override: IntakeInput['dueOverride']) => {
    const s = settings();
    const site = deps.site.site();
    // A legal code is never issued under the sample's agency code and letterhead.
    if (site.sampleData) throw new HubError('SAMPLE_DATA');
    const today = vnDate(now);
    const seq = dossiers.allocateSequence(site.agencyCode.trim(), s.code.deskPart, today);
    const code = formatDossierCode(s.code, site.agencyCode, today, seq);
    const lookup = lookupCodeFrom(Array.from({ length: LOOKUP_LENGTH }, () => randomInt(LOOKUP_ALPHABET.length)));
    checkDueOverride(override, now);
    const due = override ? Date.parse(override.dueAt) : returnTime(calendar(), now, p.processing);
    return { code, code_seq: seq, lookup_code: lookup, received_at: now, due_at: due, due_reason: override?.reason ?? null };
  };

  /**
   * A dossier from the intake form, ending as received, supplement requested or refused. A request
   * id seen before returns the dossier it created: a double click is one dossier.
   */
  const intake = async (input: IntakeInput, ctx: HandlerContext, outcome: 'received' | 'supplement_requested' | 'refused', data: Record<string, unknown>) => {
    const me = staffOf(ctx);
    const clockConfirmed = outcome === 'received' ? clockConfirmation(deps, input.clockConfirmed) : null;
    if (outcome === 'received') await guardNumbering(deps, ctx.now);
    const { id, slip } = await write(() => {
      const again = dossiers.byRequestId(input.requestId);
      if (again) return { id: again.id, slip: null };
      const today = vnDate(ctx.now);
      const p = procedureOrThrow(input.procedureCode, today);
      checkApplicant(input.applicant, today);
      const { papers, missing } = checkPapers(p.documents, input.documents);
      if (outcome === 'received') requireComplete(missing);
      if (input.ticketId !== null && !deps.tickets.row(input.ticketId)) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự gắn với hồ sơ.');
      checkReturn(input.returnMethod, input.deliveryAddress);
      const row: DossierRow = {
        id: uuidv7(ctx.now), request_id: input.requestId, code: null, code_seq: null, lookup_code: null, status: outcome, procedure_version_id: p.id,
        ...applicantColumns(input.applicant), sets: input.sets, channel: input.channel,
        return_method: input.returnMethod, delivery_address: input.deliveryAddress, receiving_unit: deps.site.site().name, ticket_id: input.ticketId,
        officer_id: me.staffId, created_at: ctx.now, received_at: null, due_at: null, due_reason: null, returned_at: null, note: input.note, updated_at: ctx.now,
        ...(outcome === 'received' ? receiptOf(p, ctx.now, input.dueOverride) : {}),
      };
      dossiers.insert(row, documentRows(papers));
      const override = input.dueOverride ? { dueOverride: input.dueOverride.reason, dueOverrideAt: isoOrNull(Date.parse(input.dueOverride.dueAt)) } : {};
      dossiers.appendEvent(row, outcome, me.staffId, { ...data, ...override }, ctx.now, true);
      audit(ctx, 'dossier.created', row.id, { outcome });
      if (clockConfirmed) audit(ctx, 'dossier.clockConfirmed', row.id, clockConfirmed);
      return { id: row.id, slip: outcome === 'received' ? queueSlip(row.id, ctx) : null };
    });
    if (slip) announcePrintJob(deps, ctx, slip.printerId);
    ctx.notify.dossier(id);
    return { dossier: view(id), slip };
  };

  /** A received dossier with its slip: the one just queued, or (a repeated request) the one queued the first time. */
  const withSlip = (d: Dossier, slip: { jobId: string } | null): ReceivedDossier => {
    const jobId = slip?.jobId ?? (d.code ? deps.printing.firstReceiptJobOf(d.id) : null);
    return { ...d, slip: jobId ? deps.printing.jobView(jobId) : null };
  };

  /** The 80 mm receipt slip on the counter's receipt printer, if there is one (in the caller's transaction). */
  const queueSlip = (dossierId: string, ctx: HandlerContext): { printerId: string; jobId: string } | null => {
    const me = staffOf(ctx);
    const counterId = deps.sessions.openForStaff(me.staffId)?.counter_id ?? null;
    const printer = receiptPrinterFor(deps.printing.printers(), counterId);
    if (!printer) return null;
    const d = dossiers.row(dossierId)!;
    const p = dossiers.procedureVersion(d.procedure_version_id)!;
    const jobId = enqueuePrint(deps, {
      printer_id: printer.id, kind: 'receipt', title: `Phiếu tiếp nhận ${d.code}`, ticket_id: null, reprint_of: null, requested_by: me.staffId,
      data: {
        dossierId: d.id, siteName: deps.site.site().name, sampleData: deps.site.site().sampleData, dossierCode: d.code, applicantName: d.applicant_name, procedureName: p.name, receivedAt: d.received_at, returnAt: d.due_at, lookupCode: d.lookup_code,
        qrPayload: formatReceiptQr({ dossierCode: d.code!, lookupCode: d.lookup_code! }, receiptLinks(deps) ?? undefined),
        papers: receivedPaperLines(dossiers.documents(d.id)),
      },
    }, ctx.now);
    return { printerId: printer.id, jobId };
  };

  /** One step on an existing dossier, checked by the lifecycle, recorded in its history and the outbox. */
  const step = async (ctx: HandlerContext, dossierId: string, action: Parameters<typeof dossierTransition>[1], event: string, data: Record<string, unknown>, patch: (d: DossierRow) => Partial<DossierRow> = () => ({})) => {
    const me = staffOf(ctx);
    await write(() => {
      const d = dossiers.row(dossierId);
      if (!d) throw new HubError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
      const status = dossierTransition(d.status, action, d.code);
      dossiers.update(d.id, { ...patch(d), status }, ctx.now);
      dossiers.appendEvent({ ...d, status }, event, me.staffId, data, ctx.now, true);
      audit(ctx, `dossier.${event}`, d.id);
    });
    ctx.notify.dossier(dossierId);
    return view(dossierId);
  };

  return {
    'dossiers.quote': ({ procedureCode }, ctx) => {
      const p = procedureOrThrow(procedureCode, vnDate(ctx.now));
      return { receivedAt: isoOrNull(ctx.now)!, dueAt: isoOrNull(returnTime(calendar(), ctx.now, p.processing))!, processingText: processingText(p.processing) };
    },

    'dossiers.receive': async (input, ctx) => {
      const { dossier, slip } = await intake(input, ctx, 'received', {});
      return withSlip(dossier, slip);
    },
    'dossiers.requestSupplement': async ({ items, ...input }, ctx) => (await intake(input, ctx, 'supplement_requested', { items })).dossier,
    'dossiers.refuse': async ({ reason, ...input }, ctx) => (await intake(input, ctx, 'refused', { reason })).dossier,

    'dossiers.completeSupplement': async ({ dossierId, documents, clockConfirmed: confirmed }, ctx) => {
      const me = staffOf(ctx);
      const clockConfirmed = clockConfirmation(deps, confirmed);
      await guardNumbering(deps, ctx.now);
      const slip = await write(() => {
        const d = dossiers.row(dossierId);
        if (!d) throw new HubError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
        const status = dossierTransition(d.status, 'receive', d.code);
        const p = dossiers.procedureVersion(d.procedure_version_id)!;
        const { papers, missing } = checkPapers(p.documents, documents);
        requireComplete(missing);
        dossiers.setDocuments(d.id, documentRows(papers));
        // First receipt: the dossier gets its code now. A supplement during processing keeps the
        // code and the receipt time; either way the clock restarts from the complete dossier.
        const patch = d.code === null ? receiptOf(p, ctx.now, null) : { due_at: returnTime(calendar(), ctx.now, p.processing) };
        dossiers.update(d.id, { ...patch, status }, ctx.now);
        dossiers.appendEvent({ ...d, status }, d.code === null ? 'received' : 'supplement_received', me.staffId, {}, ctx.now, true);
        audit(ctx, 'dossier.supplementReceived', d.id);
        if (clockConfirmed) audit(ctx, 'dossier.clockConfirmed', d.id, clockConfirmed);
        // The slip is the receipt: printed once, when the dossier gets its code.
        return d.code === null ? queueSlip(d.id, ctx) : null;
      });
      if (slip) announcePrintJob(deps, ctx, slip.printerId);
      ctx.notify.dossier(dossierId);
      const d = view(dossierId);
      return { ...d, slip: slip ? deps.printing.jobView(slip.jobId) : null };
    },

    'dossiers.requestMore': ({ dossierId, items }, ctx) => step(ctx, dossierId, 'requestSupplement', 'supplement_requested', { items }),
    'dossiers.advance': ({ dossierId, step: s, note }, ctx) => step(ctx, dossierId, s, s, { note }),
    'dossiers.returnResult': ({ dossierId, results, receiver }, ctx) =>
      step(ctx, dossierId, 'returnResult', 'returned', { results, receiver }, () => ({ returned_at: ctx.now })),
    'dossiers.withdraw': ({ dossierId, reason }, ctx) => step(ctx, dossierId, 'withdraw', 'withdrawn', { reason }),

    'dossiers.updateApplicant': async ({ dossierId, applicant: a }, ctx) => {
      const me = staffOf(ctx);
      await write(() => {
        const d = dossiers.row(dossierId);
        if (!d) throw new HubError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
        checkApplicantCorrection(d.applicant_kind, a);
        checkApplicant(a, vnDate(ctx.now));
        dossiers.update(d.id, applicantColumns(a), ctx.now);
        dossiers.appendEvent(dossiers.row(d.id)!, 'applicant_updated', me.staffId, {}, ctx.now, true);
        audit(ctx, 'dossier.applicantUpdated', d.id);
      });
      ctx.notify.dossier(dossierId);
      return view(dossierId);
    },

    'dossiers.extend': async ({ dossierId, newDueAt, reason }, ctx) => {
      const me = staffOf(ctx);
      await write(() => {
        const d = dossiers.row(dossierId);
        if (!d) throw new HubError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
        dossierTransition(d.status, 'extend', d.code);
        const due = Date.parse(newDueAt);
        const { previousDue, late } = extensionOf(d.due_at, due, ctx.now);
        dossiers.insertExtension(d.id, { id: uuidv7(ctx.now), at: ctx.now, reason, previous_due: previousDue, new_due: due, late: late ? 1 : 0, staff_id: me.staffId });
        dossiers.update(d.id, { due_at: due }, ctx.now);
        dossiers.appendEvent(d, 'extended', me.staffId, { reason, newDueAt, previousDueAt: isoOrNull(d.due_at) }, ctx.now, true);
        audit(ctx, 'dossier.extended', d.id);
      });
      ctx.notify.dossier(dossierId);
      return view(dossierId);
    },

    'dossiers.get': async ({ dossierId }, ctx) => {
      const d = view(dossierId);
      await write(() => audit(ctx, 'dossier.viewed', dossierId));
      return d;
    },

    'dossiers.search': ({ q, limit }) => dossiers.search(q, limit),

    'dossiers.byReceiptQr': async ({ code, lookupCode }, ctx) => {
      const d = dossierByReceipt(deps, code, lookupCode);
      await write(() => audit(ctx, 'dossier.viewed', d.id, { via: 'receiptQr' }));
      return view(d.id);
    },

    'dossiers.form': async ({ dossierId, form }, ctx) => {
      const { fileName, pdf } = await dossierFormPdf(deps, view(dossierId), form, ctx.now);
      await write(() => audit(ctx, 'dossier.printed', dossierId, { form }));
      return { fileName, pdfBase64: pdf.toString('base64') };
    },

    'dossiers.printSlip': async ({ dossierId }, ctx) => {
      const queued = await write(() => {
        const d = dossiers.row(dossierId);
        if (!d?.code) throw new HubError('CONFLICT', 'Hồ sơ chưa được tiếp nhận, chưa có phiếu tiếp nhận.');
        const slip = queueSlip(d.id, ctx);
        if (!slip) throw new HubError('PRINTER_NOT_FOUND', 'Chưa có máy in phiếu tiếp nhận cho quầy này.');
        audit(ctx, 'dossier.printed', d.id, { form: 'slip' });
        return slip;
      });
      announcePrintJob(deps, ctx, queued.printerId);
      return deps.printing.jobView(queued.jobId)!;
    },

    'dossiers.attachScan': async (input, ctx) => {
      if (!deps.dataDir) throw new HubError('CONFLICT', 'Hub không có thư mục dữ liệu để lưu bản quét.');
      const file = await storeScan(deps, deps.dataDir, input, staffOf(ctx).staffId, ctx.now);
      // The scan's row, its line in the history and the audit entry: one transaction.
      await write(() => {
        const d = dossiers.row(input.dossierId)!;
        dossiers.insertFile(file);
        dossiers.appendEvent(d, 'file_attached', staffOf(ctx).staffId, { fileName: file.file_name, sha256: file.sha256, pages: file.pages }, ctx.now, false);
        audit(ctx, 'dossier.fileAttached', d.id, { fileId: file.id });
      });
      ctx.notify.dossier(input.dossierId);
      return scanView(file);
    },

    'dossiers.openScan': async ({ fileId }, ctx) => {
      const { file, data } = await readScan(deps, fileId);
      await write(() => audit(ctx, 'dossier.fileViewed', file.dossier_id, { fileId }));
      return { fileName: file.file_name, mime: file.mime, dataBase64: data.toString('base64') };
    },

    'dossiers.register': async ({ from, to, format }, ctx) => {
      if (to < from) throw new HubError('VALIDATION_FAILED', 'Ngày kết thúc phải sau ngày bắt đầu.');
      const rows = dossiers.received(vnMidnight(from), vnMidnight(to) + 86_400_000);
      const file = await registerFile(deps, rows, from, to, format);
      await write(() => deps.audit.record(actorOf(ctx.principal), 'dossier.registerExported', null, { from, to, format, count: rows.length }, ctx.now));
      return file;
    },

    'dossiers.lookup': async ({ code, lookupCode }, ctx) => {
      const d = await guardedDossierByReceipt(deps, ctx, code, lookupCode);
      const p = dossiers.procedureVersion(d.procedure_version_id)!;
      const site = deps.site.site();
      return {
        code: d.code!, procedureName: p.name, status: d.status, receivedAt: isoOrNull(d.received_at)!, dueAt: isoOrNull(d.due_at), returnedAt: isoOrNull(d.returned_at),
        applicantMasked: maskedName(d.applicant_name), ...citizenDossierView(d.status), siteName: site.name, sampleData: site.sampleData,
      };
    },
  } satisfies Partial<Handlers>;
}

