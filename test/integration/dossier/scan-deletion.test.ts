import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { purgeScans } from '../../../main/node/hub/dossier-scans';
import { FakeClock } from '../../support/clock';
import { startTestHub, type TestHub } from '../../support/hub';
import { intake } from './intake-input';

const DAY = 86_400_000;
/** Any bytes after the PNG signature: the hub checks the type by its first bytes. */
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('bản quét thử')]);

describe('deleting scans past the retention the site set', () => {
  const clock = new FakeClock('2026-11-26T14:05:00+07:00');
  let hub: TestHub;
  let officer: HubClient;
  let admin: HubClient;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    admin = await hub.admin();
    officer = await hub.staff('luu-tru');
    await admin['admin.saveDossierSettings']({ ...(await admin['dossierSettings.get']({})), scanRetentionDays: 30 });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('logs a scan it cannot delete, shows the admin how many, keeps it due, and deletes it on a later round', async () => {
    const d = await officer['dossiers.receive'](intake());
    const scan = await officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: 0, fileName: 'to-khai.png', mime: 'image/png', dataBase64: png.toString('base64') });
    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    await officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy khai sinh', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '', relation: '' } });
    const deps = hub.running.hub.deps;
    const stored = deps.dossiers.file(scan.id)!.stored_path;

    // The file system refuses: where the scan was there is now a folder (unlink fails, even for root).
    const kept = `${stored}.kept`;
    renameSync(stored, kept);
    mkdirSync(stored);
    writeFileSync(join(stored, 'x'), '');
    expect(await purgeScans(deps, 30, clock.now() + 31 * DAY)).toBe(0);
    expect((await officer['dossiers.get']({ dossierId: d.id })).files).toEqual([expect.objectContaining({ id: scan.id, purged: false })]);
    expect(await admin['dossierSettings.scanDeletion']({})).toMatchObject({ deleted: 0, failed: 1, errorCode: expect.stringMatching(/^E[A-Z]+$/) });
    const logs = join(hub.dataDir, 'logs');
    const logText = () => readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')).join('');
    await expect.poll(logText, { timeout: 5000 }).toContain(scan.id);
    expect(JSON.parse(logText().split('\n').find((l) => l.includes(scan.id))!)).toMatchObject({ level: 50, fileId: scan.id, component: 'scans' });

    // Fixed on disk: the next round deletes it and the admin's count goes back to zero.
    rmSync(stored, { recursive: true });
    renameSync(kept, stored);
    expect(await purgeScans(deps, 30, clock.now() + 32 * DAY)).toBe(1);
    expect(existsSync(stored)).toBe(false);
    expect((await officer['dossiers.get']({ dossierId: d.id })).files).toEqual([expect.objectContaining({ id: scan.id, purged: true })]);
    expect(await admin['dossierSettings.scanDeletion']({})).toMatchObject({ deleted: 1, failed: 0, errorCode: null });
  });

  it('goes through the scans a few at a time and deletes every one due, none other', async () => {
    const returned = async () => {
      const d = await officer['dossiers.receive'](intake());
      const scan = await officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: 0, fileName: 'giay-to.png', mime: 'image/png', dataBase64: png.toString('base64') });
      await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
      await officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy khai sinh', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '', relation: '' } });
      return scan.id;
    };
    const due = [await returned(), await returned()];
    const open = await officer['dossiers.receive'](intake());
    const kept = await officer['dossiers.attachScan']({ dossierId: open.id, documentIndex: 0, fileName: 'dang-xu-ly.png', mime: 'image/png', dataBase64: png.toString('base64') });
    due.push(await returned());
    // Windows of two files: the due scans sit in different windows, the open dossier's between them.
    expect(await purgeScans(hub.running.hub.deps, 30, clock.now() + 40 * DAY, 2)).toBe(3);
    const deps = hub.running.hub.deps;
    expect(due.map((id) => deps.dossiers.file(id)!.purged_at !== null)).toEqual([true, true, true]);
    expect(deps.dossiers.file(kept.id)!.purged_at).toBeNull();
    expect(existsSync(deps.dossiers.file(kept.id)!.stored_path)).toBe(true);
  });
});
