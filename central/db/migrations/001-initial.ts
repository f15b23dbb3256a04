/**
 * The central's first schema. Sized for a province: hundreds of sites, millions of dossiers and
 * tickets a year. Every query the server runs is served by an index named here; nothing scans a
 * table per request. Indexes cost every push, so there is none for a query not written yet: the
 * province's reports add theirs with them.
 */
export const statements: readonly string[] = [
  // Settings of this central (the admin token's hash).
  `CREATE TABLE central_settings (key text PRIMARY KEY, value text NOT NULL)`,

  `CREATE TABLE sites (
     site_id    text PRIMARY KEY,
     name       text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,

  // Looked up by the token's SHA-256 on every request; the token itself is never stored.
  `CREATE TABLE site_credentials (
     token_hash text PRIMARY KEY,
     site_id    text NOT NULL REFERENCES sites,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz
   )`,
  `CREATE INDEX site_credentials_live ON site_credentials (site_id, expires_at DESC) WHERE revoked_at IS NULL`,

  // One row per outbox stream (a database's incarnation), locked FOR UPDATE by every push.
  `CREATE TABLE streams (
     site_id     text NOT NULL REFERENCES sites,
     incarnation uuid NOT NULL,
     base_seq    bigint NOT NULL,
     last_seq    bigint NOT NULL,
     created_at  timestamptz NOT NULL DEFAULT now(),
     -- The latest push: the central's clock and the site's (the skew is shown, never used), and
     -- the hub's version (x-motcua-app), to see which sites run what.
     updated_at  timestamptz NOT NULL DEFAULT now(),
     site_time   timestamptz,
     app_version text,
     PRIMARY KEY (site_id, incarnation)
   )`,

  // Arrival order over every site. A sequence, not an identity column: PostgreSQL 15 has no
  // identity columns on partitioned tables. A site's pushes are serialized (its sites row is
  // locked), so within a site this order is the order the projections were applied in.
  `CREATE SEQUENCE events_id_seq`,

  // The raw event log, kept as received, partitioned by month of arrival so old months can be
  // detached and archived without touching the live ones. Partitions are created ahead and on
  // demand (central/db/partitions.ts). No unique constraint can span partitions unless it contains
  // received_at, so deduplication lives in event_index below.
  `CREATE TABLE events (
     id              bigint NOT NULL,
     site_id         text NOT NULL,
     incarnation     uuid NOT NULL,
     seq             bigint NOT NULL,
     event_id        uuid NOT NULL,
     type            text NOT NULL,
     version         integer NOT NULL,
     aggregate_id    text NOT NULL,
     payload         text NOT NULL,
     hash            text NOT NULL,
     site_created_at timestamptz NOT NULL,
     received_at     timestamptz NOT NULL DEFAULT now(),
     projected       boolean NOT NULL,
     PRIMARY KEY (site_id, id, received_at)
   ) PARTITION BY RANGE (received_at)`,
  // Folding one aggregate (a dossier's history, a ticket's events) in arrival order.
  `CREATE INDEX events_aggregate ON events (site_id, aggregate_id, id)`,
  // What /admin/reproject looks at: small, only events the central could not project yet.
  `CREATE INDEX events_unprojected ON events (site_id, id) WHERE NOT projected`,

  // Every acknowledged seq of every stream, with the event it carried: the dedupe keys of a push,
  // unpartitioned and narrow. (site, incarnation, seq) detects a resent batch and a conflicting
  // payload; the partial unique index on event_id finds an event resent under a new incarnation
  // (stored once; its new seq is recorded as a duplicate).
  `CREATE TABLE event_index (
     site_id     text NOT NULL,
     incarnation uuid NOT NULL,
     seq         bigint NOT NULL,
     event_id    uuid NOT NULL,
     hash        text NOT NULL,
     duplicate   boolean NOT NULL,
     PRIMARY KEY (site_id, incarnation, seq)
   )`,
  `CREATE UNIQUE INDEX event_index_event_id ON event_index (site_id, event_id) WHERE NOT duplicate`,

  // Events stored and acknowledged that the projector refused (never applied, never blocking).
  `CREATE TABLE rejections (
     site_id     text NOT NULL,
     event_id    uuid NOT NULL,
     incarnation uuid NOT NULL,
     seq         bigint NOT NULL,
     code        text NOT NULL,
     message     text NOT NULL,
     at          timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (site_id, event_id)
   )`,

  // ── Projections: the fold of each site's events ────────────────────────────────────────────
  // Site-owned fields come from the events; processing_* is owned by the back offices (admin).
  `CREATE TABLE dossiers (
     site_id             text NOT NULL,
     dossier_id          uuid NOT NULL,
     code                text,
     status              text NOT NULL,
     procedure_code      text NOT NULL,
     procedure_version   integer NOT NULL,
     procedure_name      text NOT NULL,
     applicant_kind      text NOT NULL,
     applicant_name      text NOT NULL,
     receiving_unit      text NOT NULL,
     received_at         timestamptz,
     due_at              timestamptz,
     returned_at         timestamptz,
     snapshot            jsonb NOT NULL,
     last_event_type     text NOT NULL,
     last_event_at       timestamptz NOT NULL,
     last_event_id       bigint NOT NULL,
     processing_status   text,
     processing_note     text,
     processing_at       timestamptz,
     updated_at          timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (site_id, dossier_id)
   )`,
  `CREATE INDEX dossiers_recent ON dossiers (site_id, updated_at DESC)`,

  `CREATE TABLE tickets (
     site_id           text NOT NULL,
     ticket_id         uuid NOT NULL,
     service_date      date NOT NULL,
     service_id        text NOT NULL,
     display_code      text NOT NULL,
     priority_class_id text,
     status            text NOT NULL,
     issued_at         timestamptz,
     called_at         timestamptz,
     started_at        timestamptz,
     finished_at       timestamptz,
     counter_id        text,
     staff_id          text,
     recall_count      integer NOT NULL,
     last_event_type   text NOT NULL,
     last_event_id     bigint NOT NULL,
     updated_at        timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (site_id, ticket_id)
   )`,

  `CREATE TABLE ratings (
     site_id       text NOT NULL,
     ticket_id     uuid NOT NULL,
     rating_id     uuid NOT NULL,
     score         text NOT NULL,
     score_label   text NOT NULL,
     reasons       jsonb NOT NULL,
     counter_id    text,
     staff_id      text,
     device_id     text,
     rated_at      timestamptz NOT NULL,
     last_event_id bigint NOT NULL,
     PRIMARY KEY (site_id, ticket_id)
   )`,

  // ── Feeds: central → site ──────────────────────────────────────────────────────────────────
  // One row per feed and scope ('*' = the whole province, else a site id). Versions are taken
  // with UPDATE … RETURNING under this row's lock, so they commit in the order they were taken.
  // oldest_cursor is the compaction floor: a cursor below it gets 410.
  `CREATE TABLE feed_counters (
     feed          text NOT NULL,
     scope         text NOT NULL,
     version       bigint NOT NULL DEFAULT 0,
     oldest_cursor bigint NOT NULL DEFAULT 0,
     PRIMARY KEY (feed, scope)
   )`,
  `CREATE TABLE feed_items (
     feed         text NOT NULL,
     scope        text NOT NULL,
     version      bigint NOT NULL,
     key          text NOT NULL,
     payload      text NOT NULL,
     published_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (feed, scope, version)
   )`,
  // The snapshot (latest item per key) and compaction (items superseded by a newer one).
  `CREATE INDEX feed_items_key ON feed_items (feed, scope, key, version DESC)`,
];
