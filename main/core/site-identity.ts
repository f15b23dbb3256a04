import type { Site, SiteIdentity } from '../../contract/queue';

/** Printed on every paper of a site in sample mode: the ticket, the receipt slip, every A4 form. */
export const SAMPLE_MARK = 'DỮ LIỆU MẪU';

/** The identity of "Dùng thử với dữ liệu mẫu"; sample mode lasts while any of it is still there. */
export const sampleIdentity: SiteIdentity = {
  name: 'Bộ phận Một cửa xã Mẫu',
  superiorBody: 'UBND xã Mẫu',
  province: 'Gia Lai',
  commune: 'Xã Mẫu',
  address: 'Thôn 1, xã Mẫu',
  agencyCode: '000.00.00.H21',
};

const sampleOnly = ['name', 'superiorBody', 'commune', 'agencyCode'] as const;

/**
 * Whether a field holds the sample's value. The province and the address may well be the real
 * ones; the name, superior body, commune and agency code never are.
 */
export function isSampleValue(field: keyof SiteIdentity, value: string): boolean {
  return (sampleOnly as readonly string[]).includes(field) && value.trim() === sampleIdentity[field];
}

/**
 * The fields of `identity` that still hold the sample's value. A site leaves sample mode when none
 * is left: a name changed alone would print the sample's letterhead and agency code on a
 * citizen's real receipt.
 */
export function sampleFieldsLeft(identity: Pick<SiteIdentity, (typeof sampleOnly)[number]>): (keyof SiteIdentity)[] {
  return sampleOnly.filter((k) => isSampleValue(k, identity[k]));
}

/** Whether the site, after a save of these values, still runs on sample data. */
export function stillSampleData(current: Site, next: Site): boolean {
  return current.sampleData && sampleFieldsLeft(next).length > 0;
}

/** What the A4 forms print of the site: derived from its identity, so a rename reaches every paper. */
export interface PaperIdentity {
  /** The letterhead, highest level first, capitals as NĐ 30/2020 sets them: ["UBND XÃ IA DOM", "BỘ PHẬN MỘT CỬA XÃ IA DOM"]. */
  readonly headerLines: string[];
  /** The dateline's place: "Ia Dom, ngày … tháng … năm …". */
  readonly placeName: string;
  /** The deciding authority as the subject of a letter's sentence: "Ủy ban nhân dân xã Ia Dom". */
  readonly authorityName: string;
}

export function paperIdentity(site: Pick<Site, 'name' | 'superiorBody' | 'commune' | 'province' | 'sampleData'>): PaperIdentity {
  const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
  const lines = [site.superiorBody, site.name].filter((s) => s.trim() !== '').map(upper);
  return {
    // In sample mode the mark heads the letterhead, where nobody can miss or cut it off.
    headerLines: site.sampleData ? [SAMPLE_MARK, ...lines] : lines,
    placeName: (site.commune || site.province).trim(),
    authorityName: (site.superiorBody.trim() || site.name.trim()).replace(/^UBND\b/u, 'Ủy ban nhân dân'),
  };
}
