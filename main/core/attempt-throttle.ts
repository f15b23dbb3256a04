import { machineOf } from '../../contract/machine-address';

/**
 * Slows down guessing of secrets (passwords, pairing codes, dossier lookup codes).
 *
 * An attempt is counted when it is *admitted*, before the slow check runs, and handed back when it
 * turns out right: so a hundred guesses sent at once are admitted one by one against a count that
 * already includes the ones still being checked, and at most the allowed number is ever checked;
 * the others wait for those to be settled, then are refused — or admitted, if one was right.
 * A success wipes the trier's earlier failures but not the attempts still being checked beside it.
 * Refused attempts are not counted, so a burst cannot push a lockout further out.
 *
 * Two kinds of counter:
 * - **own** counters (the trier: an account at one address, an address) lock out with doubling
 *   delays after a few free failures. Only the trier is locked out: a guesser at one machine
 *   cannot lock the real user out from another.
 * - **shared** counters (an account, the whole site) slow down many triers together, one attempt
 *   per interval after a burst, so the wait they cause is never more than one interval (seconds,
 *   not minutes). They apply only to a trier who has already failed (its first own counter is not
 *   clean): the real user at a machine with no failures is never slowed, whatever the guessers do.
 *
 * State is in memory: a restart forgives, which is acceptable on a LAN and avoids a write per
 * guess. The number of keys is bounded, so random usernames cannot fill the memory.
 */

/** Lockout of one trier: `free` failures within `windowMs`, then a wait doubling from `baseDelayMs` to `maxDelayMs`. */
export interface Lockout {
  readonly free: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Failures older than this are forgotten one by one (a typo last week does not count today). */
  readonly windowMs: number;
}

/** Slow-down shared by all triers of one key: `burst` attempts at once, then one per `intervalMs`. */
export interface SlowDown {
  readonly burst: number;
  readonly intervalMs: number;
}

/** What one kind of attempt is counted against. */
export interface ThrottleRule {
  /** The first is the trier's own record that must be clean to skip the shared slow-downs. */
  readonly own: readonly [Lockout, ...Lockout[]];
  readonly shared: readonly SlowDown[];
}

/** One key per counter of the rule, in the same order. */
export interface AttemptKeys {
  readonly own: readonly string[];
  readonly shared: readonly string[];
}

export type Admission =
  /** Counted as a failure from now on, unless `succeeded()` says the secret was right. The first call wins. */
  | { readonly kind: 'admitted'; succeeded(): void; failed(): void }
  | { readonly kind: 'refused'; readonly retryAfterMs: number }
  /**
   * Attempts still being checked decide whether this one may run (if they all fail, it may not):
   * ask again once one of them is settled. So the right password typed at several windows at once
   * gets in, and a parallel burst of guesses does not get past the count.
   */
  | { readonly kind: 'busy'; readonly settled: Promise<void> };

interface Attempt {
  readonly at: number;
  /** Still being checked: counts as a failure for now, but a success beside it must not wipe it. */
  pending: boolean;
  readonly settled: Promise<void>;
  readonly settle: () => void;
}

interface Bucket {
  level: number;
  at: number;
}

/** Bounded so that guesses with random usernames cannot grow the memory without end. */
const MAX_KEYS = 50_000;

/** The counters of one kind of attempt; `Args` say who tries what (an account and an address…). */
export class AttemptThrottle<Args extends readonly string[]> {
  /** Per own counter: key → the attempts counted within its window, oldest first. */
  private readonly own: Map<string, Attempt[]>[];
  private readonly shared: Map<string, Bucket>[];

  constructor(
    private readonly rule: ThrottleRule,
    private readonly keysOf: (...args: Args) => AttemptKeys,
  ) {
    this.own = rule.own.map(() => new Map());
    this.shared = rule.shared.map(() => new Map());
  }

