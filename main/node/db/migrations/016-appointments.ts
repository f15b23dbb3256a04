import type { AppointmentSettings } from '../../../../contract/appointments';
import type { Migration } from '../migrate';
import { addColumn } from './add-column';

/** What a site starts with: no service takes bookings until the admin sets its hours (docs/APPOINTMENTS.md). */
const DEFAULT_SETTINGS: AppointmentSettings = { earlyMinutes: 30, lateMinutes: 15, maxInARow: 2, maxActivePerId: 2, rules: [] };

/**
 * Appointments (issue 14): the bookings the hub knows — its own desk bookings and the central's
 * online ones from the `appointments` feed — and, on tickets and calls, the link the calling rule
 * needs: a ticket's booking (for its slot time) and whether a call was of a booked ticket (the
 * streak that `maxInARow` bounds, kept like `is_priority`).
 *
 * `slot_start` is the text both sides exchange (`…T09:00:00+07:00`); `slot_at` is the same instant
 * in epoch ms for the check-in window and the calling order; `slot_date`/`slot_time` are its
 * Vietnam date and time for the day's lists. `updated_by` says whose change the row holds last
 * (`site` or `central`), for support when the two disagree.
 */
export const migration016: Migration = {
  version: 16,
  name: 'appointments',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS appointments (
        id             TEXT PRIMARY KEY,
        code           TEXT NOT NULL UNIQUE,
        service_id     TEXT NOT NULL REFERENCES services(id),
        slot_start     TEXT NOT NULL,
        slot_at        INTEGER NOT NULL,
        slot_date      TEXT NOT NULL,
        slot_time      TEXT NOT NULL,
        owner          TEXT NOT NULL CHECK (owner IN ('site', 'central')),
        id_number      TEXT NOT NULL,
        full_name      TEXT NOT NULL,
        phone          TEXT,
        status         TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in')),
        booked_at      INTEGER NOT NULL,
        cancelled_at   INTEGER,
        checked_in_at  INTEGER,
        ticket_id      TEXT REFERENCES tickets(id),
        updated_at     INTEGER NOT NULL,
        updated_by     TEXT NOT NULL CHECK (updated_by IN ('site', 'central')),
        CHECK ((status = 'checked_in') = (ticket_id IS NOT NULL))
      ) STRICT;
      -- Seats taken per slot and side; a day's list; an ID number's bookings (limit, CCCD check-in).
      CREATE INDEX IF NOT EXISTS appointments_by_slot ON appointments(service_id, slot_at, owner, status);
      CREATE INDEX IF NOT EXISTS appointments_by_day ON appointments(slot_date, service_id, slot_time);
      CREATE INDEX IF NOT EXISTS appointments_by_id_number ON appointments(id_number, status, slot_at);
    `);
    addColumn(db, 'tickets', 'appointment_id', 'TEXT REFERENCES appointments(id)');
    addColumn(db, 'calls', 'is_appointment', 'INTEGER NOT NULL DEFAULT 0 CHECK (is_appointment IN (0, 1))');
    db.prepare(`INSERT INTO settings (key, value) VALUES ('appointments', ?) ON CONFLICT (key) DO NOTHING`).run(JSON.stringify(DEFAULT_SETTINGS));
  },
};
