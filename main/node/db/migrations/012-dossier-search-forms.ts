import { foldName } from '../../../core/vn-fold';
import type { Migration } from '../migrate';

/**
 * The part of a dossier code after its agency code, as SQL over the column `code` names: an agency code never
 * holds a dash (contract/agency-code.ts) and the default pattern puts it first, so this is the
 * "261202-0001" printed after it. The index below is on this very expression; the search must
 * spell it the same way for SQLite to use the index.
 */
export function codeTailSql(code: string): string {
  return `substr(${code}, instr(${code}, '-') + 1)`;
}

/**
 * Search finds what people type at the counter (issue 13): the applicant's folded name drops
 * apostrophes and splits at hyphens (main/core/vn-fold.ts `foldName`), so the names folded
 * before keep "h'bia" and are folded again here; the update trigger of migration 004 keeps the
 * trigram index in step. Only names still holding one of those characters are read: a name
 * folded the new way holds none, so running this twice changes nothing. Two indexes serve the
 * new query shapes: the code's tail and the receipt's lookup code.
 */
export const migration012: Migration = {
  version: 12,
  name: 'dossier-search-forms',
  up(db) {
    const stale = db
      .prepare<[], { rowid: number; applicant_name: string; applicant_folded: string }>(
        `SELECT rowid, applicant_name, applicant_folded FROM dossiers
         WHERE instr(applicant_folded, '''') OR instr(applicant_folded, '’') OR instr(applicant_folded, '‘')
            OR instr(applicant_folded, 'ʼ') OR instr(applicant_folded, '\`') OR instr(applicant_folded, '-')
            OR instr(applicant_folded, '‐') OR instr(applicant_folded, '‑') OR instr(applicant_folded, '–')`,
      )
      .all();
    const update = db.prepare<[string, number]>('UPDATE dossiers SET applicant_folded = ? WHERE rowid = ?');
    for (const d of stale) {
      const folded = foldName(d.applicant_name);
      if (folded !== d.applicant_folded) update.run(folded, d.rowid);
    }
    db.exec(`
      CREATE INDEX IF NOT EXISTS dossiers_by_code_tail ON dossiers(${codeTailSql('code')});
      CREATE INDEX IF NOT EXISTS dossiers_by_lookup_code ON dossiers(lookup_code);
    `);
  },
};
