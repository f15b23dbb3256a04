import { timingSafeEqual } from 'node:crypto';
import type { CalendarYear } from '../../../contract/calendar';
import type { Applicant, DossierStatus, DossierSummary, Fee, ProcedureVersion, ProcessingTime, RequiredDocument } from '../../../contract/dossier';
import { foldName, foldVietnamese } from '../../core/vn-fold';
import { dossierQueryOf } from '../../core/dossier/search-query';
import { codeTailSql } from './migrations/012-dossier-search-forms';
import { maskIdNumber, phoneDigits, type PaperCheck } from '../../core/dossier/intake-rules';
import type { OutboxStore } from './outbox-store';
import type { Db } from './open';
import { SqlStore } from './sql-store';
import { uuidv7 } from './uuidv7';
import { isoOrNull } from '../../core/vn-time';

interface ProcedureRow {
  id: string; code: string; version: number; name: string; name_folded: string; field: string; authority: string;
  processing: string; documents: string; fees: string; result: string; valid_from: string; active: number;
  source: ProcedureVersion['source']; created_at: number;
}

export interface DossierRow {
  id: string;
  request_id: string;
  code: string | null;
  code_seq: number | null;
  lookup_code: string | null;
  status: DossierStatus;
  procedure_version_id: string;
  applicant_kind: 'person' | 'organisation';
  applicant_name: string;
  applicant_folded: string;
  id_number: string;
  date_of_birth: string | null;
  representative: string;
  address: string;
  phone: string;
  phone_digits: string;
  email: string;
  sets: number;
  channel: 'direct' | 'postal';
  return_method: 'desk' | 'post' | 'online';
  delivery_address: string;
  receiving_unit: string;
  ticket_id: string | null;
  officer_id: string;
  created_at: number;
  received_at: number | null;
  due_at: number | null;
  due_reason: string | null;
  returned_at: number | null;
  note: string;
  updated_at: number;
}

export interface DocumentRow { idx: number; name: string; form: RequiredDocument['form']; count: number; mandatory: number; received: number }
export interface FileRow {
  id: string; dossier_id: string; document_idx: number | null; file_name: string; mime: string; sha256: string; size: number;
  pages: number; stored_path: string; created_at: number; created_by: string; purged_at: number | null;
}
export interface ExtensionRow { id: string; at: number; reason: string; previous_due: number; new_due: number; late: number; staff_id: string }
export interface EventRow { type: string; at: number; staff_id: string | null; staff_name: string | null; data: string }

/** A version in force on a date (the two `?` are that date): active, started, and the newest such of its code. */
const IN_FORCE = `p.active = 1 AND p.valid_from <= ?
         AND p.version = (SELECT max(version) FROM procedure_versions x WHERE x.code = p.code AND x.active = 1 AND x.valid_from <= ?)`;

export const toProcedure = (r: ProcedureRow): ProcedureVersion => ({
  id: r.id, code: r.code, version: r.version, name: r.name, field: r.field, authority: r.authority,
  processing: JSON.parse(r.processing) as ProcessingTime, documents: JSON.parse(r.documents) as RequiredDocument[],
  fees: JSON.parse(r.fees) as Fee[], result: r.result, validFrom: r.valid_from, active: r.active === 1, source: r.source,
});

/** The applicant's columns of a dossier row (the other way round from `applicantOf`), with the folded name and digits search uses. */
export function applicantColumns(a: Applicant): Pick<DossierRow, 'applicant_kind' | 'applicant_name' | 'applicant_folded' | 'id_number' | 'date_of_birth' | 'representative' | 'address' | 'phone' | 'phone_digits' | 'email'> {
  return {
    applicant_kind: a.kind, applicant_name: a.fullName, applicant_folded: foldName(a.fullName), id_number: a.idNumber.toUpperCase(),
    date_of_birth: a.kind === 'person' ? a.dateOfBirth : null, representative: a.kind === 'organisation' ? a.representative : '',
    address: a.address, phone: a.phone, phone_digits: phoneDigits(a.phone), email: a.email,
  };
}

/** The dossier's paper rows from the procedure's papers checked against what was handed in. */
export const documentRows = (papers: readonly PaperCheck[]): DocumentRow[] =>
  papers.map((x) => ({ idx: x.index, name: x.doc.name, form: x.doc.form, count: x.doc.count, mandatory: x.doc.mandatory ? 1 : 0, received: x.received }));

