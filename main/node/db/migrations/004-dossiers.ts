import type { Migration } from '../migrate';

export const defaultDossierSettings = {
  code: { pattern: '{agency}-{yymmdd}-{desk}{seq}', deskPart: '', sequenceWidth: 4 },
  calendarProvince: null,
  scanRetentionDays: null,
  registerBook: '01',
  placeName: '',
  headerLines: ['ỦY BAN NHÂN DÂN XÃ', 'BỘ PHẬN MỘT CỬA'],
  authorityName: 'Ủy ban nhân dân xã',
  signerTitleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  signerName: '',
};

/**
 * Dossier intake: the procedure catalogue (versioned), working-day calendars per year and
 * province, dossiers with their papers, scans, extensions and an append-only status history,
 * and the per-day dossier code sequence.
 *
 * Search: names are stored folded (no diacritics, đ → d, lower case) next to the original, and an
 * FTS5 trigram index over the folded name finds any fragment of three letters or more; ID numbers,
 * phones and codes have plain indexes.
 */
export const migration004: Migration = {
  version: 4,
  name: 'dossiers',
  up(db) {
    db.exec(`
      CREATE TABLE procedure_versions (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL,
        version     INTEGER NOT NULL,
        name        TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        field       TEXT NOT NULL DEFAULT '',
        authority   TEXT NOT NULL DEFAULT '',
        processing  TEXT NOT NULL CHECK (json_valid(processing)),
        documents   TEXT NOT NULL CHECK (json_valid(documents)),
        fees        TEXT NOT NULL CHECK (json_valid(fees)),
        result      TEXT NOT NULL DEFAULT '',
        valid_from  TEXT NOT NULL,
        active      INTEGER NOT NULL CHECK (active IN (0, 1)),
        source      TEXT NOT NULL CHECK (source IN ('sample', 'import', 'sync', 'admin')),
        created_at  INTEGER NOT NULL,
        UNIQUE (code, version)
      ) STRICT;

      CREATE TABLE calendars (
        year       INTEGER NOT NULL,
        -- '' = the national schedule; otherwise a province's own notice.
        province   TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        source     TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (year, province)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dossier_code_days (
        agency_code TEXT NOT NULL,
        desk_part   TEXT NOT NULL,
        code_date   TEXT NOT NULL,
        last_seq    INTEGER NOT NULL,
        PRIMARY KEY (agency_code, desk_part, code_date)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dossiers (
        id                   TEXT PRIMARY KEY,
        request_id           TEXT NOT NULL UNIQUE,
        code                 TEXT UNIQUE,
        -- The day's sequence inside the code: also the line number in the register book.
        code_seq             INTEGER,
        lookup_code          TEXT,
        status               TEXT NOT NULL CHECK (status IN ('supplement_requested', 'refused', 'received', 'forwarded', 'processing', 'result_ready', 'returned', 'withdrawn')),
        procedure_version_id TEXT NOT NULL REFERENCES procedure_versions(id),
        applicant_kind       TEXT NOT NULL CHECK (applicant_kind IN ('person', 'organisation')),
        applicant_name       TEXT NOT NULL,
        applicant_folded     TEXT NOT NULL,
        id_number            TEXT NOT NULL,
        date_of_birth        TEXT,
        representative       TEXT NOT NULL DEFAULT '',
        address              TEXT NOT NULL,
        phone                TEXT NOT NULL,
        phone_digits         TEXT NOT NULL,
        email                TEXT NOT NULL,
        sets                 INTEGER NOT NULL,
        channel              TEXT NOT NULL CHECK (channel IN ('direct', 'postal')),
        return_method        TEXT NOT NULL CHECK (return_method IN ('desk', 'post', 'online')),
        delivery_address     TEXT NOT NULL DEFAULT '',
        receiving_unit       TEXT NOT NULL,
        ticket_id            TEXT REFERENCES tickets(id),
        officer_id           TEXT NOT NULL REFERENCES staff(id),
        created_at           INTEGER NOT NULL,
        received_at          INTEGER,
        due_at               INTEGER,
        due_reason           TEXT,
        returned_at          INTEGER,
        note                 TEXT NOT NULL DEFAULT '',
        updated_at           INTEGER NOT NULL,
        CHECK ((code IS NULL) = (received_at IS NULL))
      ) STRICT;
      CREATE INDEX dossiers_by_id_number ON dossiers(id_number);
      CREATE INDEX dossiers_by_phone ON dossiers(phone_digits);
      CREATE INDEX dossiers_by_received ON dossiers(received_at);
      CREATE INDEX dossiers_by_status_due ON dossiers(status, due_at);

      CREATE VIRTUAL TABLE dossiers_name_fts USING fts5(applicant_folded, content='dossiers', content_rowid='rowid', tokenize='trigram');
      CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossiers_name_fts(rowid, applicant_folded) VALUES (new.rowid, new.applicant_folded);
      END;
      CREATE TRIGGER dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
        INSERT INTO dossiers_name_fts(dossiers_name_fts, rowid, applicant_folded) VALUES ('delete', old.rowid, old.applicant_folded);
      END;
      CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF applicant_folded ON dossiers BEGIN
        INSERT INTO dossiers_name_fts(dossiers_name_fts, rowid, applicant_folded) VALUES ('delete', old.rowid, old.applicant_folded);
        INSERT INTO dossiers_name_fts(rowid, applicant_folded) VALUES (new.rowid, new.applicant_folded);
      END;

      CREATE TABLE dossier_documents (
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        idx        INTEGER NOT NULL,
        name       TEXT NOT NULL,
        form       TEXT NOT NULL,
        count      INTEGER NOT NULL,
        mandatory  INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
        received   INTEGER NOT NULL,
        PRIMARY KEY (dossier_id, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dossier_files (
        id          TEXT PRIMARY KEY,
        dossier_id  TEXT NOT NULL REFERENCES dossiers(id),
        document_idx INTEGER,
        file_name   TEXT NOT NULL,
        mime        TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        size        INTEGER NOT NULL,
        pages       INTEGER NOT NULL,
        stored_path TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        created_by  TEXT NOT NULL REFERENCES staff(id),
        purged_at   INTEGER
      ) STRICT;
      CREATE INDEX dossier_files_by_dossier ON dossier_files(dossier_id);

      CREATE TABLE dossier_extensions (
        id          TEXT PRIMARY KEY,
        dossier_id  TEXT NOT NULL REFERENCES dossiers(id),
        at          INTEGER NOT NULL,
        reason      TEXT NOT NULL,
        previous_due INTEGER NOT NULL,
        new_due     INTEGER NOT NULL,
        late        INTEGER NOT NULL CHECK (late IN (0, 1)),
        staff_id    TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX dossier_extensions_by_dossier ON dossier_extensions(dossier_id);

      -- The legal history of a dossier: append-only, like the ticket events.
      CREATE TABLE dossier_events (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier_id TEXT NOT NULL REFERENCES dossiers(id),
        type       TEXT NOT NULL,
        at         INTEGER NOT NULL,
        staff_id   TEXT REFERENCES staff(id),
        data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX dossier_events_by_dossier ON dossier_events(dossier_id);
      CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
        BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
      CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
        BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
    `);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('dossiers', ?) ON CONFLICT (key) DO NOTHING`).run(JSON.stringify(defaultDossierSettings));
  },
};
