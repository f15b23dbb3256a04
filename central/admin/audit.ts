import type { Queryable } from '../db/db';

/** Who acts in the back office: an account, or whoever holds CENTRAL_ADMIN_TOKEN (scripts, enrolment). */
export type Actor =
  | { readonly kind: 'account'; readonly username: string; readonly fullName: string; readonly role: Role; readonly mustChangePassword: boolean }
  | { readonly kind: 'token' };

export const ROLES = ['province-admin', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

/** The audit's name for an actor: the username, or `token` for the admin token. */
export const actorName = (a: Actor): string => (a.kind === 'account' ? a.username : 'token');

/** One change, written by the transaction that makes it (so the audit never tells of a change that was rolled back). */
export async function audit(tx: Queryable, actor: Actor, action: string, target: { siteId?: string; subject?: string } = {}, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.query('INSERT INTO central_audit (actor, action, site_id, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
    actorName(actor), action, target.siteId ?? null, target.subject ?? null, JSON.stringify(detail),
  ]);
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  siteId: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
}

/** The newest changes first. */
export async function listAudit(db: Queryable, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<{ at: Date; actor: string; action: string; site_id: string | null; subject: string | null; detail: Record<string, unknown> }>(
    'SELECT at, actor, action, site_id, subject, detail FROM central_audit ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, siteId: r.site_id, subject: r.subject, detail: r.detail }));
}
