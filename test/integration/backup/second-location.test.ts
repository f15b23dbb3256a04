import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { listSets, secondRoot } from '../../../main/node/backup/backup-sets';
import { stageRestore } from '../../../main/node/backup/restore';
import { keyFromLocation } from '../../../main/node/backup/location-key';
import { startTestHub, type TestHub } from '../../support/hub';
import { siteWorkload } from '../../support/site-workload';

const PASSPHRASE = 'cau-mat-khau-sao-luu-usb';
const keep = { daily: 7, weekly: 4, monthly: 12 };

/**
 * The second location (a USB stick): encrypted with the admin's passphrase, restorable from it,
 * refusing a wrong passphrase, and shown as a problem when it is unplugged.
 */
describe('backups to a second location', () => {
  let hub: TestHub;
  let admin: HubClient;
  let usb: string;

  beforeAll(async () => {
    hub = await startTestHub();
    admin = await hub.admin();
    const work = await siteWorkload(hub);
    await work.serve(2);
    await work.receive();
    usb = mkdtempSync(join(tmpdir(), 'motcua-usb-'));
  });
  afterAll(async () => {
    await hub.close();
    rmSync(usb, { recursive: true, force: true });
  });

  it('encrypts the copy on the stick; the passphrase is not kept, the key is not shown to diagnostics', async () => {
    // A relative folder would be wherever the hub was started from.
    await expect(admin['backups.saveSettings']({ intervalHours: 4, secondLocation: 'SaoLuu', keep, encryption: { mode: 'off' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const saved = await admin['backups.saveSettings']({ intervalHours: 4, secondLocation: usb, keep, encryption: { mode: 'set', passphrase: PASSPHRASE } });
    expect(saved).toEqual({ intervalHours: 4, secondLocation: usb, keep, encrypted: true });
    const created = await admin['backups.create']({});
    expect(created.secondError).toBeNull();
    expect(created.second).toMatchObject({ id: created.local.id, encrypted: true, location: 'second' });
    const [set] = await listSets(secondRoot(usb));
    const bytes = readFileSync(join(set!.dir, 'motcua.sqlite.enc'));
    expect(bytes.subarray(0, 8).toString()).toBe('MCBKENC1');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const dbText = readFileSync(join(hub.dataDir, 'motcua.sqlite')).toString('latin1');
    expect(dbText.includes(PASSPHRASE)).toBe(false);
    const { secretKey, check, salt } = (hub.running.hub.deps.site.get<{ encryption: { secretKey: string; check: string; salt: string } }>('backup'))!.encryption;
    const bundle = unzipSync(Buffer.from((await admin['admin.diagnostics']({})).dataBase64, 'base64'));
    const everything = Object.values(bundle).map((b) => strFromU8(b)).join('\n');
    expect(everything).toContain('intervalHours'); // the backup settings are there…
    for (const secret of [secretKey, check, salt]) expect(everything).not.toContain(secret); // …without the key or what tests a guess
    const status = await admin['backups.list']({});
    expect(status.second).toMatchObject({ path: usb, reachable: true });
    expect(status.second!.sets.map((s) => s.id)).toEqual([created.local.id]);
    expect(status.summary).toBe(`Bản sao lưu gần nhất: vừa xong, trên ${usb} (và trong thư mục dữ liệu)`);
    expect(status.warnings).toEqual([]);
  });

  it('opens the encrypted set with the passphrase on another PC, and refuses a wrong one with its own code', async () => {
    const root = secondRoot(usb);
    const [set] = await listSets(root);
    const elsewhere = mkdtempSync(join(tmpdir(), 'motcua-other-pc-'));
    try {
      await expect(keyFromLocation(root, 'mot-mat-khau-sai-hoan-toan')).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
      await expect(stageRestore(elsewhere, set!, Buffer.alloc(32, 7))).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
      await stageRestore(elsewhere, set!, await keyFromLocation(root, PASSPHRASE));
      // A stick already encrypted with one passphrase refuses another one for new copies.
      await expect(admin['backups.saveSettings']({ intervalHours: 4, secondLocation: usb, keep, encryption: { mode: 'set', passphrase: 'mot-mat-khau-khac-han' } }))
        .rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('warns when the stick is unplugged, and still backs up into the data folder', async () => {
    const unplugged = `${usb}-unplugged`;
    renameSync(usb, unplugged);
    try {
      const created = await admin['backups.create']({});
      expect(created.second).toBeNull();
      expect(created.secondError?.code).toBe('BACKUP_LOCATION_UNAVAILABLE');
      const status = await admin['backups.list']({});
      expect(status.second).toMatchObject({ reachable: false, sets: [] });
      expect(status.warnings.map((w) => w.kind)).toEqual(['last_failed', 'second_missing']);
      expect(status.warnings[1]!.message).toContain(usb);
      expect(status.local.sets[0]!.id).toBe(created.local.id);
    } finally {
      renameSync(unplugged, usb);
    }
  });

  it('restores the encrypted set from the stick with the hub’s own key, through the admin screen', async () => {
    const [set] = await listSets(secondRoot(usb));
    await admin['backups.restore']({ id: set!.manifest.id, location: 'second' });
    await hub.restartedOnRequest();
    const again = await hub.admin();
    const status = await again['backups.list']({});
    expect(status.settings.encrypted).toBe(true);
  });

  it('with no second location chosen, says so', async () => {
    mkdirSync(usb, { recursive: true });
    await admin['backups.saveSettings']({ intervalHours: 4, secondLocation: null, keep, encryption: { mode: 'off' } }).catch(async () => {
      // The restore ended the admin's session with the old database: log in again.
      const fresh = await hub.admin();
      await fresh['backups.saveSettings']({ intervalHours: 4, secondLocation: null, keep, encryption: { mode: 'off' } });
    });
    const status = await (await hub.admin())['backups.list']({});
    expect(status.warnings.map((w) => w.kind)).toContain('second_not_set');
  });
});