  begin(now: number, ...args: Args): Admission {
    const keys = this.keysOf(...args);
    const own = this.rule.own.map((limit, i) => ({ limit, map: this.own[i]!, key: keys.own[i]!, attempts: recent(this.own[i]!.get(keys.own[i]!), limit, now) }));
    const shared = this.rule.shared.map((limit, i) => ({ limit, map: this.shared[i]!, key: keys.shared[i]!, level: drained(this.shared[i]!.get(keys.shared[i]!), limit, now) }));
    const lockedOut = Math.max(0, ...own.map((c) => lockoutWait(c.attempts.filter((a) => !a.pending), c.limit, now)));
    if (lockedOut > 0) return { kind: 'refused', retryAfterMs: Math.ceil(lockedOut) };
    // Before the shared slow-down: once those settle, the answer may be the trier's own lockout.
    const undecided = own.filter((c) => lockoutWait(c.attempts, c.limit, now) > 0).flatMap((c) => c.attempts.filter((a) => a.pending));
    if (undecided.length > 0) return { kind: 'busy', settled: Promise.race(undecided.map((a) => a.settled)) };
    const clean = own[0]!.attempts.length === 0;
    const slowed = clean ? 0 : Math.max(0, ...shared.map((c) => (c.level + 1 - c.limit.burst) * c.limit.intervalMs));
    if (slowed > 0) return { kind: 'refused', retryAfterMs: Math.ceil(slowed) };

    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const mine: Attempt = { at: now, pending: true, settled, settle };
    for (const c of own) store(c.map, c.key, [...c.attempts, mine]);
    // Capped at the burst, so the wait a shared counter imposes never exceeds one interval.
    for (const c of shared) store(c.map, c.key, { level: Math.min(c.limit.burst, c.level + 1), at: now });
    const once = (f: () => void) => () => {
      if (!mine.pending) return;
      f();
      mine.pending = false;
      mine.settle();
    };
    return {
      kind: 'admitted',
      failed: once(() => {}),
      succeeded: once(() => {
        // The trier proved the secret: its earlier failures on this record are wiped. The other
        // counters only get this attempt back, so a guesser who also knows one secret (their own
        // password, their own receipt) cannot wipe the record of their guesses with it.
        own.forEach((c, i) => {
          const left = (c.map.get(c.key) ?? []).filter((a) => a !== mine && (i > 0 || a.pending));
          if (left.length > 0) c.map.set(c.key, left);
          else c.map.delete(c.key);
        });
        for (const c of shared) {
          const b = c.map.get(c.key);
          if (b) b.level = Math.max(0, b.level - 1);
        }
      }),
    };
  }
}

function recent(attempts: readonly Attempt[] | undefined, limit: Lockout, now: number): Attempt[] {
  return (attempts ?? []).filter((a) => now - a.at < limit.windowMs);
}

function lockoutWait(attempts: readonly Attempt[], limit: Lockout, now: number): number {
  if (attempts.length < limit.free) return 0;
  const delay = Math.min(limit.maxDelayMs, limit.baseDelayMs * 2 ** (attempts.length - limit.free));
  return attempts.at(-1)!.at + delay - now;
}

function drained(b: Bucket | undefined, limit: SlowDown, now: number): number {
  return b ? Math.max(0, b.level - (now - b.at) / limit.intervalMs) : 0;
}

/** Inserts at the end (Map order = least recently used first); evicts the oldest key when full. */
function store<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_KEYS) map.delete(map.keys().next().value!);
  map.set(key, value);
}

const MINUTE = 60_000;

/** One person's typos at one thing (an account, a dossier) from one machine. */
const PERSON: Lockout = { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE };
/** One machine trying many things. */
const MACHINE: Lockout = { free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE };
/** Many machines at one account: slowed, never for more than 3 s at a time. */
const ACCOUNT_SLOWDOWN: SlowDown = { burst: 10, intervalMs: 3_000 };
/** Short codes (6 digits, 6 letters): many machines together must not get far, site-wide. */
const SITE_CAP: SlowDown = { burst: 50, intervalMs: 5_000 };


/** Keys for a secret of one target (an account, a dossier) tried from one address. */
const targetAt = (target: string, address: string, shared: string): AttemptKeys => {
  const machine = machineOf(address);
  return { own: [`${target}\n${machine}`, machine], shared: [shared] };
};

/** Separate counters per kind of secret: mistyped pairing codes do not count against logins. */
export function hubThrottles() {
  return {
    /** Per account at an address, per address, and per account from all addresses together. Usernames match like the login does. */
    login: new AttemptThrottle({ own: [PERSON, MACHINE], shared: [ACCOUNT_SLOWDOWN] }, (username: string, address: string) => {
      const account = username.trim().toLowerCase();
      return targetAt(account, address, account);
    }),
    /** A pairing code names no target: per address, and site-wide. */
    pairing: new AttemptThrottle({ own: [MACHINE], shared: [SITE_CAP] }, (address: string) => ({ own: [machineOf(address)], shared: ['site'] })),
    /**
     * Per dossier at an address (so that looking up one's own dossier cannot wipe the record of
     * guesses at another), per address, and site-wide.
     */
    lookup: new AttemptThrottle({ own: [PERSON, MACHINE], shared: [SITE_CAP] }, (dossierCode: string, address: string) => targetAt(dossierCode.trim().toUpperCase(), address, 'site')),
    /**
     * A booking code typed or scanned at check-in names no target (the code is the secret): per
     * address, and site-wide — a guessed code would check a stranger's booking in and use it up.
     */
    booking: new AttemptThrottle({ own: [MACHINE], shared: [SITE_CAP] }, (address: string) => ({ own: [machineOf(address)], shared: ['site'] })),
    /** The PIN that unlocks a kiosk window of the hub PC, per window: anyone in the hall can try one. */
    kioskPin: new AttemptThrottle({ own: [PERSON], shared: [] }, (window: string) => ({ own: [window], shared: [] })),
  };
}

export type HubThrottles = ReturnType<typeof hubThrottles>;
