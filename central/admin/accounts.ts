import { randomBytes } from 'node:crypto';
import { decoyHash, hashPassword, oneTimePassword, verifyPassword } from '../../common/node/password';
import type { Db, Queryable } from '../db/db';
import { sha256 } from '../sync/credentials';
import { audit, type Actor, type Role } from './audit';

/** A working day and then some: a clerk logs in once a morning. */
const SESSION_HOURS = 12;
const IDLE_HOURS = 3;

export interface Account {
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** Its password was given by someone else (one-time): only changing it works until then. */
  mustChangePassword: boolean;
  createdAt: string;
}

interface AccountRow { username: string; full_name: string; role: Role; active: boolean; must_change_password: boolean; created_at: Date; password_hash: string }
const toAccount = (r: AccountRow): Account => ({
  username: r.username, fullName: r.full_name, role: r.role, active: r.active, mustChangePassword: r.must_change_password, createdAt: r.created_at.toISOString(),
});

export async function listAccounts(db: Queryable): Promise<Account[]> {
  return (await db.query<AccountRow>('SELECT * FROM central_accounts ORDER BY username')).map(toAccount);
}

/** A new account with a one-time password (returned once), or null when the username is taken. */
export async function createAccount(db: Db, actor: Actor, a: { username: string; fullName: string; role: Role }): Promise<{ account: Account; password: string } | null> {
  const password = oneTimePassword(12);
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AccountRow>(
      `INSERT INTO central_accounts (username, full_name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING *`,
      [a.username, a.fullName, a.role, hash],
    );
    if (!row) return null;
    await audit(tx, actor, 'account.create', { subject: a.username }, { role: a.role, fullName: a.fullName });
    return { account: toAccount(row), password };
  });
}

export interface AccountChange {
  fullName?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  resetPassword?: boolean | undefined;
}

/** The change would leave no active province-admin: nobody could manage the accounts any more. */
export class LastProvinceAdminError extends Error {}

/**
 * Changes an account; a new password (returned once) when asked. Switching an account off or
 * giving it a new password ends its sessions. Throws LastProvinceAdminError (nothing changed) when
 * the last active province-admin would be switched off or made a clerk.
 */
export async function updateAccount(db: Db, actor: Actor, username: string, c: AccountChange): Promise<{ account: Account; password: string | null } | null> {
  const password = c.resetPassword ? oneTimePassword(12) : null;
  const hash = password === null ? null : await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AccountRow>(
      `UPDATE central_accounts SET full_name = coalesce($2, full_name), role = coalesce($3, role), active = coalesce($4, active),
         password_hash = coalesce($5, password_hash), must_change_password = must_change_password OR $5 IS NOT NULL, updated_at = now()
       WHERE username = $1 RETURNING *`,
      [username, c.fullName ?? null, c.role ?? null, c.active ?? null, hash],
    );
    if (!row) return null;
    const [admins] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM central_accounts WHERE role = 'province-admin' AND active`);
    if (Number(admins!.n) === 0) throw new LastProvinceAdminError();
    if (c.active === false || hash !== null) await tx.query('DELETE FROM central_sessions WHERE username = $1', [username]);
    const { resetPassword, ...changed } = c;
    await audit(tx, actor, 'account.update', { subject: username }, { ...changed, ...(resetPassword ? { passwordReset: true } : {}) });
    return { account: toAccount(row), password };
  });
}

/** An account's own new password (all its sessions end: it logs in again). False when the current one is wrong. */
export async function changeOwnPassword(db: Db, actor: Actor & { kind: 'account' }, current: string, next: string): Promise<boolean> {
  const { username } = actor;
  const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM central_accounts WHERE username = $1 AND active', [username]);
  if (!row || !(await verifyPassword(current, row.password_hash))) return false;
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE central_accounts SET password_hash = $2, must_change_password = false, updated_at = now() WHERE username = $1', [username, hash]);
    await tx.query('DELETE FROM central_sessions WHERE username = $1', [username]);
    await audit(tx, actor, 'account.password', { subject: username });
  });
  return true;
}

/**
 * The account a username and password open, or null — the same work (one scrypt) whether the
 * username exists or not, so the answer's time does not tell which usernames exist.
 */
export async function checkPassword(db: Queryable, username: string, password: string): Promise<Account | null> {
  const [row] = await db.query<AccountRow>('SELECT * FROM central_accounts WHERE username = $1', [username]);
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
  return ok && row?.active ? toAccount(row) : null;
}

/** A new session for an account: the token for its cookie (stored as SHA-256 only). */
export async function openSession(db: Db, username: string): Promise<{ token: string; expiresAt: Date }> {
  const token = `mcs_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await db.transaction(async (tx) => {
    // Expired sessions go as new ones come: the table stays the size of the working staff.
    await tx.query('DELETE FROM central_sessions WHERE username = $1 AND expires_at <= now()', [username]);
    await tx.query('INSERT INTO central_sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)', [sha256(token), username, expiresAt]);
  });
  return { token, expiresAt };
}

/**
 * The account behind a session token, while the session lasts (12 hours, and 3 hours since its last
 * request: a screen left open at the end of the day does not stay logged in) and the account is
 * active. Each request marks the session seen: one small write, at the back office's pace.
 */
export async function sessionAccount(db: Queryable, token: string): Promise<Account | null> {
  const [row] = await db.query<AccountRow>(
    `UPDATE central_sessions s SET last_seen_at = now() FROM central_accounts a
     WHERE s.token_hash = $1 AND a.username = s.username AND a.active
       AND s.expires_at > now() AND s.last_seen_at > now() - interval '${IDLE_HOURS} hours'
     RETURNING a.*`,
    [sha256(token)],
  );
  return row ? toAccount(row) : null;
}

export async function closeSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM central_sessions WHERE token_hash = $1', [sha256(token)]);
}

/**
 * The province's first administrator, created at the first start when there is no account at all:
 * its one-time password is returned to be printed once, like the first admin token.
 */
export async function ensureFirstAdmin(db: Db, username: string): Promise<string | null> {
  const [any] = await db.query('SELECT 1 FROM central_accounts LIMIT 1');
  if (any) return null;
  const created = await createAccount(db, { kind: 'token' }, { username, fullName: 'Quản trị tỉnh', role: 'province-admin' });
  return created?.password ?? null;
}
