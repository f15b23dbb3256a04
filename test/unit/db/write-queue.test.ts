import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/node/db/open';
import { WriteQueue } from '../../../main/node/db/write-queue';

describe('group commit', () => {
  function setup() {
    const { db } = openDatabase(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    let commits = 0;
    db.function('count_commit', () => ++commits);
    return { db, queue: new WriteQueue(db), commits: () => commits };
  }

  it('commits the requests of one event-loop turn together, and a refused one rolls back alone', async () => {
    const { db, queue } = setup();
    const insert = (n: number) => () => db.prepare('INSERT INTO t VALUES (?)').run(n).changes;
    const outcomes = await Promise.allSettled([
      queue.run(insert(1)),
      queue.run(() => {
        db.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('refused after a partial write');
      }),
      queue.run(insert(1)), // duplicate key: refused by the database
      queue.run(insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT n FROM t ORDER BY n').all()).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('rejects every request of a batch whose commit fails, and keeps nothing of it', async () => {
    const { db, queue } = setup();
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
    // A deferred foreign key is checked at COMMIT: the whole batch fails there.
    const outcomes = await Promise.allSettled([queue.run(() => db.prepare('INSERT INTO t VALUES (7)').run()), queue.run(() => db.prepare('INSERT INTO child VALUES (42)').run())]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    // The queue keeps working afterwards.
    await queue.run(() => db.prepare('INSERT INTO t VALUES (8)').run());
    expect(db.prepare('SELECT n FROM t').all()).toEqual([{ n: 8 }]);
  });
});
