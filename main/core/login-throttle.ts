/**
 * Slows down password guessing: after `freeAttempts` consecutive failures for a key (a username,
 * or a client address), each further attempt must wait, doubling from `baseDelayMs` up to
 * `maxDelayMs`. A success clears the key. State is in memory: a hub restart forgives, which is
 * acceptable on a LAN and avoids a write per failed login.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();
  constructor(
    private readonly freeAttempts = 5,
    private readonly baseDelayMs = 30_000,
    private readonly maxDelayMs = 15 * 60_000,
  ) {}

  /** Milliseconds to wait before this key may try again (0 = may try now). */
  retryAfter(key: string, now: number): number {
    const f = this.failures.get(key);
    if (!f || f.count < this.freeAttempts) return 0;
    const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (f.count - this.freeAttempts));
    return Math.max(0, f.lastAt + delay - now);
  }

  fail(key: string, now: number): void {
    const f = this.failures.get(key);
    this.failures.set(key, { count: (f?.count ?? 0) + 1, lastAt: now });
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
