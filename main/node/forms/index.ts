/**
 * The one-stop desk's A4 forms. Render one with
 * `renderFormPdf(currentForms.receipt, data)`; each call returns the PDF as a Buffer.
 * `currentForms` names the template version in force; a dossier feature that stores the template
 * id it printed with can keep an older template for reprints when a new circular adds a version.
 */
import { receiptTemplate } from './templates/mau-01-tiep-nhan';
import { supplementRequestTemplate } from './templates/mau-02-bo-sung';
import { refusalTemplate } from './templates/mau-03-tu-choi';
import { apologyTemplate } from './templates/mau-04-xin-loi';
import { withdrawalTemplate } from './templates/mau-05-dung-giai-quyet';
import { registerTemplate } from './templates/mau-07-so-theo-doi';
import { handoverTemplate } from './templates/phieu-tra-ket-qua';

export { renderFormPdf, type RenderOptions } from './render-pdf';
export type { FormTemplate } from './template';
export type * from './form-data';

export const currentForms = {
  receipt: receiptTemplate,
  supplementRequest: supplementRequestTemplate,
  refusal: refusalTemplate,
  apology: apologyTemplate,
  withdrawal: withdrawalTemplate,
  handover: handoverTemplate,
  register: registerTemplate,
} as const;
