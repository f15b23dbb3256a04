import { sqlState, type Db } from './db';
import { migrations } from './migrations/index';

export class SchemaFromFutureError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`Cơ sở dữ liệu ở phiên bản lược đồ ${found}, phần mềm này chỉ biết đến ${known}: hãy cập nhật máy chủ tỉnh.`);
  }
}

/**
 * Brings the schema to the newest version in one transaction (all or nothing). The lock on
 * schema_version makes two centrals starting together on one database migrate one after the
 * other. A database newer than this code is refused and left untouched.
 */
export async function migrate(db: Db): Promise<number> {
  await db
    .query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
    // Two centrals creating it at the same instant: one wins, the other finds it there.
    .catch((e: unknown) => {
      if (sqlState(e) !== '23505' && sqlState(e) !== '42P07') throw e;
    });
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE schema_version IN EXCLUSIVE MODE');
    const [row] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = row?.v ?? 0;
    if (current > migrations.length) throw new SchemaFromFutureError(current, migrations.length);
    for (let v = current + 1; v <= migrations.length; v++) {
      for (const sql of migrations[v - 1]!) await tx.query(sql);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [v]);
    }
    return migrations.length;
  });
}