export function applicantOf(r: DossierRow): Applicant {
  return r.applicant_kind === 'person'
    ? { kind: 'person', fullName: r.applicant_name, idNumber: r.id_number, dateOfBirth: r.date_of_birth, address: r.address, phone: r.phone, email: r.email }
    : { kind: 'organisation', fullName: r.applicant_name, idNumber: r.id_number, representative: r.representative, address: r.address, phone: r.phone, email: r.email };
}

/** The procedure catalogue, calendars, dossiers and everything attached to them. */
export class DossierStore extends SqlStore {
  constructor(
    db: Db,
    private readonly outbox: OutboxStore,
  ) {
    super(db);
  }

  // ── Procedures ─────────────────────────────────────────────────────────────

  /** The version in force on a date: the highest active version valid from then or earlier. */
  procedure(code: string, date: string): ProcedureVersion | null {
    const r = this.sql<[string, string], ProcedureRow>(
      'SELECT * FROM procedure_versions WHERE code = ? AND active = 1 AND valid_from <= ? ORDER BY version DESC LIMIT 1',
    ).get(code, date);
    return r ? toProcedure(r) : null;
  }

  procedureVersion(id: string): ProcedureVersion | null {
    const r = this.sql<[string], ProcedureRow>('SELECT * FROM procedure_versions WHERE id = ?').get(id);
    return r ? toProcedure(r) : null;
  }

  /** The newest catalogue feed item applied to this code (0: none). */
  appliedFeedVersion(code: string): number {
    return this.sql<[string], { v: number | null }>('SELECT max(feed_version) AS v FROM procedure_versions WHERE code = ?').get(code)?.v ?? 0;
  }

  latestVersion(code: string): ProcedureVersion | null {
    const r = this.sql<[string], ProcedureRow>('SELECT * FROM procedure_versions WHERE code = ? ORDER BY version DESC LIMIT 1').get(code);
    return r ? toProcedure(r) : null;
  }

  /** Procedures in force whose name (ignoring marks and case) or code contains the query. */
  searchProcedures(query: string, date: string, limit: number): ProcedureVersion[] {
    const q = foldVietnamese(query);
    const rows = this.sql<[string, string, string, string, number], ProcedureRow>(
      `SELECT p.* FROM procedure_versions p
       WHERE ${IN_FORCE}
         AND (p.name_folded LIKE '%' || ? || '%' ESCAPE '\\' OR lower(p.code) LIKE ? || '%' ESCAPE '\\')
       ORDER BY p.name LIMIT ?`,
    ).all(date, date, escapeLike(q), escapeLike(q), limit);
    return rows.map(toProcedure);
  }

  /** The fields (lĩnh vực) of the procedures in force on `date`, for the kiosk to browse by. */
  procedureFields(date: string): string[] {
    return this.sql<[string, string], { field: string }>(`SELECT DISTINCT p.field FROM procedure_versions p WHERE ${IN_FORCE} AND p.field <> '' ORDER BY p.field`)
      .all(date, date)
      .map((r) => r.field);
  }

  /** The procedures in force on `date` in one field, by name. */
  proceduresInField(field: string, date: string, limit: number): ProcedureVersion[] {
    return this.sql<[string, string, string, number], ProcedureRow>(`SELECT p.* FROM procedure_versions p WHERE ${IN_FORCE} AND p.field = ? ORDER BY p.name LIMIT ?`)
      .all(date, date, field, limit)
      .map(toProcedure);
  }

  /**
   * Every version whose name (ignoring marks and case) or code matches — in force, superseded,
   * future-dated or inactive — grouped by procedure (by its newest name), newest version first,
   * a page at a time; with the version of each procedure in force on `date` and its newest one.
   */
  allProcedureVersions(query: string, date: string, offset: number, limit: number): { total: number; items: { procedure: ProcedureVersion; inForceVersion: number | null; newestVersion: number }[] } {
    const q = escapeLike(foldVietnamese(query));
    const match = `(p.name_folded LIKE '%' || @q || '%' ESCAPE '\\' OR lower(p.code) LIKE @q || '%' ESCAPE '\\')`;
    const total = this.sql<[{ q: string }], { n: number }>(`SELECT count(*) AS n FROM procedure_versions p WHERE ${match}`).get({ q })!.n;
    const rows = this.sql<[{ q: string; date: string; offset: number; limit: number }], ProcedureRow & { in_force: number | null; newest: number }>(
      `SELECT p.*, (SELECT max(version) FROM procedure_versions x WHERE x.code = p.code AND x.active = 1 AND x.valid_from <= @date) AS in_force,
         (SELECT max(version) FROM procedure_versions z WHERE z.code = p.code) AS newest
       FROM procedure_versions p WHERE ${match}
       ORDER BY (SELECT y.name FROM procedure_versions y WHERE y.code = p.code ORDER BY y.version DESC LIMIT 1), p.code, p.version DESC
       LIMIT @limit OFFSET @offset`,
    ).all({ q, date, offset, limit });
    return { total, items: rows.map((r) => ({ procedure: toProcedure(r), inForceVersion: r.in_force, newestVersion: r.newest })) };
  }

