import type { Migration } from '../migrate';

export const defaultPrintingSettings = { ticketFooter: 'Xin cảm ơn Ông/Bà. Vui lòng giữ phiếu đến khi được gọi.', lookupBaseUrl: null };

/**
 * Printers as site configuration and the durable print queue: a job is stored before a byte is
 * sent, so a printer out of paper or a hub restart never loses a ticket, and a job that was being
 * sent when the power went is not printed again without staff asking.
 */
export const migration003: Migration = {
  version: 3,
  name: 'printing',
  up(db) {
    db.exec(`
      CREATE TABLE printers (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('ticket', 'receipt', 'a4')),
        address    TEXT NOT NULL,
        paper      TEXT NOT NULL CHECK (paper IN ('58mm', '80mm')),
        model      TEXT NOT NULL CHECK (model IN ('generic', 'tm-t88')),
        text_mode  TEXT NOT NULL CHECK (text_mode IN ('raster', 'epson-tcvn3')),
        cut        INTEGER NOT NULL CHECK (cut IN (0, 1)),
        beep       INTEGER NOT NULL CHECK (beep IN (0, 1)),
        device_id  TEXT REFERENCES devices(id),
        counter_id TEXT REFERENCES counters(id),
        active     INTEGER NOT NULL CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE print_jobs (
        id           TEXT PRIMARY KEY,
        printer_id   TEXT NOT NULL REFERENCES printers(id),
        kind         TEXT NOT NULL CHECK (kind IN ('ticket', 'receipt', 'test')),
        title        TEXT NOT NULL,
        -- The layout's data, rendered for the printer's profile when sent (a reprint after the
        -- admin fixes the paper width comes out right).
        data         TEXT NOT NULL CHECK (json_valid(data)),
        status       TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'held', 'done', 'cancelled')),
        attempts     INTEGER NOT NULL DEFAULT 0,
        error_code   TEXT,
        error        TEXT,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        printed_at   INTEGER,
        ticket_id    TEXT REFERENCES tickets(id),
        reprint_of   TEXT REFERENCES print_jobs(id),
        requested_by TEXT
      ) STRICT;
      CREATE INDEX print_jobs_by_printer ON print_jobs(printer_id, status, created_at);
      CREATE INDEX print_jobs_open ON print_jobs(status) WHERE status IN ('queued', 'printing', 'held');
    `);
    db.prepare(`UPDATE settings SET value = json_set(value, '$.printing', json(?)) WHERE key = 'site' AND json_extract(value, '$.printing') IS NULL`).run(
      JSON.stringify(defaultPrintingSettings),
    );
  },
};
