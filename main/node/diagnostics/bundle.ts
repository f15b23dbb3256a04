import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DiagnosticsReport } from '../../../contract/diagnostics';
import { withoutSecrets } from '../../core/diagnostics/redaction';
import { BUNDLE_FILES, summaryText } from '../../core/diagnostics/summary-text';
import type { LogTail } from './log-tail';

/** A BOM and CRLF line ends: Notepad on an old Windows PC at the province shows the Vietnamese and the lines right. */
const forNotepad = (text: string) => strToU8(`\uFEFF${text.replace(/\n/g, '\r\n')}`);

/**
 * The one file an admin sends: `tom-tat.txt` (for a person), `chan-doan.json` (for a tool) and
 * `nhat-ky/` (the end of each log file). The report passes the secret filter once more as a
 * whole, so a field added to it later cannot carry a password or a token out by mistake.
 */
export function diagnosticsBundle(report: DiagnosticsReport, logs: LogTail, now: number): Uint8Array {
  const safe = withoutSecrets(report) as DiagnosticsReport;
  const files: Zippable = {
    [BUNDLE_FILES.summary]: forNotepad(summaryText(safe)),
    [BUNDLE_FILES.report]: strToU8(`${JSON.stringify(safe, null, 2)}\n`),
  };
  for (const e of logs.excerpts) files[`${BUNDLE_FILES.logs}${e.file}`] = strToU8(e.text);
  return zipSync(files, { level: 6, mtime: new Date(now) });
}
