import type { DocumentForm, Fee, ProcedureVersion, ProcessingTime, RequiredDocument } from '../../contract/dossier';
import type { KioskProcedure } from '../../contract/kiosk-procedure';
import { foldVietnamese } from './vn-fold';

/**
 * What the kiosk says of a procedure, for a citizen reading a touch screen or the printed
 * checklist: plain words, no codes to decode. One rule for both, so the screen and the paper agree.
 */

/** "3 ngày làm việc", "8 giờ làm việc", "Trong ngày": the receipt's wording without its zero padding, which reads as a code to a citizen. */
export function processingWords(p: ProcessingTime): string {
  if (p.unit === 'same_day') return 'Trong ngày';
  return p.unit === 'working_days' ? `${p.value} ngày làm việc` : `${p.value} giờ làm việc`;
}

/** 25000 → "25.000 đồng": the dot groups thousands in Vietnamese. Written out, since core has no locale data to rely on. */
export function vndWords(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** "Lệ phí cấp giấy: 5.000 đồng"; a procedure without fees says so, so the citizen does not bring money in doubt. */
export function feeLines(fees: readonly Fee[]): string[] {
  if (fees.length === 0) return ['Không mất phí, lệ phí'];
  return fees.map((f) => (f.amount === 0 ? `${f.name}: miễn phí` : `${f.name}: ${vndWords(f.amount)}`));
}

const formWords: Record<DocumentForm, string> = {
  original: 'bản chính',
  copy: 'bản sao',
  certified_copy: 'bản sao chứng thực',
  original_or_copy: 'bản chính hoặc bản sao',
};

/** "1 bản chính", "2 bản sao chứng thực"; "(nếu có)" marks a paper only some citizens need. */
export function paperWords(doc: RequiredDocument): string {
  return `${doc.count} ${formWords[doc.form]}${doc.mandatory ? '' : ' (nếu có)'}`;
}

/**
 * Where to hand the dossier in. No procedure is tied to a counter in the catalogue, so it is the
 * site's one-stop desk; a site named for its desk ("Bộ phận Một cửa xã…", "Trung tâm Phục vụ hành
 * chính công…") is not told it twice.
 */
export function submitPlace(siteName: string): string {
  const folded = foldVietnamese(siteName);
  return folded.includes('mot cua') || folded.includes('phuc vu hanh chinh cong') ? siteName : `Bộ phận Một cửa — ${siteName}`;
}

/** The kiosk's view of a procedure in force: the papers to bring, the fees, the time, the result and where to submit. */
export function kioskProcedureView(p: ProcedureVersion, site: { name: string; sampleData: boolean }): KioskProcedure {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    papers: p.documents.map((d) => ({ name: d.name, howMany: paperWords(d), mandatory: d.mandatory })),
    fees: feeLines(p.fees),
    processing: processingWords(p.processing),
    result: p.result,
    authority: p.authority,
    submitAt: submitPlace(site.name),
    siteName: site.name,
    sampleData: site.sampleData,
  };
}
