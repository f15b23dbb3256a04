import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';
import { migration015 } from '../../../main/node/db/migrations/015-languages-and-pictograms';

/** Migration 015: tickets and calls keep a language, services and priority groups a pictogram. */
describe('migration 015 (languages and pictograms)', () => {
  it('makes every earlier ticket Vietnamese, gives the usual services and groups their signs, and changes nothing the second time', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 14), null);
    db.prepare(`INSERT INTO number_sequences (id, code, range_start, range_end, step, pad_width) VALUES ('q', 'CT', 1, 999, 1, 3)`).run();
    const service = db.prepare(`INSERT INTO services (id, code, name, prefix, sequence_id, priority_mode, default_service_minutes) VALUES (?, ?, ?, ?, 'q', 'both', 5)`);
    service.run('s1', 'CT', 'Chứng thực', 'B');
    service.run('s2', 'XD', 'Xây dựng', 'E');
    const group = db.prepare(`INSERT INTO priority_classes (id, code, label, weight) VALUES (?, ?, ?, 3)`);
    group.run('p1', 'NCT', 'Người cao tuổi');
    group.run('p2', 'KHAC', 'Đối tượng khác');
    db.prepare(`INSERT INTO tickets (id, service_date, sequence_id, number, display_code, service_id, source, status, issued_at, queue_entered_at) VALUES ('t', '2026-12-04', 'q', 1, 'B001', 's1', 'kiosk', 'waiting', 1, 1)`).run();

    migrate(db, migrations, null);
    expect(db.prepare(`SELECT language FROM tickets`).pluck().all()).toEqual(['vi']);
    expect(db.prepare(`SELECT code, icon FROM services ORDER BY code`).all()).toEqual([{ code: 'CT', icon: 'certification' }, { code: 'XD', icon: 'generic' }]);
    expect(db.prepare(`SELECT code, icon FROM priority_classes ORDER BY code`).all()).toEqual([{ code: 'KHAC', icon: 'generic' }, { code: 'NCT', icon: 'elderly' }]);

    // An admin's later choice survives a second run (a database set back to an earlier version runs it again).
    db.prepare(`UPDATE services SET icon = 'justice' WHERE code = 'CT'`).run();
    migration015.up(db);
    expect(db.prepare(`SELECT icon FROM services WHERE code = 'CT'`).pluck().get()).toBe('justice');
    db.close();
  });
});
