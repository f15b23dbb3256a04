import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DossierSettings } from '../../../contract/dossier';
import { Site } from '../../../contract/queue';
import { paperIdentity } from '../../../main/core/site-identity';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';
import { defaultRatingSettings } from '../../../main/node/db/migrations/002-ratings';

/** A database as version 6 left it, with the site and dossier settings an admin had typed. */
function databaseAt6(site: Record<string, unknown>, dossiers: Record<string, unknown>) {
  const db = new Database(':memory:');
  migrate(db, migrations.slice(0, 6), null);
  db.prepare("INSERT INTO settings (key, value) VALUES ('site', ?)").run(JSON.stringify(site));
  db.prepare("UPDATE settings SET value = ? WHERE key = 'dossiers'").run(JSON.stringify(dossiers));
  migrate(db, migrations, null);
  const read = (key: string) => JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value);
  return { site: Site.parse(read('site')), dossiers: read('dossiers') as Record<string, unknown> };
}

const site6 = {
  name: 'Bộ phận Một cửa xã Ia Dom', agencyCode: '000.00.15.H21', address: 'Thôn 1', province: 'Gia Lai',
  queueHours: Array.from({ length: 7 }, () => []), callingRules: { interleaveAfterPriority: 3, maxWaitMinutes: 45, useSkillWeights: true },
  ticker: '', language: 'vi', rating: defaultRatingSettings,
  printing: { ticketFooter: '', lookupBaseUrl: null }, sampleData: false,
};
const dossiers6 = {
  code: { pattern: '{agency}-{yymmdd}-{desk}{seq}', deskPart: '1', sequenceWidth: 5 }, calendarProvince: 'Gia Lai', scanRetentionDays: 365, registerBook: '03',
  placeName: 'Ia Dom', headerLines: ['UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA'], authorityName: 'Ủy ban nhân dân xã Ia Dom',
  signerTitleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], signerName: 'Rơ Châm H’Lan',
};

describe('migration 007 (one site identity)', () => {
  it("moves the letterhead and place the admin typed into the site, keeps the rest, and prints the same unit", () => {
    const { site, dossiers } = databaseAt6(site6, dossiers6);
    expect(site).toMatchObject({ ...site6, superiorBody: 'UBND xã Ia Dom', commune: 'Ia Dom' });
    // The copies are gone; what is the dossier desk's own stays as typed.
    expect(DossierSettings.strict().parse(dossiers)).toEqual({
      code: dossiers6.code, calendarProvince: 'Gia Lai', scanRetentionDays: 365, registerBook: '03', signerTitleLines: dossiers6.signerTitleLines, signerName: 'Rơ Châm H’Lan',
    });
    expect(paperIdentity(site)).toEqual({ headerLines: ['UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA XÃ IA DOM'], placeName: 'Ia Dom', authorityName: 'Ủy ban nhân dân xã Ia Dom' });
  });

  it('adds no superior body where the letterhead was the untouched default or repeated the site name', () => {
    const untouched = databaseAt6(site6, { ...dossiers6, placeName: '', headerLines: ['ỦY BAN NHÂN DÂN XÃ', 'BỘ PHẬN MỘT CỬA'] });
    expect(untouched.site).toMatchObject({ superiorBody: '', commune: '' });
    expect(paperIdentity(untouched.site).placeName).toBe('Gia Lai');
    const renamed = databaseAt6({ ...site6, name: 'UBND xã Ia Dom' }, { ...dossiers6, headerLines: ['UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA'] });
    expect(renamed.site.superiorBody).toBe('');
    // A letterhead whose first line is not the body the letters name keeps its own spelling.
    const other = databaseAt6(site6, { ...dossiers6, headerLines: ['UBND TỈNH GIA LAI', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'] });
    expect(other.site.superiorBody).toBe('UBND TỈNH GIA LAI');
  });

  it('leaves a database with no site yet as it was', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, null);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'site'").get()).toBeUndefined();
    expect(DossierSettings.strict().safeParse(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'dossiers'").get() as { value: string }).value)).success).toBe(true);
  });
});
