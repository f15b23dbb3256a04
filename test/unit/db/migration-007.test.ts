import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DossierSettings } from '../../../contract/dossier';
import { Site } from '../../../contract/queue';
import { paperIdentity, SAMPLE_SIGNER, SAMPLE_TICKER } from '../../../main/core/site-identity';
import { migrate } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';
import { SiteStore } from '../../../main/node/db/site-store';
import { defaultRatingSettings } from '../../../main/node/db/migrations/002-ratings';

/** A database as version 6 left it, with the site and dossier settings an admin had typed. */
function databaseAt6(site: Record<string, unknown>, dossiers: Record<string, unknown>) {
  const db = new Database(':memory:');
  migrate(db, migrations.slice(0, 6), null);
  db.prepare("INSERT INTO settings (key, value) VALUES ('site', ?)").run(JSON.stringify(site));
  db.prepare("UPDATE settings SET value = ? WHERE key = 'dossiers'").run(JSON.stringify(dossiers));
  migrate(db, migrations, null);
  const read = (key: string) => JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value);
  return { site: Site.parse(read('site')), dossiers: read('dossiers') as Record<string, unknown>, store: new SiteStore(db) };
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

  // The demo site versions up to 6 created; renaming it cleared `sampleData` and kept the rest.
  const sample6 = { ...site6, name: 'UBND xã Mẫu — Bộ phận Một cửa (DỮ LIỆU MẪU)', agencyCode: '000.00.00.H21', ticker: SAMPLE_TICKER, sampleData: true };
  const sampleDossiers6 = { ...dossiers6, placeName: 'Xã Mẫu', headerLines: ['UBND XÃ MẪU', 'BỘ PHẬN MỘT CỬA'], authorityName: 'Ủy ban nhân dân xã Mẫu', signerName: SAMPLE_SIGNER };

  it('puts a renamed sample site back in sample mode while the sample superior body, commune or agency code is left', () => {
    const { site, store } = databaseAt6({ ...sample6, name: 'UBND xã Ia Dom', sampleData: false }, sampleDossiers6);
    expect(site).toMatchObject({ superiorBody: 'UBND xã Mẫu', commune: 'Xã Mẫu', agencyCode: '000.00.00.H21', sampleData: true });
    // Marked on every paper; intake and enrolment read the site through the store.
    expect(paperIdentity(site).headerLines[0]).toBe('DỮ LIỆU MẪU');
    expect(store.site().sampleData).toBe(true);
    // The sample never renamed keeps today's sample name, a sample value too.
    expect(databaseAt6(sample6, sampleDossiers6).site).toMatchObject({ name: 'Bộ phận Một cửa xã Mẫu', sampleData: true });
  });

  it("drops the sample's ticker and signer a site that left sample mode before 7 still had", () => {
    const { site, dossiers } = databaseAt6({ ...sample6, name: site6.name, agencyCode: site6.agencyCode, sampleData: false }, { ...sampleDossiers6, ...dossiers6, signerName: SAMPLE_SIGNER });
    expect(site).toMatchObject({ superiorBody: 'UBND xã Ia Dom', commune: 'Ia Dom', sampleData: false, ticker: '' });
    expect(dossiers.signerName).toBe('');
    // A sample site keeps them until sample mode ends.
    const sample = databaseAt6(sample6, sampleDossiers6);
    expect([sample.site.ticker, sample.dossiers.signerName]).toEqual([SAMPLE_TICKER, SAMPLE_SIGNER]);
  });

  it('leaves a database with no site yet as it was', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, null);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'site'").get()).toBeUndefined();
    expect(DossierSettings.strict().safeParse(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'dossiers'").get() as { value: string }).value)).success).toBe(true);
  });
});
