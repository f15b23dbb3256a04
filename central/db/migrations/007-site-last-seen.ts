/**
 * When each site last spoke to the central, whatever it asked (central/sync/last-seen.ts): the
 * province's page says a site is offline from it. The time of the last push said "offline" of a
 * site that is up but has nothing to send — over lunch, every evening, every weekend — since a hub
 * pushes only when it has events and otherwise only pulls its feeds. Until a site speaks again,
 * its last push is the best known.
 *
 * A table of its own, not a column of `sites`, and no foreign key to it: a push holds its site's
 * row for its transaction (FOR UPDATE, which a foreign key's check would wait for), and noting
 * that the site spoke must never wait behind it. Only an authenticated site is ever written.
 */
export const statements: readonly string[] = [
  `CREATE TABLE site_seen (
     site_id text PRIMARY KEY,
     at      timestamptz NOT NULL
   )`,
  `INSERT INTO site_seen (site_id, at) SELECT site_id, max(updated_at) FROM streams GROUP BY site_id`,
];
