/**
 * What one client may take of the central (docs/SYNC.md, "Limits"). The central faces the
 * internet: every resource a request can hold — a connection, a body being received, a push being
 * processed, a stream — has a bound, and bounds per site keep one site (or one stolen credential)
 * from taking what the others need.
 */
export interface Limits {
  /** A request body once decompressed (the hub sends at most 1 MiB of JSON a batch). */
  readonly maxBodyBytes: number;
  /** From the headers to the last byte of the body; a slower body gets 408 and its connection closed. */
  readonly bodyTimeoutMs: number;
  /** Pushes being processed at once, over all sites (counted once the body has arrived). */
  readonly maxPushes: number;
  /** Pushes of one site being processed at once (they run one at a time in the database anyway). */
  readonly maxPushesPerSite: number;
  /** Push bodies of one site being received at once. */
  readonly maxUploadsPerSite: number;
  /** Push bodies being received at once, over all sites: what a flood can hold in memory (× maxBodyBytes). */
  readonly maxUploads: number;
  /** Streams (incarnations) one site may open in its life. */
  readonly maxStreamsPerSite: number;
  readonly maxConnections: number;
  readonly headersTimeoutMs: number;
  /** The whole request, headers and body (a bound above bodyTimeoutMs). */
  readonly requestTimeoutMs: number;
  /** A connection with no request in progress and nothing received for this long is closed. */
  readonly idleTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Failed authentications an address may make within the window before it is blocked. */
  readonly authFailures: number;
  readonly authWindowSeconds: number;
  readonly authBlockSeconds: number;
  /**
   * Password attempts at one back-office account (counted before the password is checked, handed
   * back when it was right) within the window before the account's logins wait `loginBlockSeconds`.
   */
  readonly loginFailures: number;
  readonly loginWindowSeconds: number;
  readonly loginBlockSeconds: number;
  /** Province reports (the page's figures and the export together) computed at once (central/http/report-gate.ts). */
  readonly maxReports: number;
  /**
   * Online bookings (and moves) one address may ask for within the window: the per-ID limit stops
   * one person hoarding slots, this stops a script inventing ID numbers to take them all. A
   * commune's Wi-Fi behind one address books a few a day.
   */
  readonly bookingsPerAddress: number;
  readonly bookingWindowSeconds: number;
}

export const defaultLimits: Limits = {
  maxBodyBytes: 2 * 1024 * 1024,
  bodyTimeoutMs: 60_000,
  maxPushes: 16,
  maxPushesPerSite: 2,
  maxUploadsPerSite: 4,
  maxUploads: 48,
  maxStreamsPerSite: 100,
  maxConnections: 1000,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  authFailures: 10,
  authWindowSeconds: 60,
  authBlockSeconds: 300,
  loginFailures: 5,
  loginWindowSeconds: 900,
  loginBlockSeconds: 900,
  maxReports: 2,
  bookingsPerAddress: 20,
  bookingWindowSeconds: 3600,
};

/** Counts held per key and in total; a slot is a function that gives it back (once). */
export class Slots {
  private readonly held = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perKey: number,
    private readonly overall = Number.POSITIVE_INFINITY,
  ) {}

  /** A slot for `key`, or why not: the key holds its share, or everyone together holds the whole. */
  take(key: string): (() => void) | 'key' | 'overall' {
    const mine = this.held.get(key) ?? 0;
    if (mine >= this.perKey) return 'key';
    if (this.total >= this.overall) return 'overall';
    this.held.set(key, mine + 1);
    this.total++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total--;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left === 0) this.held.delete(key);
      else this.held.set(key, left);
    };
  }
}
