import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setsToKeep } from '../../../main/core/backup-rules';
import { listSets, localRoot, rotate, scanFileOf } from '../../../main/node/backup/backup-sets';
import { takeBackup } from '../../../main/node/backup/take-backup';
import { openDatabase } from '../../../main/node/db/open';

const HOUR = 3_600_000;
const keep = { daily: 7, weekly: 4, monthly: 12 };

/**
 * Rotation on real sets: 60 days of a set every 8 hours, each taken from a real database that
 * gains a scan now and then and loses old ones to scan retention. What is left is exactly what the rule keeps, every scan a kept set
 * names is still there, and the scans only removed sets named are gone.
 */
describe('rotation of real backup sets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-rotation-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the sets the rule keeps and the scans they need, nothing else', async () => {
    const { db } = openDatabase(join(dataDir, 'motcua.sqlite'));
    const root = localRoot(dataDir);
    // A scan file and its row (a bare dossier row is not needed: only the columns a backup reads matter here).
    db.pragma('foreign_keys = OFF');
    const insertScan = (now: number): string => {
      const content = randomUUID();
      const sha = createHash('sha256').update(content).digest('hex');
      const path = join(dataDir, 'scans', sha);
      mkdirSync(join(dataDir, 'scans'), { recursive: true });
      writeFileSync(path, content);
      db.prepare(`INSERT INTO dossier_files (id, dossier_id, document_idx, file_name, mime, sha256, size, pages, stored_path, created_at, created_by, purged_at)
        VALUES (?, ?, NULL, 'a.png', 'image/png', ?, ?, 1, ?, ?, 'x', NULL)`).run(randomUUID(), randomUUID(), sha, content.length, path, now);
      return sha;
    };
    const start = Date.parse('2026-01-01T00:00:00+07:00');
    const times = Array.from({ length: 60 * 3 }, (_, i) => start + i * 8 * HOUR);
    const scans: string[] = [];
    for (const [i, now] of times.entries()) {
      if (i % 10 === 0) scans.push(insertScan(now));
      // Scan retention deletes the oldest scans as time goes on: sets taken after that no longer name them.
      if (i % 10 === 5 && scans.length > 3) db.prepare('UPDATE dossier_files SET purged_at = ? WHERE sha256 = ?').run(now, scans[scans.length - 4]!);
      const set = await takeBackup({ db, dataDir, root, reason: 'scheduled', appVersion: 'test', now });
      await rotate(root, keep, set.manifest.id);
    }
    db.close();
    const left = await listSets(root);
    // What the rule keeps over the whole series is what rotating after every set left behind.
    const expected = setsToKeep(times.map((t) => ({ id: String(t), takenAt: t })), keep);
    expect(left.map((s) => Date.parse(s.manifest.takenAt)).sort()).toEqual([...expected].map(Number).sort());
    const needed = new Set(left.flatMap((s) => s.manifest.scans.map((f) => f.sha256)));
    for (const sha of scans) expect(existsSync(scanFileOf(root, sha, false))).toBe(needed.has(sha));
    expect(needed.size).toBeGreaterThan(0);
    expect(scans.some((sha) => !needed.has(sha))).toBe(true); // older scans did go with their sets
  }, 300_000);
});
