import { minutesToHhmm, vnClock } from '../vn-time';
import { foldVietnamese } from '../vn-fold';

/**
 * `motcua-chan-doan-H21-20261126-1405.zip`: whose bundle and when (Vietnam time), in ASCII so it
 * survives e-mail, chat apps and old Windows unzippers. A site without an agency code is "don-vi".
 */
export function bundleFileName(agencyCode: string, now: number): string {
  const code = foldVietnamese(agencyCode).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toUpperCase() || 'don-vi';
  const c = vnClock(now);
  return `motcua-chan-doan-${code}-${c.date.replaceAll('-', '')}-${minutesToHhmm(c.minuteOfDay).replace(':', '')}.zip`;
}
