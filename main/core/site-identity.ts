import { HubError } from '../../contract/errors';
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

/**
 * What else only the sample has: the TV's ticker asking the admin for the real identity and the
 * signer of letters. They go when sample mode ends (`withoutSampleExtras`); what the admin typed
 * over them stays.
 */
export const SAMPLE_TICKER = 'Đây là dữ liệu mẫu. Quản trị viên hãy vào trang Quản trị để nhập thông tin thật của đơn vị.';
export const SAMPLE_SIGNER = 'Nguyễn Văn Mẫu';

/** Said under a field that still holds the sample's value. */
export const SAMPLE_VALUE_TEXT = 'Đây vẫn là thông tin của dữ liệu mẫu: hãy nhập thông tin thật của đơn vị.';

const sampleOnly = ['name', 'superiorBody', 'commune', 'agencyCode'] as const;
type SampleOnlyField = (typeof sampleOnly)[number];

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
export function sampleFieldsLeft(identity: Pick<SiteIdentity, SampleOnlyField>): (keyof SiteIdentity)[] {
  return sampleOnly.filter((k) => isSampleValue(k, identity[k]));
}

/**
 * The rule every reader applies (SiteStore.site(), so intake, enrolment and every paper): a site
 * runs on sample data while flagged so or while any sample-only value is left. The flag alone is
 * not trusted: a hub set up before this rule lost it when its sample site was renamed, and still
 * held the sample's superior body, commune and agency code.
 */
export function runsOnSampleData(site: Pick<Site, 'sampleData' | SampleOnlyField>): boolean {
  return site.sampleData || sampleFieldsLeft(site).length > 0;
}

/**
 * Whether the site, after a save of these values, still runs on sample data. A real site never
 * goes back to sample mode, and takes no sample value back either (a real paper would print it):
 * such a save is refused.
 */
export function stillSampleData(current: Site, next: Site): boolean {
  const left = sampleFieldsLeft(next);
  if (!current.sampleData && left.length > 0) {
    // Worded as the schema's issues, so Quản trị → Đơn vị shows it under each field like any other.
    throw new HubError('VALIDATION_FAILED', SAMPLE_VALUE_TEXT, { issues: left.map((path) => ({ path, message: SAMPLE_VALUE_TEXT })) });
  }
  return left.length > 0;
}

/** The site and the dossier settings of a site leaving sample mode, without the sample's ticker and signer. */
export function withoutSampleExtras<S extends { ticker: string }, D extends { signerName: string }>(site: S, dossiers: D): { site: S; dossiers: D } {
  return {
    site: site.ticker === SAMPLE_TICKER ? { ...site, ticker: '' } : site,
    dossiers: dossiers.signerName === SAMPLE_SIGNER ? { ...dossiers, signerName: '' } : dossiers,
  };
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
