import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/node/db/open';
import { WriteQueue, type WriteObserver } from '../../../main/node/db/write-queue';
import { canMountSmallDisk, mountSmallDisk } from '../../support/small-disk';

describe('group commit', () => {
  function setup(observer: WriteObserver | null = null) {
    const { db } = openDatabase(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    let commits = 0;
    db.function('count_commit', () => ++commits);
    return { db, queue: new WriteQueue(db, observer), commits: () => commits };
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

  it('counts its commits by the number of requests each carried, and the rows they changed', async () => {
    const { db, queue } = setup();
    const insert = (n: number) => () => db.prepare('INSERT INTO t VALUES (?)').run(n);
    await Promise.all([queue.run(insert(1)), queue.run(insert(2)), queue.run(insert(3))]);
    await queue.run(insert(4));
    await Promise.all([queue.run(insert(5)), queue.run(insert(6)), queue.run(insert(7))]);
    expect(queue.groups()).toEqual({ commits: 3, rows: 7, bySize: { 1: 1, 3: 2 } });
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

  it('tells its observer what the writes came to: saved only when rows reached the disk, and every failure', async () => {
    const seen: string[] = [];
    const { db, queue } = setup({ saved: () => seen.push('saved'), failed: (e) => seen.push(`failed: ${(e as Error).message}`) });
    await queue.run(() => db.prepare('INSERT INTO t VALUES (1)').run());
    // A batch whose only request changed nothing, or whose only writer was refused, proves nothing about the disk.
    await queue.run(() => db.prepare('SELECT count(*) FROM t').get());
    await queue
      .run(() => {
        db.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('refused');
      })
      .catch(() => undefined);
    expect(seen).toEqual(['saved', 'failed: refused']);
  });

  it.skipIf(!canMountSmallDisk)('on a full disk that SQLite answers by rolling the whole transaction back, refuses the batch with SQLITE_FULL and runs nothing outside it', async () => {
    const disk = mountSmallDisk(1024);
    try {
      const { db } = openDatabase(join(disk.dir, 'full.sqlite'));
      db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT)');
      // A small page cache: a large request spills to the disk before its commit, and the spill fails.
      db.pragma('cache_size = 10');
      const queue = new WriteQueue(db);
      disk.fill();
      const outcomes = await Promise.allSettled([
        queue.run(() => {
          for (let i = 0; i < 200; i++) db.prepare('INSERT INTO t (s) VALUES (?)').run('x'.repeat(1000));
        }),
        queue.run(() => db.prepare('INSERT INTO t (s) VALUES (?)').run('small')),
      ]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'fulfilled'))).toEqual(['SQLITE_FULL', 'SQLITE_FULL']);
      disk.free();
      expect(db.inTransaction).toBe(false);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
      await queue.run(() => db.prepare('INSERT INTO t (s) VALUES (?)').run('after'));
      expect(db.prepare('SELECT s FROM t').all()).toEqual([{ s: 'after' }]);
      db.close();
    } finally {
      disk.unmount();
    }
  });
});
