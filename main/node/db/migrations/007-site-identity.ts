import { runsOnSampleData, sampleIdentity, withoutSampleExtras } from '../../../core/site-identity';
import type { Migration } from '../migrate';

/** The letterhead migration 004 gave every site: a title with no name, never typed by anyone. */
const UNNAMED_HEADER = ['ỦY BAN NHÂN DÂN XÃ', 'BỘ PHẬN MỘT CỬA'];

/** The name versions up to 6 gave the sample site; today's sample name replaces it. */
const SAMPLE_NAME_6 = 'UBND xã Mẫu — Bộ phận Một cửa (DỮ LIỆU MẪU)';

/**
 * One identity for the site. Up to 6 the dossier settings kept their own letterhead, dateline
 * place and authority, so a site renamed in Quản trị → Đơn vị still printed the old unit on its
 * receipts. Now the site holds its superior body and commune beside its name, and the forms derive
 * the rest (main/core/site-identity.ts). What the admin typed moves over: the letterhead's first
 * line becomes the superior body (when the letterhead had a line above the unit and was not the
 * untouched default), the dateline's place the commune; the authority of letters is derived from
 * the superior body from now on (main/core/site-identity.ts expands "UBND").
 *
 * Up to 6 renaming the sample site ended sample mode; its letterhead, place and agency code stayed
 * the sample's. Such a site is in sample mode again by today's rule (a sample-only value left), so
 * its papers are marked and it takes no real intake until the admin enters the real identity; a
 * site that is no longer sample loses the sample's ticker and signer it kept. The old sample name
 * becomes today's, so it counts as a sample value too: a site whose other values were made real
 * must not print "(DỮ LIỆU MẪU)" as its name unmarked.
 */
export const migration007: Migration = {
  version: 7,
  name: 'site-identity',
  up(db) {
    const read = (key: string) => {
      const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
      return row ? (JSON.parse(row.value) as Record<string, unknown>) : null;
    };
    const write = db.prepare<[string, string]>('UPDATE settings SET value = ? WHERE key = ?');
    const site = read('site');
    const dossiers = read('dossiers');
    if (site) {
      const header = Array.isArray(dossiers?.headerLines) ? (dossiers.headerLines as string[]) : [];
      const typed = header.length >= 2 && header.join('\n') !== UNNAMED_HEADER.join('\n');
      const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
      const first = typed && upper(header[0]!) !== upper(String(site.name)) ? header[0]!.trim() : '';
      // The letterhead is in capitals; the authority the admin typed for letters usually names the
      // same body in its own case ("Ủy ban nhân dân xã Ia Dom"): then that spelling is kept, so
      // both the letterhead and the letters print as before.
      const sentence = typeof dossiers?.authorityName === 'string' ? dossiers.authorityName.trim().replace(/^Ủy ban nhân dân\b/u, 'UBND') : '';
      const superiorBody = first !== '' && upper(sentence) === upper(first) ? sentence : first;
      const commune = typeof dossiers?.placeName === 'string' ? dossiers.placeName : '';
      const name = site.name === SAMPLE_NAME_6 ? sampleIdentity.name : String(site.name);
      const sampleData = runsOnSampleData({ name, superiorBody, commune, agencyCode: String(site.agencyCode), sampleData: site.sampleData === true });
      const next = { ...site, name, superiorBody, commune, sampleData, ticker: String(site.ticker ?? '') };
      const signer = { signerName: typeof dossiers?.signerName === 'string' ? dossiers.signerName : '' };
      const cleaned = sampleData ? { site: next, dossiers: signer } : withoutSampleExtras(next, signer);
      write.run(JSON.stringify(cleaned.site), 'site');
      if (dossiers) dossiers.signerName = cleaned.dossiers.signerName;
    }
    if (dossiers) {
      const { headerLines: _h, placeName: _p, authorityName: _a, ...kept } = dossiers;
      write.run(JSON.stringify(kept), 'dossiers');
    }
  },
};