  /** `feedVersion`: the catalogue feed item it came from, for a version the central sent. */
  insertProcedure(p: Omit<ProcedureVersion, 'id'>, now: number, feedVersion: number | null = null): ProcedureVersion {
    const id = uuidv7(now);
    this.sql(
      `INSERT INTO procedure_versions (id, code, version, name, name_folded, field, authority, processing, documents, fees, result, valid_from, active, source, created_at, feed_version)
       VALUES (@id, @code, @version, @name, @name_folded, @field, @authority, @processing, @documents, @fees, @result, @validFrom, @active, @source, @now, @feedVersion)`,
    ).run({
      ...p, id, now, feedVersion, name_folded: foldVietnamese(p.name), processing: JSON.stringify(p.processing),
      documents: JSON.stringify(p.documents), fees: JSON.stringify(p.fees), active: p.active ? 1 : 0,
    });
    return { ...p, id };
  }

  // ── Calendars ──────────────────────────────────────────────────────────────

  calendars(): CalendarYear[] {
    return this.sql<[], { data: string }>('SELECT data FROM calendars ORDER BY year, province').all().map((r) => JSON.parse(r.data) as CalendarYear);
  }

  saveCalendar(c: CalendarYear, source: string, now: number): void {
    this.sql(
      `INSERT INTO calendars (year, province, data, source, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (year, province) DO UPDATE SET data = excluded.data, source = excluded.source, updated_at = excluded.updated_at`,
    ).run(c.year, c.province ?? '', JSON.stringify(c), source, now);
  }

  // ── Codes ──────────────────────────────────────────────────────────────────

  /** The next sequence number of an agency code (and desk part) on a receipt date. */
  allocateSequence(agencyCode: string, deskPart: string, date: string): number {
    const row = this.sql<[string, string, string], { last_seq: number }>(
      'SELECT last_seq FROM dossier_code_days WHERE agency_code = ? AND desk_part = ? AND code_date = ?',
    ).get(agencyCode, deskPart, date);
    const seq = (row?.last_seq ?? 0) + 1;
    this.sql(
      `INSERT INTO dossier_code_days (agency_code, desk_part, code_date, last_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_code, desk_part, code_date) DO UPDATE SET last_seq = excluded.last_seq`,
    ).run(agencyCode, deskPart, date, seq);
    return seq;
  }

  // ── Dossiers ───────────────────────────────────────────────────────────────

  insert(row: DossierRow, documents: readonly DocumentRow[]): void {
    this.sql(`INSERT INTO dossiers (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(', ')})`).run(row);
    this.setDocuments(row.id, documents);
  }

  setDocuments(dossierId: string, documents: readonly DocumentRow[]): void {
    this.sql('DELETE FROM dossier_documents WHERE dossier_id = ?').run(dossierId);
    for (const d of documents) {
      this.sql('INSERT INTO dossier_documents (dossier_id, idx, name, form, count, mandatory, received) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        dossierId, d.idx, d.name, d.form, d.count, d.mandatory, d.received,
      );
    }
  }

