/**
 * The back office's own accounts instead of one shared token (docs/SYNC.md, "Central back office").
 *
 * - `central_accounts`: people at the province, each with a role (`province-admin`: accounts,
 *   sites, feeds; `clerk`: looks dossiers up and moves them). Passwords as scrypt hashes
 *   (common/node/password.ts, the hub's format).
 * - `central_sessions`: a login's cookie, stored as SHA-256 like the sites' credentials; 12 hours,
 *   3 hours without a request (as the hub's sessions).
 * - `central_audit`: who changed what, one row per change, written in the change's transaction.
 *   `(site_id, subject)` reads a dossier's back-office moves for its history.
 * - `dossiers_by_code`, `dossiers_by_name`: a clerk finds a dossier by its code or the start of the
 *   applicant's name, in the whole province (the history reads `events_aggregate`, already there).
 *   Two more index entries per projected dossier change.
 */
export const statements: readonly string[] = [
  `CREATE TABLE central_accounts (
     username      text PRIMARY KEY,
     full_name     text NOT NULL,
     role          text NOT NULL CHECK (role IN ('province-admin', 'clerk')),
     password_hash text NOT NULL,
     active        boolean NOT NULL DEFAULT true,
     -- A password someone else chose (a new account, a reset): changed before anything else works.
     must_change_password boolean NOT NULL DEFAULT true,
     created_at    timestamptz NOT NULL DEFAULT now(),
     updated_at    timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE central_sessions (
     token_hash text PRIMARY KEY,
     username   text NOT NULL REFERENCES central_accounts,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX central_sessions_by_account ON central_sessions (username)`,
  `CREATE TABLE central_audit (
     id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at      timestamptz NOT NULL DEFAULT now(),
     actor   text NOT NULL,
     action  text NOT NULL,
     site_id text,
     subject text,
     detail  jsonb NOT NULL DEFAULT '{}'
   )`,
  `CREATE INDEX central_audit_by_subject ON central_audit (site_id, subject, id)`,
  `CREATE INDEX dossiers_by_code ON dossiers (code)`,
  `CREATE INDEX dossiers_by_name ON dossiers (lower(applicant_name) text_pattern_ops)`,
];
