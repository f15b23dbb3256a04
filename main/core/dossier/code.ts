import type { DossierCodeSettings } from '../../../contract/dossier';
import { agencyCodeProblem } from '../../../contract/agency-code';
import { dossierCodeOf } from '../../../contract/dossier-texts';
import { HubError } from '../../../contract/errors';

/**
 * The dossier code (mã hồ sơ) from the site's pattern — by default
 * `<agency code>-YYMMDD-<sequence of at least 4 digits>` (TT 01/2018 Điều 19; TT 03/2025 keeps
 * "at least" 4 digits). YYMMDD is the receipt date in Vietnam time; the sequence restarts every
 * day per agency code and desk part, and grows past its width rather than wrapping.
 */
export function formatDossierCode(settings: DossierCodeSettings, agencyCode: string, receiptDate: string, seq: number): string {
  const problem = agencyCodeProblem(agencyCode);
  if (problem) throw new HubError('AGENCY_CODE_INVALID', `${problem} Không cấp được mã hồ sơ: sửa mã ở Quản trị → Đơn vị.`);
  return dossierCodeOf(settings, agencyCode, receiptDate, seq);
}

/**
 * Letters of the short secret lookup code printed on the receipt: digits and consonants only.
 * Vowels and the Telex tone keys (s f r x j w d) are left out so a keyboard-wedge scanner behind a
 * Vietnamese input method cannot turn "A" + "S" into "Á".
 */
export const LOOKUP_ALPHABET = '23456789BCGHKLMNPQTV';
export const LOOKUP_LENGTH = 6;

export function lookupCodeFrom(randomIndexes: readonly number[]): string {
  return randomIndexes.slice(0, LOOKUP_LENGTH).map((i) => LOOKUP_ALPHABET[i % LOOKUP_ALPHABET.length]).join('');
}
