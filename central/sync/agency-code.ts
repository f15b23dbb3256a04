import { sqlState, type Db } from '../db/db';

/**
 * A site's agency code, set or changed by its hub. The unique index decides between two sites
 * registering one code at once; the site's earlier code is released by the same update.
 */
export async function registerAgencyCode(db: Db, siteId: string, agencyCode: string): Promise<'ok' | 'taken'> {
  try {
    await db.query('UPDATE sites SET agency_code = $2 WHERE site_id = $1', [siteId, agencyCode]);
    return 'ok';
  } catch (e) {
    if (sqlState(e) === '23505') return 'taken';
    throw e;
  }
}
