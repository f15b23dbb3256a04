import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOOKUP_ALPHABET } from '../../../main/core/dossier/code';
import { dossierQueryOf } from '../../../main/core/dossier/search-query';
import { foldName } from '../../../main/core/vn-fold';

const APOSTROPHES = ["'", '’', '‘', 'ʼ', '`'];
/** The stored folded name contains the folded query: what the trigram index answers. */
const finds = (query: string, name: string) => foldName(name).includes(foldName(query));

describe('names folded for the counter search', () => {
  it('finds "Rơ Châm H\'Bia" from the forms people type, whatever apostrophe the name was stored with', () => {
    for (const a of APOSTROPHES) {
      const name = `Rơ Châm H${a}Bia`;
      for (const q of ['hbia', 'cham hbia', "h'bia", 'H’Bia', 'HʼBIA', 'Châm H‘Bia', 'ro cham hbia']) expect(finds(q, name), `${q} in ${name}`).toBe(true);
    }
    expect(foldName("Rơ Châm H'Bia")).toBe('ro cham hbia');
  });

  it('splits at hyphens, so the parts are found as words', () => {
    expect(foldName('Y-Bông Ê-ban')).toBe('y bong e ban');
    expect(finds('y bong', 'Y-Bông Niê')).toBe(true);
    expect(finds('Y‐Bông', 'Y Bông Niê')).toBe(true);
  });

  it('gives any spelling of a name with its apostrophes moved, swapped or dropped the same fold', () => {
    const letters = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯHKY'.split(''), 'á', 'ề', 'ự', 'ỹ');
    const word = fc.array(letters, { minLength: 1, maxLength: 6 }).map((w) => w.join(''));
    const name = fc.array(word, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(name, fc.array(fc.constantFrom(...APOSTROPHES, ''), { minLength: 4, maxLength: 4 }), (words, marks) => {
        const plain = words.join(' ');
        const marked = words.map((w, i) => (w.length > 1 ? w[0] + marks[i] + w.slice(1) : w)).join(' ');
        expect(foldName(marked)).toBe(foldName(plain));
        expect(foldName(foldName(marked))).toBe(foldName(marked)); // folding twice changes nothing (migration 012 relies on it)
        expect(foldName(marked)).toMatch(/^[a-z ]*$/);
      }),
    );
  });
});

describe('what the dossier search box holds', () => {
  it('takes the tail of the code, after the agency code, as printed', () => {
    expect(dossierQueryOf('261202-0001')).toEqual({ kind: 'codeTail', tail: '261202-0001' });
    expect(dossierQueryOf(' 261202-10001 ')).toEqual({ kind: 'codeTail', tail: '261202-10001' });
    // A six-digit sequence makes twelve digits, the length of a CCCD number, but the dash says which.
    expect(dossierQueryOf('261202-000001')).toEqual({ kind: 'codeTail', tail: '261202-000001' });
    expect(dossierQueryOf('064190012345').kind).toBe('idNumber');
    expect(dossierQueryOf('000.00.15.H21-2612')).toEqual({ kind: 'codePrefix', prefix: '000.00.15.H21-2612' });
    // A bare sequence names no dossier (every day has a 0001): it is left to the name index, which holds no digits.
    expect(dossierQueryOf('0001').kind).toBe('name');
  });

  it('takes the receipt\'s lookup code in either case, and never a name fragment for one', () => {
    expect(dossierQueryOf('9KLKTQ')).toEqual({ kind: 'lookupCode', lookupCode: '9KLKTQ' });
    expect(dossierQueryOf('9klktq')).toEqual({ kind: 'lookupCode', lookupCode: '9KLKTQ' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LOOKUP_ALPHABET.split('')), { minLength: 6, maxLength: 6 }), (chars) => {
        expect(dossierQueryOf(chars.join('').toLowerCase()).kind).toBe('lookupCode');
      }),
    );
    for (const q of ['nguyen', 'hoang', 'thanhh', 'hbia h']) expect(dossierQueryOf(q).kind).toBe('name');
  });

  it('keeps phone and ID numbers apart from the new shapes', () => {
    expect(dossierQueryOf('0987 654 321')).toEqual({ kind: 'phone', digits: '0987654321' });
    expect(dossierQueryOf('0987-654-321').kind).toBe('phone');
    expect(dossierQueryOf('B1234567')).toEqual({ kind: 'idNumber', idNumber: 'B1234567' });
    expect(dossierQueryOf("cham h'bia")).toEqual({ kind: 'name', folded: 'cham hbia' });
  });
});
