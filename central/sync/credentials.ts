import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const DAY_MS = 86_400_000;

/**
 * A new credential for a site: 256 random bits, shown once, stored as its SHA-256. Earlier ones
 * of the site stop working in the same transaction.
 */
export async function issueCredential(tx: Queryable, siteId: string, expiresInDays: number): Promise<{ credential: string; expiresAt: Date }> {
  const credential = `mc1_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
  await tx.query('UPDATE site_credentials SET revoked_at = now() WHERE site_id = $1 AND revoked_at IS NULL', [siteId]);
  await tx.query('INSERT INTO site_credentials (token_hash, site_id, expires_at) VALUES ($1, $2, $3)', [sha256(credential), siteId, expiresAt]);
  return { credential, expiresAt };
}

export type CredentialCheck =
  | { readonly kind: 'ok'; readonly siteId: string; readonly expiresAt: Date }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'expired' };

/** What a bearer token is worth: one primary-key lookup. */
export async function checkCredential(db: Queryable, token: string): Promise<CredentialCheck> {
  const [row] = await db.query<{ site_id: string; expires_at: Date; revoked_at: Date | null }>(
    'SELECT site_id, expires_at, revoked_at FROM site_credentials WHERE token_hash = $1',
    [sha256(token)],
  );
  if (!row || row.revoked_at !== null) return { kind: 'invalid' };
  if (row.expires_at.getTime() <= Date.now()) return { kind: 'expired' };
  return { kind: 'ok', siteId: row.site_id, expiresAt: row.expires_at };
}
