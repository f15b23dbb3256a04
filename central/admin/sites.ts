import type { Db } from '../db/db';
import { issueCredential } from '../sync/credentials';

export interface SiteState {
  siteId: string;
  name: string;
  createdAt: string;
  credentialExpiresAt: string | null;
  streams: { incarnation: string; lastSeq: number; lastPushAt: string; siteTime: string | null; appVersion: string | null }[];
  /** Events refused by the projector (acknowledged, never applied). */
  rejections: number;
  /** Events stored raw that this version of the central does not understand yet. */
  unprojected: number;
}

/** A new site and its first credential (returned once). */
/** Whether the province has created this site. */
export async function siteExists(db: Db, siteId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM sites WHERE site_id = $1', [siteId])).length > 0;
}

export async function createSite(db: Db, siteId: string, name: string, expiresInDays: number): Promise<{ credential: string; expiresAt: Date } | null> {
  return db.transaction(async (tx) => {
    const created = await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2) ON CONFLICT (site_id) DO NOTHING RETURNING site_id', [siteId, name]);
    if (created.length === 0) return null;
    return issueCredential(tx, siteId, expiresInDays);
  });
}

/** A new credential for an existing site (the old one stops working), or null if there is no such site. */
export async function renewCredential(db: Db, siteId: string, expiresInDays: number): Promise<{ credential: string; expiresAt: Date } | null> {
  return db.transaction(async (tx) => {
    const [site] = await tx.query('SELECT 1 FROM sites WHERE site_id = $1 FOR NO KEY UPDATE', [siteId]);
    return site ? issueCredential(tx, siteId, expiresInDays) : null;
  });
}

/** Every site's sync state; per site a handful of index probes, whatever the size of the log. */
export async function listSites(db: Db): Promise<SiteState[]> {
  const rows = await db.query<{
    site_id: string; name: string; created_at: Date; credential_expires_at: Date | null; rejections: number; unprojected: number;
    streams: { incarnation: string; lastSeq: number; lastPushAt: string; siteTime: string | null; appVersion: string | null }[];
  }>(
    `SELECT s.site_id, s.name, s.created_at,
       (SELECT max(expires_at) FROM site_credentials c WHERE c.site_id = s.site_id AND c.revoked_at IS NULL) AS credential_expires_at,
       coalesce((SELECT json_agg(json_build_object('incarnation', t.incarnation, 'lastSeq', t.last_seq, 'lastPushAt', t.updated_at, 'siteTime', t.site_time,
                                                  'appVersion', t.app_version)
                                 ORDER BY t.updated_at DESC)
                 FROM streams t WHERE t.site_id = s.site_id), '[]'::json) AS streams,
       (SELECT count(*) FROM rejections r WHERE r.site_id = s.site_id) AS rejections,
       (SELECT count(*) FROM events e WHERE e.site_id = s.site_id AND NOT e.projected
          AND NOT EXISTS (SELECT 1 FROM rejections r WHERE r.site_id = e.site_id AND r.incarnation = e.incarnation AND r.seq = e.seq)) AS unprojected
     FROM sites s ORDER BY s.site_id`,
  );
  return rows.map((r) => ({
    siteId: r.site_id, name: r.name, createdAt: r.created_at.toISOString(), credentialExpiresAt: r.credential_expires_at?.toISOString() ?? null,
    streams: r.streams.map((t) => ({ ...t, lastPushAt: new Date(t.lastPushAt).toISOString(), siteTime: t.siteTime === null ? null : new Date(t.siteTime).toISOString() })),
    rejections: r.rejections, unprojected: r.unprojected,
  }));
}

/** What a site sees of itself (`GET /sync/v1/sites/{siteId}/status`). */
export async function siteStatus(db: Db, siteId: string): Promise<{ name: string; agencyCode: string | null; streams: { incarnation: string; lastSeq: number }[] } | null> {
  const [site] = await db.query<{ name: string; agency_code: string | null }>('SELECT name, agency_code FROM sites WHERE site_id = $1', [siteId]);
  if (!site) return null;
  const streams = await db.query<{ incarnation: string; last_seq: number }>(
    'SELECT incarnation, last_seq FROM streams WHERE site_id = $1 ORDER BY updated_at DESC',
    [siteId],
  );
  return { name: site.name, agencyCode: site.agency_code, streams: streams.map((s) => ({ incarnation: s.incarnation, lastSeq: s.last_seq })) };
}
