import { z } from 'zod';

/**
 * The agency code (mã định danh cơ quan) that starts every dossier code. Two shapes are in use
 * (shared/docs/domain-vn.md, "Dossier code"):
 * - QCVN 102:2016 (TT 01/2018): four parts, lowest level first — `NNN.NN.NN.LNN`, e.g.
 *   `000.00.15.H21` (three digits, two, two, then the level-1 code);
 * - QĐ 20/2020/QĐ-TTg electronic IDs (TT 03/2025): the level-1 code first, then one to three parts
 *   of two or three digits, e.g. `H21.123.45`.
 * The level-1 code is one capital letter and two digits, never `00`; for a province (`H`) it is
 * H01…H63. Here, not in main/core, because the central checks the same grammar when a hub enrols
 * and may not import the hub's core.
 */
const QCVN_102 = /^\d{3}\.\d{2}\.\d{2}\.([A-Z])(\d{2})$/;
const ELECTRONIC_ID = /^([A-Z])(\d{2})(?:\.\d{2,3}){1,3}$/;

/** Why `code` is not an agency code, in Vietnamese, or null when it is one. */
export function agencyCodeProblem(code: string): string | null {
  const m = QCVN_102.exec(code) ?? ELECTRONIC_ID.exec(code);
  if (!m) {
    return code.trim() === ''
      ? 'Chưa nhập mã định danh cơ quan.'
      : `"${code}" không phải mã định danh cơ quan. Mã có dạng 000.00.15.H21 (QCVN 102:2016) hoặc H21.123.45 (mã định danh điện tử), viết liền, không dấu cách.`;
  }
  const level1 = Number(m[2]);
  if (level1 === 0 || (m[1] === 'H' && level1 > 63)) return `Mã cấp 1 "${m[1]}${m[2]}" không có thật (mã tỉnh từ H01 đến H63).`;
  return null;
}

/** An agency code as typed by an admin: spaces around it dropped, then the grammar above. */
export const AgencyCode = z
  .string()
  .trim()
  .max(40)
  .superRefine((code, ctx) => {
    const problem = agencyCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