  update(id: string, patch: Partial<Omit<DossierRow, 'id' | 'request_id'>>, now: number): void {
    const p = { ...patch, updated_at: now };
    this.sql(`UPDATE dossiers SET ${Object.keys(p).map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...p, id });
  }

  row(id: string): DossierRow | null {
    return this.sql<[string], DossierRow>('SELECT * FROM dossiers WHERE id = ?').get(id) ?? null;
  }

  byRequestId(requestId: string): DossierRow | null {
    return this.sql<[string], DossierRow>('SELECT * FROM dossiers WHERE request_id = ?').get(requestId) ?? null;
  }

  byCode(code: string): DossierRow | null {
    return this.sql<[string], DossierRow>('SELECT * FROM dossiers WHERE code = ?').get(code) ?? null;
  }

  /**
   * The dossier a citizen names with the two codes of the receipt, or null. The lookup code is
   * compared in constant time: it is the secret that stands for the citizen.
   */
  byLookup(code: string, lookupCode: string): DossierRow | null {
    const d = this.byCode(code.trim().toUpperCase());
    const given = Buffer.from(lookupCode.trim().toUpperCase());
    const stored = Buffer.from(d?.lookup_code ?? '');
    return d && given.length === stored.length && timingSafeEqual(given, stored) ? d : null;
  }

  documents(id: string): DocumentRow[] {
    return this.sql<[string], DocumentRow>('SELECT idx, name, form, count, mandatory, received FROM dossier_documents WHERE dossier_id = ? ORDER BY idx').all(id);
  }

  files(id: string): FileRow[] {
    return this.sql<[string], FileRow>('SELECT * FROM dossier_files WHERE dossier_id = ? ORDER BY created_at').all(id);
  }

  file(id: string): FileRow | null {
    return this.sql<[string], FileRow>('SELECT * FROM dossier_files WHERE id = ?').get(id) ?? null;
  }

  insertFile(f: FileRow): void {
    this.sql(`INSERT INTO dossier_files (${Object.keys(f).join(', ')}) VALUES (${Object.keys(f).map((k) => '@' + k).join(', ')})`).run(f);
  }

  /**
   * Scans not yet purged of dossiers in one of `closed` statuses since before an instant (the
   * retention setting), among the files whose rowid is in (`after`, `through`]: a round goes
   * through the files a window at a time (CROSS JOIN keeps the files the outer loop, so a window
   * reads only its own rows), never the whole table in one call.
   */
  filesToPurge(closed: readonly DossierStatus[], closedBefore: number, after: number, through: number): FileRow[] {
    return this.sql<[number, number, string, number], FileRow>(
      `SELECT f.* FROM dossier_files f CROSS JOIN dossiers d ON d.id = f.dossier_id
       WHERE f.rowid > ? AND f.rowid <= ? AND f.purged_at IS NULL AND d.status IN (SELECT value FROM json_each(?)) AND coalesce(d.returned_at, d.updated_at) < ?`,
    ).all(after, through, JSON.stringify(closed), closedBefore);
  }

  lastFileRowid(): number {
    return this.sql<[], { last: number | null }>('SELECT max(rowid) AS last FROM dossier_files').get()!.last ?? 0;
  }

  markPurged(fileId: string, now: number): void {
    this.sql('UPDATE dossier_files SET purged_at = ? WHERE id = ?').run(now, fileId);
  }

  extensions(id: string): ExtensionRow[] {
    return this.sql<[string], ExtensionRow>('SELECT id, at, reason, previous_due, new_due, late, staff_id FROM dossier_extensions WHERE dossier_id = ? ORDER BY at').all(id);
  }

  insertExtension(dossierId: string, e: ExtensionRow): void {
    this.sql('INSERT INTO dossier_extensions (id, dossier_id, at, reason, previous_due, new_due, late, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      e.id, dossierId, e.at, e.reason, e.previous_due, e.new_due, e.late, e.staff_id,
    );
  }

  events(id: string): EventRow[] {
    return this.sql<[string], EventRow>(
      `SELECT e.type, e.at, e.staff_id, s.full_name AS staff_name, e.data FROM dossier_events e
       LEFT JOIN staff s ON s.id = e.staff_id WHERE e.dossier_id = ? ORDER BY e.id`,
    ).all(id);
  }

  lastEvent(id: string, type: string): EventRow | null {
    return (
      this.sql<[string, string], EventRow>(
        `SELECT e.type, e.at, e.staff_id, s.full_name AS staff_name, e.data FROM dossier_events e
         LEFT JOIN staff s ON s.id = e.staff_id WHERE e.dossier_id = ? AND e.type = ? ORDER BY e.id DESC LIMIT 1`,
      ).get(id, type) ?? null
    );
  }

  /**
   * Appends to the dossier's history and, for what the province must know, to the sync outbox,
   * in the caller's transaction.
   */
  appendEvent(d: DossierRow, type: string, staffId: string | null, data: Record<string, unknown>, now: number, toCentral: boolean): void {
    this.sql('INSERT INTO dossier_events (dossier_id, type, at, staff_id, data) VALUES (?, ?, ?, ?, ?)').run(d.id, type, now, staffId, JSON.stringify(data));
    if (toCentral) {
      this.outbox.append(`dossier.${type}`, 1, d.id, { ...this.snapshot(d.id), event: { type, at: new Date(now).toISOString(), staffId, data } }, now);
    }
  }

  /** The site-owned fields of a dossier as the central receives them. */
  snapshot(id: string): Record<string, unknown> {
    const d = this.row(id)!;
    const p = this.procedureVersion(d.procedure_version_id)!;
    return {
      dossierId: d.id, code: d.code, status: d.status, procedureCode: p.code, procedureVersion: p.version, procedureName: p.name,
      applicant: applicantOf(d), sets: d.sets, channel: d.channel, returnMethod: d.return_method, receivingUnit: d.receiving_unit,
      receivedAt: isoOrNull(d.received_at), dueAt: isoOrNull(d.due_at), returnedAt: isoOrNull(d.returned_at),
      // The receipt's second code: the province's public status page asks for it with the dossier's
      // code, as the hub's does, so that holding the receipt is what opens the status.
      lookupCode: d.lookup_code,
      documents: this.documents(id).map((x) => ({ index: x.idx, name: x.name, received: x.received })),
    };
  }

  // ── Search ─────────────────────────────────────────────────────────────────

  /**
   * Finds dossiers by the code's start or its tail after the agency code, the receipt's lookup
   * code, ID number, phone, or any fragment of the name of three letters or more (diacritics,
   * case and apostrophes ignored, through the trigram index). Which one is the core's call
   * (main/core/dossier/search-query.ts); each has its own index.
   */
  search(query: string, limit: number): DossierSummary[] {
    const q = dossierQueryOf(query);
    type Hit = DossierRow & { procedure_name: string };
    const select = 'SELECT d.*, p.name AS procedure_name FROM dossiers d JOIN procedure_versions p ON p.id = d.procedure_version_id';
    const by = (where: string, value: string) => this.sql<[string, number], Hit>(`${select} WHERE ${where} ORDER BY d.created_at DESC LIMIT ?`).all(value, limit);
    const startingWith = (column: string, prefix: string) =>
      this.sql<[string, string, number], Hit>(`${select} WHERE ${column} >= ? AND ${column} < ? || x'ff' ORDER BY ${column} LIMIT ?`).all(prefix, prefix, limit);
    let rows: Hit[];
    switch (q.kind) {
      case 'tooShort': return [];
      case 'phone': rows = by('d.phone_digits = ?', q.digits); break;
      case 'idNumber': rows = by('d.id_number = ?', q.idNumber); break;
      case 'lookupCode': rows = by('d.lookup_code = ?', q.lookupCode); break;
      case 'codeTail': rows = startingWith(codeTailSql('d.code'), q.tail); break;
      case 'codePrefix': rows = startingWith('d.code', q.prefix); break;
      case 'name':
        // Newest first straight from the index (FTS5 walks rowids backwards): a common name
        // fragment matching a hundred thousand dossiers still reads only `limit` of them.
        rows = this.sql<[string, number], Hit>(
          `SELECT d.*, p.name AS procedure_name
           FROM (SELECT rowid FROM dossiers_name_fts WHERE dossiers_name_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
           JOIN dossiers d ON d.rowid = f.rowid JOIN procedure_versions p ON p.id = d.procedure_version_id
           ORDER BY d.rowid DESC`,
        ).all(`"${q.folded.replace(/"/g, '""')}"`, limit);
    }
    return rows.map((r) => ({
      id: r.id, code: r.code, status: r.status, applicantName: r.applicant_name, idNumberMasked: maskIdNumber(r.id_number),
      procedureName: r.procedure_name, receivedAt: isoOrNull(r.received_at), dueAt: isoOrNull(r.due_at),
    }));
  }

  /** Dossiers received in a period, for the register (Sổ theo dõi hồ sơ). */
  received(from: number, to: number): (DossierRow & { procedure_name: string })[] {
    return this.sql<[number, number], DossierRow & { procedure_name: string }>(
      `SELECT d.*, p.name AS procedure_name FROM dossiers d JOIN procedure_versions p ON p.id = d.procedure_version_id
       WHERE d.received_at >= ? AND d.received_at < ? ORDER BY d.received_at, d.code`,
    ).all(from, to);
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
