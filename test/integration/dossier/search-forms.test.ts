import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import type { Dossier } from '../../../contract/dossier';
import { foldVietnamese } from '../../../main/core/vn-fold';
import { FakeClock } from '../../support/clock';
import { startTestHub, type TestHub } from '../../support/hub';
import { intake } from './intake-input';

const person = (fullName: string, idNumber: string) => ({ kind: 'person' as const, fullName, idNumber, dateOfBirth: '1990-08-15', address: 'Làng Ia Mơ Nông', phone: '', email: '' });

/** Search at the counter for what people type (issue 13): apostrophes, the code's tail, the receipt's lookup code. */
describe('the counter finds dossiers by what people type', () => {
  const clock = new FakeClock('2026-12-01T09:00:00+07:00'); // Tuesday
  let hub: TestHub;
  let officer: HubClient;
  let hbia: Dossier;
  let hlan: Dossier;
  let ybong: Dossier;
  let nextDay: Dossier;

  const login = async () => {
    officer = hub.client((await hub.client()['auth.login']({ username: 'tiepnhan', password: 'mat-khau-can-bo-1' })).token);
  };
  const ids = async (q: string) => (await officer['dossiers.search']({ q })).map((r) => r.id);

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    officer = await hub.staff('tiepnhan');
    hbia = await officer['dossiers.receive'](intake({ applicant: person("Rơ Châm H'Bia", '064190000001') }));
    hlan = await officer['dossiers.receive'](intake({ applicant: person('Ksor H’Lan', '064190000002') })); // as scanned from a CCCD with ’
    ybong = await officer['dossiers.receive'](intake({ applicant: person('Y-Bông Niê', '064190000003') }));
    clock.set('2026-12-02T09:00:00+07:00');
    await login();
    nextDay = await officer['dossiers.receive'](intake({ applicant: person('Nguyễn Văn An', '064190000004') }));
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('finds "Rơ Châm H\'Bia" typed without the apostrophe or with another one', async () => {
    for (const q of ['hbia', 'cham hbia', "h'bia", 'H’Bia', 'HʼBIA', 'Rơ Châm H‘Bia']) expect(await ids(q), q).toEqual([hbia.id]);
    for (const q of ['hlan', "ksor h'lan"]) expect(await ids(q), q).toEqual([hlan.id]);
    expect(await ids('y bong')).toEqual([ybong.id]);
    expect(await ids('Y-Bông')).toEqual([ybong.id]);
  });

  it('finds a dossier by its code\'s tail as printed after the agency code, one day\'s 0001 only', async () => {
    expect(hbia.code).toBe('000.00.15.H21-261201-0001');
    expect(nextDay.code).toBe('000.00.15.H21-261202-0001');
    expect(await ids('261202-0001')).toEqual([nextDay.id]);
    expect(await ids(' 261201-0003 ')).toEqual([ybong.id]);
    expect(new Set(await ids('261201-000'))).toEqual(new Set([hbia.id, hlan.id, ybong.id]));
    expect(await ids('261203-0001')).toEqual([]);
    expect(await ids('0001')).toEqual([]); // every day has one: names no dossier
  });

  it('finds a dossier by the lookup code on its receipt, in either case', async () => {
    expect(await ids(hlan.lookupCode!)).toEqual([hlan.id]);
    expect(await ids(hlan.lookupCode!.toLowerCase())).toEqual([hlan.id]);
  });

  it('migration 012 folds the names stored before it, and running it again changes nothing', async () => {
    const file = join(hub.dataDir, 'motcua.sqlite');
    const setBack = (refold: boolean) => {
      const db = new Database(file);
      if (refold) {
        const rows = db.prepare('SELECT rowid, applicant_name FROM dossiers').all() as { rowid: number; applicant_name: string }[];
        for (const r of rows) db.prepare('UPDATE dossiers SET applicant_folded = ? WHERE rowid = ?').run(foldVietnamese(r.applicant_name), r.rowid);
        db.exec('DROP INDEX dossiers_by_code_tail; DROP INDEX dossiers_by_lookup_code;');
      }
      db.pragma('user_version = 11');
      db.close();
    };
    const folded = () => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT applicant_name, applicant_folded FROM dossiers ORDER BY rowid').all();
      db.close();
      return rows;
    };
    await hub.stop();
    setBack(true);
    expect(folded()).toContainEqual({ applicant_name: "Rơ Châm H'Bia", applicant_folded: "ro cham h'bia" }); // as 004's folding left it
    await hub.start();
    await login();
    const after = folded();
    expect(after).toEqual([
      { applicant_name: "Rơ Châm H'Bia", applicant_folded: 'ro cham hbia' },
      { applicant_name: 'Ksor H’Lan', applicant_folded: 'ksor hlan' },
      { applicant_name: 'Y-Bông Niê', applicant_folded: 'y bong nie' },
      { applicant_name: 'Nguyễn Văn An', applicant_folded: 'nguyen van an' },
    ]);
    // The trigram index followed the column, and the two new indexes are back.
    expect(await ids('cham hbia')).toEqual([hbia.id]);
    expect(await ids("h'bia")).toEqual([hbia.id]);
    expect(await ids('261202-0001')).toEqual([nextDay.id]);
    await hub.stop();
    setBack(false);
    await hub.start();
    await login();
    expect(folded()).toEqual(after);
    expect(await ids('hlan')).toEqual([hlan.id]);
  });
});
