import { z } from 'zod';
import { ProcedureVersion } from './dossier';
import { IsoTime } from './scalars';

/**
 * The wire format between a site hub and the central system (protocol v1, docs/SYNC.md). Both
 * sides import these schemas: the hub to build requests and read answers, the central to check
 * what it receives.
 */
export const PROTOCOL_VERSION = 1;

export const headers = {
  protocol: 'x-motcua-protocol',
  app: 'x-motcua-app',
  site: 'x-motcua-site',
} as const;

/** One outbox row as it travels. `hash` is the SHA-256 of `type|version|aggregateId|payload` (payload as sent). */
export const WireEvent = z.object({
  seq: z.int().min(1),
  eventId: z.uuid(),
  type: z.string().min(1).max(80),
  version: z.int().min(1),
  aggregateId: z.string().min(1).max(80),
  /** The event's JSON payload, as the text the site stored (hashed as is). */
  payload: z.string().max(1_000_000),
  /** The site's own clock when the event happened: recorded, never used for ordering. */
  createdAt: IsoTime,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type WireEvent = z.infer<typeof WireEvent>;

export const PushRequest = z.object({
  siteId: z.string().min(1).max(80),
  /** A database's stream: a reinstall or a restore from backup starts a new one. */
  incarnation: z.uuid(),
  /** The seq the stream starts at, sent with every push (a new incarnation may start above 1). */
  baseSeq: z.int().min(1),
  siteTime: IsoTime,
  events: z.array(WireEvent).min(1).max(5000),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const Rejection = z.object({ seq: z.int(), eventId: z.uuid(), code: z.string(), message: z.string() });
export type Rejection = z.infer<typeof Rejection>;

export const PushResponse = z.object({
  /** Every event up to and including this seq is committed at the central (or was a duplicate). */
  ackedThrough: z.int().min(0),
  /** Events the central will never apply (stored raw, acknowledged so they do not block the rest). */
  rejections: z.array(Rejection),
  serverTime: IsoTime,
});
export type PushResponse = z.infer<typeof PushResponse>;

/** A gap: the central answers with the seq it expects next; the site resends from there. */
export const GapResponse = z.object({ code: z.literal('SEQ_GAP'), expectedSeq: z.int(), ackedThrough: z.int(), serverTime: IsoTime });
/** The same seq with a different payload: never overwritten; staff are alerted. */
export const ConflictResponse = z.object({ code: z.literal('SEQ_CONFLICT'), seq: z.int(), message: z.string(), serverTime: IsoTime });

export const Feed = z.enum(['catalog', 'calendar', 'staff', 'dossier-status', 'appointments']);
export type Feed = z.infer<typeof Feed>;

export const FeedItem = z.object({
  version: z.int().min(1),
  /** What the item is about (a procedure code@version, a year/province, a username, a dossier id). */
  key: z.string(),
  /** JSON text of the item (the feed decides its schema). */
  payload: z.string(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const PullResponse = z.object({
  items: z.array(FeedItem),
  /** Store this with the page, in the same transaction; send it back next time. */
  cursor: z.int().min(0),
  hasMore: z.boolean(),
  serverTime: IsoTime,
});
export type PullResponse = z.infer<typeof PullResponse>;

export const SnapshotResponse = z.object({ items: z.array(FeedItem), cursor: z.int().min(0), serverTime: IsoTime });

export const StatusResponse = z.object({
  siteId: z.string(),
  siteName: z.string(),
  /** The agency code the site registered; null before it did (or from a central older than that). */
  agencyCode: z.string().nullable().default(null),
  /**
   * The site's streams, newest first: the current one (the newest incarnation that pushed) and the
   * ones it replaced. An older central sends neither `baseSeq` nor `current`.
   */
  streams: z.array(z.object({ incarnation: z.uuid(), lastSeq: z.int(), baseSeq: z.int().optional(), current: z.boolean().optional() })),
  credentialExpiresAt: IsoTime,
  minProtocol: z.int(),
  maxProtocol: z.int(),
  serverTime: IsoTime,
});

/**
 * `POST /sync/v1/sites/{siteId}/agency-code`: the hub registers its agency code at enrolment and
 * when its admin changes it; the central refuses a code another site holds (AGENCY_CODE_TAKEN).
 */
export const AgencyCodeRequest = z.object({ agencyCode: z.string().max(40) });
export const AgencyCodeResponse = z.object({ siteId: z.string(), agencyCode: z.string(), serverTime: IsoTime });

export const SyncError = z.object({ code: z.string(), message: z.string() });

/**
 * A procedure version as the province publishes it (the `catalog` feed): the site gives it its own
 * id and version number, and marks it as synced.
 */
export const CatalogItem = ProcedureVersion.omit({ id: true, source: true });
export type CatalogItem = z.infer<typeof CatalogItem>;

/** A dossier status decided by a back office (the central owns this field). */
export const DossierStatusItem = z.object({
  dossierId: z.uuid(),
  status: z.enum(['forwarded', 'processing', 'result_ready']),
  note: z.string().max(500),
  at: IsoTime,
});
export type DossierStatusItem = z.infer<typeof DossierStatusItem>;

/** A staff account managed by the province. */
export const StaffItem = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,32}$/),
  fullName: z.string().min(1).max(100),
  role: z.enum(['officer', 'supervisor', 'admin']),
  active: z.boolean(),
});
export type StaffItem = z.infer<typeof StaffItem>;

/**
 * `GET /sync/v1/sites/{siteId}/streams/{incarnation}/events?after=&limit=`: a page of one of the
 * site's own streams, for a hub restored from an older copy to fetch back what it lost.
 */
export const StreamEventsResponse = z.object({
  events: z.array(WireEvent),
  /** Seqs the central acknowledged but holds no event for (kept only as a rejection): listed, not re-applied. */
  unavailable: z.array(z.object({ seq: z.int(), eventId: z.uuid() })),
  /** The highest seq this page covers: the next page is `after=through`. */
  through: z.int().min(0),
  hasMore: z.boolean(),
  serverTime: IsoTime,
});
export type StreamEventsResponse = z.infer<typeof StreamEventsResponse>;
