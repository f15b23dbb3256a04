import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';

const APPOINTMENTS = migrations.findIndex((m) => m.name === 'appointments');

/** The appointments migration: bookings, the links on tickets and calls, the settings row — once, even when run again. */
describe('migration (appointments)', () => {
  it('adds the bookings, the ticket’s booking and the call’s flag, and the default settings, and changes nothing run again', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, APPOINTMENTS), null);
    migrate(db, migrations, null);
    const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    expect(columns('tickets')).toContain('appointment_id');
    expect(columns('calls')).toContain('is_appointment');
    expect(columns('appointments')).toEqual(expect.arrayContaining(['code', 'slot_start', 'slot_at', 'owner', 'id_number', 'status', 'ticket_id', 'updated_by']));
    const settings = () => db.prepare(`SELECT value FROM settings WHERE key = 'appointments'`).pluck().get();
    expect(JSON.parse(settings() as string)).toEqual({ earlyMinutes: 30, lateMinutes: 15, maxInARow: 2, maxActivePerId: 2, rules: [] });

    // A database set back to the version before (a restored backup) runs the step again: the admin's settings stay.
    db.prepare(`UPDATE settings SET value = json_set(value, '$.maxInARow', 3) WHERE key = 'appointments'`).run();
    db.pragma(`user_version = ${migrations[APPOINTMENTS - 1]!.version}`);
    migrate(db, migrations, null);
    expect(JSON.parse(settings() as string).maxInARow).toBe(3);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
