import type { Dossier, DossierSettings } from '../../../contract/dossier';
import { HubError } from '../../../contract/errors';
import { processingText } from '../../../contract/dossier-texts';
import { formatReceiptQr } from '../../../contract/receipt-qr';
import { paperIdentity } from '../../core/site-identity';
import { vnDate } from '../../core/vn-time';
import { currentForms, renderFormPdf, type Applicant as FormApplicant, type DocumentKind, type FormHeader, type SubmittedDocument } from '../forms/index';
import { documentLine } from '../forms/templates/common';
import type { HubDeps } from './context';
import { receiptLinks } from './print-handlers';

const kinds: Record<Dossier['documents'][number]['form'], DocumentKind> = {
  original: 'original',
  copy: 'copy',
  certified_copy: 'certified-copy',
  original_or_copy: 'copy',
};

type Paper = Pick<Dossier['documents'][number], 'name' | 'form' | 'received'>;

/** The papers a dossier was received with, as Mẫu 01 lists them. */
function receivedDocuments(documents: readonly Paper[]): SubmittedDocument[] {
  return documents.filter((x) => x.received > 0).map((x) => ({ name: x.name, kind: kinds[x.form], count: x.received }));
}

/** The same papers as lines for the thermal receipt slip: "Tờ khai đăng ký khai sinh (Bản chính: 01)". */
export function receivedPaperLines(documents: readonly Paper[]): string[] {
  return receivedDocuments(documents).map((x) => documentLine(x.name, x.kind, x.count));
}

type FormName = 'receipt' | 'supplementRequest' | 'refusal' | 'apology' | 'withdrawal' | 'handover';

/**
 * A dossier's A4 forms, filled from what the hub recorded: the dossier, its settings, and the
 * history event that produced the form (the missing papers, the refusal reason, the extension…),
 * so a reprint months later says exactly what the first print said.
 */
export async function dossierFormPdf(deps: HubDeps, d: Dossier, form: FormName, now: number): Promise<{ fileName: string; pdf: Buffer }> {
  const s = deps.site.get<DossierSettings>('dossiers')!;
  const site = paperIdentity(deps.site.site());
  const header = (at: number): FormHeader => ({ agencyLines: site.headerLines, place: site.placeName, issuedAt: at });
  const applicant: FormApplicant = {
    kind: d.applicant.kind,
    name: d.applicant.fullName,
    ...(d.applicant.kind === 'organisation' && d.applicant.representative ? { representative: d.applicant.representative } : {}),
    address: d.applicant.address,
    ...(d.applicant.phone ? { phone: d.applicant.phone } : {}),
    ...(d.applicant.email ? { email: d.applicant.email } : {}),
  };
  const event = (type: string) => {
    const e = deps.dossiers.lastEvent(d.id, type);
    if (!e) throw new HubError('NOT_FOUND', 'Hồ sơ chưa có thông tin để in mẫu này.');
    return { at: e.at, data: JSON.parse(e.data) as Record<string, unknown> };
  };
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new HubError('CONFLICT', `Hồ sơ chưa ${what}, chưa in được mẫu này.`);
    return value;
  };
  const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  const code = d.code ?? undefined;
  const name = `${d.code ?? d.id.slice(0, 8)}`;

  let pdf: Buffer;
  switch (form) {
    case 'receipt': {
      const received = need(ms(d.receivedAt), 'được tiếp nhận');
      pdf = await renderFormPdf(currentForms.receipt, {
        header: header(received),
        dossierCode: need(d.code, 'có mã'),
        receivingUnit: d.receivingUnit,
        applicant,
        procedureName: d.procedure.name,
        documents: receivedDocuments(d.documents),
        sets: d.sets,
        processingTime: processingText(d.procedure.processing),
        receivedAt: received,
        returnAt: need(ms(d.dueAt), 'có thời gian trả'),
        resultDelivery: d.returnMethod === 'post' ? { kind: 'post', address: d.deliveryAddress } : d.returnMethod === 'online' ? { kind: 'online', channel: 'Cổng Dịch vụ công' } : { kind: 'desk', place: d.receivingUnit },
        register: { book: s.registerBook, sequence: String(deps.dossiers.row(d.id)!.code_seq ?? '') },
        fees: d.fees.map((f) => ({ name: f.name, amountVnd: f.amount })),
        lookup: { code: need(d.lookupCode, 'có mã tra cứu'), qrPayload: formatReceiptQr({ dossierCode: d.code!, lookupCode: d.lookupCode! }, receiptLinks(deps) ?? undefined) },
        officerName: d.officerName,
      });
      break;
    }
    case 'supplementRequest': {
      const e = event('supplement_requested');
      pdf = await renderFormPdf(currentForms.supplementRequest, {
        header: header(e.at), ...(code ? { dossierCode: code } : {}), receivingUnit: d.receivingUnit, applicant, procedureName: d.procedure.name,
        items: e.data.items as { what: string; reason: string }[], officerName: d.officerName,
      });
      break;
    }
    case 'refusal': {
      const e = event('refused');
      pdf = await renderFormPdf(currentForms.refusal, {
        header: header(e.at), ...(code ? { dossierCode: code } : {}), receivingUnit: d.receivingUnit, applicant, procedureName: d.procedure.name,
        reason: String(e.data.reason), officerName: d.officerName,
      });
      break;
    }
    case 'apology': {
      const x = d.extensions.at(-1);
      if (!x) throw new HubError('NOT_FOUND', 'Hồ sơ chưa được gia hạn.');
      pdf = await renderFormPdf(currentForms.apology, {
        header: header(Date.parse(x.at)), dossierCode: need(d.code, 'có mã'), authorityName: site.authorityName, applicant,
        procedureName: d.procedure.name, receivedAt: need(ms(d.receivedAt), 'được tiếp nhận'), dueAt: Date.parse(x.previousDueAt), reason: x.reason,
        newReturnAt: Date.parse(x.newDueAt), signer: { titleLines: s.signerTitleLines, name: s.signerName },
      });
      break;
    }
    case 'withdrawal': {
      const e = event('withdrawn');
      pdf = await renderFormPdf(currentForms.withdrawal, {
        header: header(e.at), dossierCode: need(d.code, 'có mã'), authorityName: site.authorityName, receivingUnit: d.receivingUnit,
        applicant, procedureName: d.procedure.name, receivedAt: need(ms(d.receivedAt), 'được tiếp nhận'), requestedAt: e.at,
        ...(e.data.reason ? { reason: String(e.data.reason) } : {}), signer: { titleLines: s.signerTitleLines, name: s.signerName },
      });
      break;
    }
    case 'handover': {
      const e = event('returned');
      const receiver = e.data.receiver as { name: string; idNumber: string; relation: string };
      pdf = await renderFormPdf(currentForms.handover, {
        header: header(e.at), dossierCode: need(d.code, 'có mã'), receivingUnit: d.receivingUnit, applicant, procedureName: d.procedure.name,
        receivedAt: need(ms(d.receivedAt), 'được tiếp nhận'), dueAt: need(ms(d.dueAt), 'có thời gian trả'), returnedAt: e.at,
        results: e.data.results as { name: string; count: number }[],
        receiver: { name: receiver.name, ...(receiver.idNumber ? { idNumber: receiver.idNumber } : {}), ...(receiver.relation ? { relation: receiver.relation } : {}) },
        officerName: d.officerName,
      });
      break;
    }
  }
  return { fileName: `${form}-${name}-${vnDate(now)}.pdf`, pdf };
}
