import { siteExists } from '../admin/sites';
import { SiteId } from '../admin/schemas';
import { HttpError } from './http-error';
import type { CentralDeps } from './routes';

/** A site id from a path: one that cannot be a site's is simply not found. */
export function siteIdOf(raw: string): string {
  const r = SiteId.safeParse(raw);
  if (!r.success) throw new HttpError(404, 'SITE_NOT_FOUND', 'Không tìm thấy điểm một cửa.');
  return r.data;
}

/** A site id from a path, of a site the province has created. */
export async function requireSite(deps: CentralDeps, raw: string): Promise<string> {
  const siteId = siteIdOf(raw);
  if (!(await siteExists(deps.db, siteId))) throw new HttpError(404, 'SITE_NOT_FOUND', `Không tìm thấy điểm một cửa "${siteId}".`);
  return siteId;
}

/** `?limit=` of a list: 1 to `max`, `fallback` when absent. */
export function limitOf(url: URL, fallback: number, max: number): number {
  const limit = Number(url.searchParams.get('limit') ?? fallback);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new HttpError(400, 'VALIDATION_FAILED', `Tham số limit phải từ 1 đến ${max}.`);
  return limit;
}
