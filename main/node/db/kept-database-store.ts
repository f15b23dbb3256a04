import Database from 'better-sqlite3';

/** What a database handed out, day by day: the last ticket number of each sequence and the last dossier code sequence. */
export interface IssuedSequences {
  readonly numbers: readonly { sequenceId: string; serviceDate: string; lastNumber: number }[];
  readonly codes: readonly { agencyCode: string; deskPart: string; codeDate: string; lastSeq: number }[];
}

/**
 * The database a restore replaced and kept aside (contract/restore.ts, `previousDatabaseKeptAt`):
 * the counters it holds from `fromDate` on are exactly what the desk handed out until the restore.
 * Opened read-only and closed at once; it is never migrated or written.
 */
export function issuedInKeptDatabase(file: string, fromDate: string): IssuedSequences {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      numbers: db.prepare<[string], { sequenceId: string; serviceDate: string; lastNumber: number }>(
        'SELECT sequence_id AS sequenceId, service_date AS serviceDate, last_number AS lastNumber FROM sequence_days WHERE service_date >= ?',
      ).all(fromDate),
      codes: db.prepare<[string], { agencyCode: string; deskPart: string; codeDate: string; lastSeq: number }>(
        'SELECT agency_code AS agencyCode, desk_part AS deskPart, code_date AS codeDate, last_seq AS lastSeq FROM dossier_code_days WHERE code_date >= ?',
      ).all(fromDate),
    };
  } finally {
    db.close();
  }
}
