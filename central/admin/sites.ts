import type { Db } from '../db/db';
import { issueCredential } from '../sync/credentials';
import { audit, type Actor } from './audit';

export interface StreamState {
  incarnation: string;
  baseSeq: number;
  lastSeq: number;
  lastPushAt: string;
  siteTime: string | null;
  appVersion: string | null;
  /** The stream the site writes now (the newest incarnation that pushed). */
  current: boolean;
  /** For a replaced stream: the seqs it holds past the point the stream that replaced it restarted from. */
  leftBehind: { fromSeq: number; count: number } | null;
}

export interface SiteState {
  siteId: string;
  name: string;
  /** The agency code the site registered (null: never registered — a site not yet synced since the upgrade). */
  agencyCode: string | null;
  createdAt: string;
  credentialExpiresAt: string | null;
  streams: StreamState[];
  /** Events refused by the projector (acknowledged, never applied). */
  rejections: number;
  /** Events stored raw that this version of the central does not understand yet. */
  unprojected: number;
}

/** Whether the province has created this site. */
export async function siteExists(db: Db, siteId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM sites WHERE site_id = $1', [siteId])).length > 0;
}

/** A new site and its first credential (returned once). */
export async function createSite(db: Db, actor: Actor, siteId: string, name: string, expiresInDays: number): Promise<{ credential: string; expiresAt: Date } | null> {
  return db.transaction(async (tx) => {
    const created = await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2) ON CONFLICT (site_id) DO NOTHING RETURNING site_id', [siteId, name]);
    if (created.length === 0) return null;
    await audit(tx, actor, 'site.create', { siteId }, { name });
    return issueCredential(tx, siteId, expiresInDays);
  });
}

/** A new credential for an existing site (the old one stops working), or null if there is no such site. */
export async function renewCredential(db: Db, actor: Actor, siteId: string, expiresInDays: number): Promise<{ credential: string; expiresAt: Date } | null> {
  return db.transaction(async (tx) => {
    const [site] = await tx.query('SELECT 1 FROM sites WHERE site_id = $1 FOR NO KEY UPDATE', [siteId]);
    if (!site) return null;
    await audit(tx, actor, 'site.credential', { siteId });
    return issueCredential(tx, siteId, expiresInDays);
  });
}

/** Every site's sync state; per site a handful of index probes, whatever the size of the log. */
export async function listSites(db: Db): Promise<SiteState[]> {
  const rows = await db.query<{
    site_id: string; name: string; agency_code: string | null; created_at: Date; credential_expires_at: Date | null; rejections: number; unprojected: number;
    streams: { incarnation: string; baseSeq: number; lastSeq: number; lastPushAt: string; siteTime: string | null; appVersion: string | null; nextBase: number | null; superseded: boolean }[];
  }>(
    `SELECT s.site_id, s.name, s.agency_code, s.created_at,
       (SELECT max(expires_at) FROM site_credentials c WHERE c.site_id = s.site_id AND c.revoked_at IS NULL) AS credential_expires_at,
       coalesce((SELECT json_agg(json_build_object('incarnation', t.incarnation, 'baseSeq', t.base_seq, 'lastSeq', t.last_seq, 'lastPushAt', t.updated_at,
                                                  'siteTime', t.site_time, 'appVersion', t.app_version, 'superseded', t.superseded_by IS NOT NULL,
                                                  'nextBase', (SELECT n.base_seq FROM streams n WHERE n.site_id = t.site_id AND n.incarnation = t.superseded_by))
                                 ORDER BY t.created_at DESC)
                 FROM streams t WHERE t.site_id = s.site_id), '[]'::json) AS streams,
       (SELECT count(*) FROM rejections r WHERE r.site_id = s.site_id) AS rejections,
       (SELECT count(*) FROM events e WHERE e.site_id = s.site_id AND NOT e.projected
          AND NOT EXISTS (SELECT 1 FROM rejections r WHERE r.site_id = e.site_id AND r.incarnation = e.incarnation AND r.seq = e.seq)) AS unprojected
     FROM sites s ORDER BY s.site_id`,
  );
  return rows.map((r) => ({
    siteId: r.site_id, name: r.name, agencyCode: r.agency_code, createdAt: r.created_at.toISOString(), credentialExpiresAt: r.credential_expires_at?.toISOString() ?? null,
    streams: r.streams.map(({ nextBase, superseded, ...t }) => ({
      ...t, lastPushAt: new Date(t.lastPushAt).toISOString(), siteTime: t.siteTime === null ? null : new Date(t.siteTime).toISOString(), current: !superseded,
      leftBehind: nextBase === null || t.lastSeq < nextBase ? null : { fromSeq: nextBase, count: t.lastSeq - nextBase + 1 },
    })),
    rejections: r.rejections, unprojected: r.unprojected,
  }));
}

/** What a site sees of itself (`GET /sync/v1/sites/{siteId}/status`). */
export async function siteStatus(db: Db, siteId: string): Promise<{ name: string; agencyCode: string | null; streams: { incarnation: string; baseSeq: number; lastSeq: number; current: boolean }[] } | null> {
  const [site] = await db.query<{ name: string; agency_code: string | null }>('SELECT name, agency_code FROM sites WHERE site_id = $1', [siteId]);
  if (!site) return null;
  const streams = await db.query<{ incarnation: string; base_seq: number; last_seq: number; current: boolean }>(
    'SELECT incarnation, base_seq, last_seq, superseded_by IS NULL AS current FROM streams WHERE site_id = $1 ORDER BY created_at DESC',
    [siteId],
  );
  return { name: site.name, agencyCode: site.agency_code, streams: streams.map((s) => ({ incarnation: s.incarnation, baseSeq: Number(s.base_seq), lastSeq: Number(s.last_seq), current: s.current })) };
}
