import { foldName } from '../vn-fold';
import { LOOKUP_ALPHABET, LOOKUP_LENGTH } from './code';

/**
 * What the counter's dossier search box holds, told apart by shape, so each kind is looked up by
 * its own index. The shapes do not overlap:
 * - a phone number starts with 0 and has 10–11 digits; an ID number has 9 or 12 digits (or a
 *   passport's letter and 7–8 digits);
 * - the lookup code printed on the receipt is 6 characters of LOOKUP_ALPHABET, which has no vowel
 *   (so no fragment of a Vietnamese name, every syllable has one) and no 0 or 1 (so no YYMMDD,
 *   whose month always has one);
 * - the code's tail is what follows the agency code: "261202-0001" (YYMMDD, dash, the desk part
 *   and sequence as printed). It is told apart first, by its dash after six digits, because a
 *   six-digit sequence would make it twelve digits like an ID number; its year never starts with
 *   0, while phone and CCCD numbers do. A bare sequence "0001" is not taken: every day has one,
 *   so it names no dossier;
 * - the start of a full code begins with the agency code ("000.00.15.H21-2612…"), which has a dot
 *   or a letter before its first dash, never six digits;
 * - anything else is a name fragment of three letters or more.
 */
export type DossierQuery =
  | { readonly kind: 'phone'; readonly digits: string }
  | { readonly kind: 'idNumber'; readonly idNumber: string }
  | { readonly kind: 'lookupCode'; readonly lookupCode: string }
  | { readonly kind: 'codeTail'; readonly tail: string }
  | { readonly kind: 'codePrefix'; readonly prefix: string }
  | { readonly kind: 'name'; readonly folded: string }
  | { readonly kind: 'tooShort' };

const LOOKUP = new RegExp(`^[${LOOKUP_ALPHABET}]{${LOOKUP_LENGTH}}$`);

export function dossierQueryOf(query: string): DossierQuery {
  const q = query.trim();
  const compact = q.replace(/[\s.-]/g, '');
  const upper = q.toUpperCase();
  if (/^[1-9]\d{5}-[0-9A-Z]+$/.test(upper)) return { kind: 'codeTail', tail: upper };
  if (/^0\d{9,10}$/.test(compact)) return { kind: 'phone', digits: compact };
  if (/^\d{9}$|^\d{12}$|^[A-Z]\d{7,8}$/i.test(compact)) return { kind: 'idNumber', idNumber: compact.toUpperCase() };
  if (LOOKUP.test(upper)) return { kind: 'lookupCode', lookupCode: upper };
  if (/^[0-9A-Z.]+-\d/.test(upper)) return { kind: 'codePrefix', prefix: upper };
  const folded = foldName(q);
  return folded.length < 3 ? { kind: 'tooShort' } : { kind: 'name', folded };
}

