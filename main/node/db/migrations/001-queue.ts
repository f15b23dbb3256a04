import type { Migration } from '../migrate';

/**
 * The queue: site settings, services and their number sequences, priority classes, counters and
 * their skills, staff and devices, counter sessions, tickets, the append-only ticket event log,
 * the call log displays replay from, the sync outbox and the audit log.
 *
 * Instants are INTEGER Unix milliseconds (UTC); service dates are TEXT `YYYY-MM-DD` in Vietnam
 * time. The invariants queue systems get wrong are constraints here, not application checks:
 * one open session per counter and per officer, one called/serving ticket per session, one
 * number per sequence and day.
 */
export const migration001: Migration = {
  version: 1,
  name: 'queue',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE number_sequences (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        range_start INTEGER NOT NULL,
        range_end   INTEGER NOT NULL,
        step        INTEGER NOT NULL CHECK (step >= 1),
        pad_width   INTEGER NOT NULL CHECK (pad_width BETWEEN 1 AND 6),
        CHECK (range_start <= range_end)
      ) STRICT;

      -- Numbering state keyed by (sequence, service date): a new day starts a new row, so there
      -- is no reset job that can fail to run.
      CREATE TABLE sequence_days (
        sequence_id  TEXT NOT NULL REFERENCES number_sequences(id),
        service_date TEXT NOT NULL,
        last_number  INTEGER NOT NULL,
        PRIMARY KEY (sequence_id, service_date)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE services (
        id                      TEXT PRIMARY KEY,
        code                    TEXT NOT NULL UNIQUE,
        name                    TEXT NOT NULL,
        name_en                 TEXT NOT NULL DEFAULT '',
        hint                    TEXT NOT NULL DEFAULT '',
        hint_en                 TEXT NOT NULL DEFAULT '',
        prefix                  TEXT NOT NULL,
        sequence_id             TEXT NOT NULL REFERENCES number_sequences(id),
        priority_mode           TEXT NOT NULL CHECK (priority_mode IN ('both', 'normal', 'priority')),
        daily_cap               INTEGER CHECK (daily_cap IS NULL OR daily_cap >= 1),
        hours                   TEXT CHECK (hours IS NULL OR json_valid(hours)),
        default_service_minutes INTEGER NOT NULL,
        max_wait_minutes        INTEGER,
        active                  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order              INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE priority_classes (
        id         TEXT PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE,
        label      TEXT NOT NULL,
        label_en   TEXT NOT NULL DEFAULT '',
        weight     INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE counters (
        id     TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        label  TEXT NOT NULL,
        kind   TEXT NOT NULL CHECK (kind IN ('quay', 'phong', 'ban')),
        mode   TEXT NOT NULL CHECK (mode IN ('all', 'normal', 'priority')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE counter_skills (
        counter_id TEXT NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
        service_id TEXT NOT NULL REFERENCES services(id),
        weight     INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
        PRIMARY KEY (counter_id, service_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE staff (
        id                   TEXT PRIMARY KEY,
        username             TEXT NOT NULL UNIQUE,
        full_name            TEXT NOT NULL,
        role                 TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash        TEXT NOT NULL,
        must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
        can_call_specific    INTEGER NOT NULL DEFAULT 0 CHECK (can_call_specific IN (0, 1)),
        active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at           INTEGER NOT NULL
      ) STRICT;

      -- Tokens are stored as SHA-256 hashes: a copied database file does not log anyone in.
      CREATE TABLE auth_sessions (
        id           TEXT PRIMARY KEY,
        token_hash   TEXT NOT NULL UNIQUE,
        staff_id     TEXT NOT NULL REFERENCES staff(id),
        created_at   INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        ended_at     INTEGER,
        client       TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE devices (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating')),
        name         TEXT NOT NULL,
        token_hash   TEXT NOT NULL UNIQUE,
        counter_id   TEXT REFERENCES counters(id),
        paired_at    INTEGER NOT NULL,
        paired_by    TEXT REFERENCES staff(id),
        last_seen_at INTEGER,
        revoked_at   INTEGER
      ) STRICT;

      CREATE TABLE pairing_codes (
        code       TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating')),
        name       TEXT NOT NULL,
        counter_id TEXT REFERENCES counters(id),
        created_by TEXT NOT NULL REFERENCES staff(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at    INTEGER
      ) STRICT;

      CREATE TABLE counter_sessions (
        id         TEXT PRIMARY KEY,
        counter_id TEXT NOT NULL REFERENCES counters(id),
        staff_id   TEXT NOT NULL REFERENCES staff(id),
        opened_at  INTEGER NOT NULL,
        closed_at  INTEGER,
        paused_at  INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX counter_sessions_one_open_per_counter ON counter_sessions(counter_id) WHERE closed_at IS NULL;
      CREATE UNIQUE INDEX counter_sessions_one_open_per_staff ON counter_sessions(staff_id) WHERE closed_at IS NULL;

      CREATE TABLE tickets (
        id                  TEXT PRIMARY KEY,
        service_date        TEXT NOT NULL,
        sequence_id         TEXT NOT NULL REFERENCES number_sequences(id),
        number              INTEGER NOT NULL,
        display_code        TEXT NOT NULL,
        service_id          TEXT NOT NULL REFERENCES services(id),
        -- The class and its weight and label as they were at issue time: renaming a class later
        -- does not rewrite history. No health or disability detail is ever stored.
        priority_class_id   TEXT REFERENCES priority_classes(id),
        priority_weight     INTEGER,
        priority_label      TEXT,
        source              TEXT NOT NULL CHECK (source IN ('kiosk', 'staff', 'appointment')),
        status              TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'skipped', 'finished', 'cancelled', 'redirected')),
        issued_at           INTEGER NOT NULL,
        queue_entered_at    INTEGER NOT NULL,
        called_at           INTEGER,
        started_at          INTEGER,
        finished_at         INTEGER,
        counter_id          TEXT REFERENCES counters(id),
        staff_id            TEXT REFERENCES staff(id),
        -- Set exactly while the ticket is called or being served, so the unique index below
        -- allows one active ticket per counter session.
        active_session_id   TEXT REFERENCES counter_sessions(id),
        recall_count        INTEGER NOT NULL DEFAULT 0,
        parent_ticket_id    TEXT REFERENCES tickets(id),
        reserved_counter_id TEXT REFERENCES counters(id),
        call_reason_code    TEXT,
        call_reason         TEXT,
        est_wait_min        INTEGER,
        est_wait_max        INTEGER,
        CHECK ((priority_class_id IS NULL) = (priority_weight IS NULL)),
        CHECK ((status IN ('called', 'serving')) = (active_session_id IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX tickets_one_number_per_day ON tickets(sequence_id, service_date, number) WHERE parent_ticket_id IS NULL;
      CREATE UNIQUE INDEX tickets_one_active_per_session ON tickets(active_session_id) WHERE active_session_id IS NOT NULL;
      -- Covers the waiting counts by priority that every ticket issue reads.
      CREATE INDEX tickets_by_day_status ON tickets(service_date, status, service_id, priority_weight);
      CREATE INDEX tickets_by_day_service ON tickets(service_date, service_id);

      -- Append-only: every statistic is a query over this log, never a counter kept by hand.
      CREATE TABLE ticket_events (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id     TEXT NOT NULL UNIQUE,
        ticket_id    TEXT NOT NULL REFERENCES tickets(id),
        type         TEXT NOT NULL,
        at           INTEGER NOT NULL,
        service_date TEXT NOT NULL,
        service_id   TEXT NOT NULL,
        counter_id   TEXT,
        staff_id     TEXT,
        device_id    TEXT,
        data         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id);
      CREATE INDEX ticket_events_by_day_type ON ticket_events(service_date, type, service_id);
      CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
        BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;
      CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
        BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;

      -- Displays replay "every call after id N"; AUTOINCREMENT never reuses an id.
      CREATE TABLE calls (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id      TEXT NOT NULL REFERENCES tickets(id),
        kind           TEXT NOT NULL CHECK (kind IN ('call', 'recall')),
        at             INTEGER NOT NULL,
        service_date   TEXT NOT NULL,
        display_code   TEXT NOT NULL,
        counter_id     TEXT NOT NULL REFERENCES counters(id),
        counter_number INTEGER NOT NULL,
        counter_label  TEXT NOT NULL,
        service_id     TEXT NOT NULL REFERENCES services(id),
        service_name   TEXT NOT NULL,
        is_priority    INTEGER NOT NULL CHECK (is_priority IN (0, 1))
      ) STRICT;
      CREATE INDEX calls_by_counter ON calls(counter_id, id);

      -- Transactional outbox for the central system: written in the same transaction as the
      -- change it describes. AUTOINCREMENT inside the transaction keeps seq gap-free (a rolled
      -- back transaction takes its seq with it) and never reused.
      CREATE TABLE outbox (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id     TEXT NOT NULL UNIQUE,
        type         TEXT NOT NULL,
        version      INTEGER NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload      TEXT NOT NULL CHECK (json_valid(payload)),
        created_at   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          INTEGER NOT NULL,
        actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('staff', 'device', 'system', 'anonymous')),
        actor_id    TEXT,
        action      TEXT NOT NULL,
        target_type TEXT,
        target_id   TEXT,
        details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
      ) STRICT;
      CREATE INDEX audit_log_by_target ON audit_log(target_type, target_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
