import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';

/** Migration 014 rebuilds print_jobs for the kiosk's checklist kind: nothing of the old queue may be lost. */
describe('migration 014 (checklist print jobs)', () => {
  it('keeps every job, its reprint link and its indexes, and then takes checklist jobs', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 13), null);
    db.prepare(`INSERT INTO printers (id, name, role, address, paper, model, text_mode, cut, beep, device_id, counter_id, active) VALUES ('p', 'Máy in', 'ticket', 'tcp://10.0.0.9:9100', '80mm', 'generic', 'raster', 1, 0, NULL, NULL, 1)`).run();
    const job = db.prepare(`INSERT INTO print_jobs (id, printer_id, kind, title, data, status, created_at, updated_at, reprint_of) VALUES (?, 'p', 'test', 'In thử', '{}', ?, 1, 1, ?)`);
    job.run('a', 'done', null);
    job.run('b', 'held', 'a');

    migrate(db, migrations, null);
    expect(db.prepare(`SELECT id, status, reprint_of FROM print_jobs ORDER BY id`).all()).toEqual([{ id: 'a', status: 'done', reprint_of: null }, { id: 'b', status: 'held', reprint_of: 'a' }]);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'print_jobs' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all()).toEqual([{ name: 'print_jobs_by_printer' }, { name: 'print_jobs_open' }]);
    db.prepare(`INSERT INTO print_jobs (id, printer_id, kind, title, data, status, created_at, updated_at) VALUES ('c', 'p', 'checklist', 'Danh mục', '{}', 'queued', 2, 2)`).run();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
