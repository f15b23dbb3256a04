import type { DossierForm } from '../../../../contract/dossier';
import { useHub } from '../../hub/session';
import { download, printPdf } from './files';
import { problemOf } from '../../hub/problem';
import { formTitles } from './texts';

/** One line under a page's buttons saying how its last action went. */
export interface StatusLine {
  readonly kind: 'success' | 'error' | 'info';
  readonly text: string;
}

/**
 * Printing a dossier's papers: an A4 form is a PDF from the hub. In the Electron window on the hub
 * PC the shell prints it on the site's A4 printer (window.motcuaShell.printPdf); in a browser, or
 * when the shell could not print, through the browser's dialog (a new tab, or a download, when a
 * frame may not print). The 80 mm slip goes to the counter's receipt printer through the hub's
 * print queue. How it went goes to `report`.
 */
export function usePrinting(report: (line: StatusLine) => void) {
  const { client } = useHub();
  const printForm = async (dossierId: string, form: DossierForm) => {
    try {
      report({ kind: 'info', text: `Đang chuẩn bị ${formTitles[form]}…` });
      const f = await client['dossiers.form']({ dossierId, form });
      const shell = window.motcuaShell;
      const shellPrinted = shell?.printPdf ? await shell.printPdf(f.pdfBase64).catch(() => false) : null;
      if (shellPrinted) {
        report({ kind: 'success', text: `${formTitles[form]}: đã gửi tới máy in A4.` });
        return;
      }
      const how = await printPdf(f.pdfBase64);
      if (how === 'blocked') download(f.pdfBase64, 'application/pdf', f.fileName);
      const done = { dialog: 'đã mở hộp thoại in', tab: 'đã mở trong thẻ mới để in', blocked: `trình duyệt không cho in trực tiếp; đã tải tệp ${f.fileName} về máy để in` };
      const shellFailed = shellPrinted === false ? 'máy in A4 không nhận lệnh in, ' : '';
      report({ kind: shellFailed ? 'info' : 'success', text: `${formTitles[form]}: ${shellFailed}${done[how]}.` });
    } catch (e) {
      report({ kind: 'error', text: problemOf(e, `Không in được ${formTitles[form]}.`).message });
    }
  };
  const printSlip = async (dossierId: string) => {
    try {
      const job = await client['dossiers.printSlip']({ dossierId });
      report({ kind: 'success', text: `Đã gửi phiếu 80 mm tới máy in ${job.printerName}.` });
    } catch (e) {
      report({ kind: 'error', text: problemOf(e, 'Không in được phiếu 80 mm.').message });
    }
  };
  return { printForm, printSlip };
}
