import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Site } from '../../../contract/queue';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';

describe('migration 002 (ratings)', () => {
  it('gives a site created before ratings the default question and scale, and keeps its other settings', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1), null);
    const before = {
      name: 'UBND xã Ia Grai', agencyCode: 'H21.1', address: 'x', province: 'Gia Lai',
      queueHours: Array.from({ length: 7 }, () => []), callingRules: { interleaveAfterPriority: 2, maxWaitMinutes: null, useSkillWeights: false },
      ticker: 'Chào mừng', language: 'vi', sampleData: false,
    };
    db.prepare("INSERT INTO settings (key, value) VALUES ('site', ?)").run(JSON.stringify(before));
    migrate(db, migrations, null);
    const after = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'site'").get() as { value: string }).value);
    expect(Site.parse(after)).toMatchObject({ ...before, rating: { scale: [{ label: 'Rất hài lòng' }, { label: 'Hài lòng' }, { label: 'Không hài lòng' }] } });
    // One rating per ticket.
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'ratings'").get()).toMatchObject({ sql: expect.stringContaining('ticket_id   TEXT NOT NULL UNIQUE') });
  });
});
