import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE, localRoot, MANIFEST, rotate, scanFileOf, SETS } from '../../../main/node/backup/backup-sets';
import { takeBackup } from '../../../main/node/backup/take-backup';
import { openDatabase } from '../../../main/node/db/open';
import { startTestHub } from '../../support/hub';

const DAY = 86_400_000;
/** Only the two newest sets are kept (ALWAYS_KEPT): every older readable set goes. */
const keepFew = { daily: 1, weekly: 0, monthly: 0 };

/**
 * Rotation deletes only what it knows to be garbage: sets the rule drops and folders a backup left
 * without a manifest long ago. A set whose manifest is there but cannot be read (a broken file, a
 * failing stick, a permission) may be whole: it is kept with the scans, and said.
 */
describe('rotation next to sets whose manifest cannot be read', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-rotation-unreadable-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps them and their scans, keeps a folder being written, removes an old leftover', async () => {
    const { db } = openDatabase(join(dataDir, 'motcua.sqlite'));
    const root = localRoot(dataDir);
    // A scan only the oldest set names (retention purged it before the next one).
    db.pragma('foreign_keys = OFF');
    const content = randomUUID();
    const sha = createHash('sha256').update(content).digest('hex');
    mkdirSync(join(dataDir, 'scans'), { recursive: true });
    writeFileSync(join(dataDir, 'scans', sha), content);
    db.prepare(`INSERT INTO dossier_files (id, dossier_id, document_idx, file_name, mime, sha256, size, pages, stored_path, created_at, created_by, purged_at)
      VALUES (?, ?, NULL, 'a.png', 'image/png', ?, ?, 1, ?, 0, 'x', NULL)`).run(randomUUID(), randomUUID(), sha, content.length, join(dataDir, 'scans', sha));
    const start = Date.parse('2026-03-01T09:00:00+07:00');
    const ids: string[] = [];
    for (let day = 0; day < 5; day++) {
      if (day === 1) db.prepare('UPDATE dossier_files SET purged_at = 1').run();
      ids.push((await takeBackup({ db, dataDir, root, reason: 'scheduled', appVersion: 'test', now: start + day * DAY })).manifest.id);
    }
    db.close();
    const [broken, folder, readable] = ids as [string, string, string];
    const dirOf = (name: string) => join(root, SETS, name);
    writeFileSync(join(dirOf(broken), MANIFEST), '{"format": 1, "id": "'); // cut off mid-write
    rmSync(join(dirOf(folder), MANIFEST));
    mkdirSync(join(dirOf(folder), MANIFEST)); // there, but no file to read
    // A backup interrupted two days ago, and one another process is writing now.
    const newest = ids[4]!;
    const reference = statSync(join(dirOf(newest), MANIFEST)).mtime;
    for (const [name, at] of [['20260227-090000', new Date(reference.getTime() - 2 * DAY)], ['20260306-090000', reference]] as const) {
      mkdirSync(dirOf(name));
      writeFileSync(join(dirOf(name), DB_FILE), 'partial');
      utimesSync(join(dirOf(name), DB_FILE), at, at);
      utimesSync(dirOf(name), at, at);
    }

    const result = await rotate(root, keepFew, newest);

    expect(result.removed.sort()).toEqual(['20260227-090000', readable]);
    expect(result.unreadable.map((u) => u.name).sort()).toEqual([broken, folder].sort());
    expect(result.unreadable.find((u) => u.name === broken)!.reason).toMatch(/không phải JSON hợp lệ/);
    for (const name of [broken, folder, ids[3]!, newest, '20260306-090000']) expect(existsSync(dirOf(name))).toBe(true);
    expect(existsSync(dirOf(readable))).toBe(false);
    expect(existsSync(dirOf('20260227-090000'))).toBe(false);
    expect(existsSync(scanFileOf(root, sha, false))).toBe(true);
  });
});

describe('the backup status of a hub with a set whose manifest cannot be read', () => {
  it('warns the admin and names the set, which the next backup keeps', async () => {
    const hub = await startTestHub();
    try {
      const admin = await hub.admin();
      await admin['backups.create']({});
      const bad = join(localRoot(hub.dataDir), SETS, '20260101-080000');
      mkdirSync(bad, { recursive: true });
      writeFileSync(join(bad, MANIFEST), 'not json');
      await admin['backups.create']({});
      expect(existsSync(bad)).toBe(true);
      const status = await admin['backups.list']({});
      const warning = status.warnings.find((w) => w.kind === 'unreadable_sets');
      expect(warning?.message).toMatch(/^Không đọc được tệp mô tả \(manifest\.json\) của 1 bản sao lưu trong .*20260101-080000 \(tệp mô tả không phải JSON hợp lệ/);
    } finally {
      await hub.close();
    }
  });
});
