import { describe, expect, it } from 'vitest';
import { migrate, SchemaFromFutureError } from '../../central/db/migrate';
import { migrations } from '../../central/db/migrations/index';
import { engines, openTestDb } from './helpers';

describe.each(engines)('migrations (%s)', (engine) => {
  it('run once, and refuse a database newer than the code', async () => {
    const { db, dispose } = await openTestDb(engine);
    try {
      expect(await migrate(db)).toBe(migrations.length);
      const [v] = await db.query<{ n: number }>('SELECT count(*) AS n FROM schema_version');
      expect(Number(v!.n)).toBe(migrations.length);
      await db.query('INSERT INTO schema_version (version) VALUES ($1)', [migrations.length + 1]);
      await expect(migrate(db)).rejects.toBeInstanceOf(SchemaFromFutureError);
    } finally {
      await dispose();
    }
  });
});
