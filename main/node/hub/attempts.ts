import { HubError } from '../../../contract/errors';
import type { Admission } from '../../core/attempt-throttle';

export type Admitted = Extract<Admission, { kind: 'admitted' }>;

const refusals = {
  LOGIN_THROTTLED: 'Đăng nhập sai quá nhiều lần.',
  TOO_MANY_ATTEMPTS: 'Nhập sai mã quá nhiều lần.',
} as const;

/**
 * Runs `check` on an attempt at a secret once the throttle admits it (waiting while attempts
 * beside it are checked), or refuses with 429: the wait in words for the person and in
 * `details.retryAfterSeconds` for programs. The attempt counts as failed unless `check` reports
 * success — also when it throws before it could tell, so nobody waits on it for ever.
 */
export async function throttled<T>(begin: () => Admission, code: keyof typeof refusals, check: (attempt: Admitted) => Promise<T>): Promise<T> {
  for (;;) {
    const a = begin();
    if (a.kind === 'busy') {
      await a.settled;
      continue;
    }
    if (a.kind === 'refused') {
      const seconds = Math.ceil(a.retryAfterMs / 1000);
      const wait = seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
      throw new HubError(code, `${refusals[code]} Vui lòng thử lại sau ${wait}.`, { retryAfterSeconds: seconds });
    }
    try {
      return await check(a);
    } finally {
      a.failed();
    }
  }
}
