import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../central/db/db';
import { openTestDb, startTestCentral, type Engine } from './helpers';

/**
 * A central on a fresh database of `engine` for the describe block that calls this: started
 * before its tests, stopped and dropped after them. Read `db` and `url` inside the tests. (Not in
 * helpers.ts: the sync benchmark imports that outside vitest.)
 */
export function centralPerSuite(engine: Engine): { readonly db: Db; readonly url: string } {
  let running: { db: Db; url: string; stop(): Promise<void> } | null = null;
  beforeAll(async () => {
    const t = await openTestDb(engine);
    const c = await startTestCentral(t.db);
    running = {
      db: t.db,
      url: c.url,
      stop: async () => {
        await c.close();
        await t.dispose();
      },
    };
  });
  afterAll(() => running?.stop());
  const current = () => {
    if (!running) throw new Error('the central starts in beforeAll: read it inside a test');
    return running;
  };
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}
