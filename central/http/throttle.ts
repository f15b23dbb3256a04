import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { machineOf } from '../../contract/machine-address';
import { HttpError } from './http-error';
import type { Limits } from './limits';

/** A peer on this machine: the reverse proxy of docs/SYNC.md, "TLS". */
export const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's machine (`machineOf`: an IPv6 client counts by its /64, where it may take any address). Behind the reverse proxy of docs/SYNC.md ("TLS") every connection comes
 * from the loopback, and the proxy names the client in X-Forwarded-For: that header is believed
 * from a loopback peer only (a client on the internet could write anything in it).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (!trustProxy || !LOOPBACK.test(peer) || typeof forwarded !== 'string') return machineOf(peer);
  return machineOf(forwarded.split(',').at(-1)!.trim().slice(0, 64) || peer);
}

/**
 * Failed authentications (site credentials and the admin token) per client address: past
 * `authFailures` within the window the address is blocked (429 with Retry-After) for
 * `authBlockSeconds`, whatever it sends. Guesses sent in parallel are each checked before their
 * failures are counted; that is harmless here, unlike the hub's passwords and six-digit codes:
 * credentials and the admin token are long random secrets nobody guesses, and the throttle is
 * there to keep a prober from flooding the database and the log. Logged without any secret: the first failure of an
 * address in a window, and its block — two lines per address, however fast it guesses.
 */
export class AuthThrottle {
  private readonly failures: RateLimiterMemory;

  constructor(
    private readonly limits: Pick<Limits, 'authFailures' | 'authWindowSeconds' | 'authBlockSeconds'>,
    private readonly log: Logger,
  ) {
    this.failures = new RateLimiterMemory({ points: limits.authFailures, duration: limits.authWindowSeconds, blockDuration: limits.authBlockSeconds });
  }

  /** Refuses an address that failed too often (before its credential is even looked at). */
  async check(address: string): Promise<void> {
    const r = await this.failures.get(address);
    if (r && r.consumedPoints > this.limits.authFailures) throw blocked(r.msBeforeNext, 'từ địa chỉ này');
  }

  /** Records a failed authentication and throws `refusal` (or 429 once the address is blocked). Logged as `ip`: `address` is a citizen's and redacted. */
  async fail(address: string, refusal: HttpError, context: { readonly siteId?: string; readonly path: string }): Promise<never> {
    let after: RateLimiterRes;
    try {
      after = await this.failures.consume(address);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      after = e;
    }
    const n = after.consumedPoints;
    if (n === 1) this.log.warn({ ip: address, code: refusal.code, ...context }, 'authentication failed');
    if (n === this.limits.authFailures + 1) {
      this.log.warn({ ip: address, code: refusal.code, failures: n, blockedSeconds: this.limits.authBlockSeconds, ...context }, 'authentication failures: address blocked');
    }
    throw n > this.limits.authFailures ? blocked(after.msBeforeNext, 'từ địa chỉ này') : refusal;
  }
}

/**
 * Password guesses at one back-office account, from wherever they come. Unlike long random
 * credentials a password can be guessed, so an attempt is counted *before* scrypt checks it and
 * handed back when it was right: guesses sent in parallel cannot all be checked against a count
 * that has not seen them yet. Past `loginFailures` within the window the account's logins are
 * refused for `loginBlockSeconds` (429), the right password too — a province-admin can still act
 * with the admin token or another account. Per address, the AuthThrottle above applies as well.
 */
export class LoginThrottle {
  private readonly attempts: RateLimiterMemory;

  constructor(limits: Pick<Limits, 'loginFailures' | 'loginWindowSeconds' | 'loginBlockSeconds'>) {
    this.attempts = new RateLimiterMemory({ points: limits.loginFailures, duration: limits.loginWindowSeconds, blockDuration: limits.loginBlockSeconds });
  }

  /** Counts an attempt at `username`, or refuses it with 429 when the account is blocked. */
  async begin(username: string): Promise<void> {
    try {
      await this.attempts.consume(username);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw blocked(e.msBeforeNext, 'vào tài khoản này');
    }
  }

  /** The password was right: the attempt is handed back. */
  async succeeded(username: string): Promise<void> {
    await this.attempts.reward(username, 1);
  }
}

/**
 * Online booking requests per client address (`bookingsPerAddress` within the window), counted
 * before the booking is tried, so parallel requests cannot all slip under the count.
 */
export class BookingThrottle {
  private readonly requests: RateLimiterMemory;

  constructor(limits: Pick<Limits, 'bookingsPerAddress' | 'bookingWindowSeconds'>) {
    this.requests = new RateLimiterMemory({ points: limits.bookingsPerAddress, duration: limits.bookingWindowSeconds });
  }

  async take(address: string): Promise<void> {
    try {
      await this.requests.consume(address);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new HttpError(429, 'TOO_MANY_BOOKINGS', `Địa chỉ mạng này đã đặt quá nhiều lịch hẹn trong thời gian ngắn: mời thử lại sau ${Math.ceil(seconds / 60)} phút.`, {}, { 'retry-after': String(seconds) });
    }
  }
}

function blocked(msBeforeNext: number, where: string): HttpError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpError(429, 'TOO_MANY_FAILED_LOGINS', `Quá nhiều lần xác thực sai ${where}: thử lại sau ${seconds} giây.`, {}, { 'retry-after': String(seconds) });
}
