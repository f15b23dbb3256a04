import type { ClockView } from '../../contract/ops';
import { skewWords } from '../../contract/status-texts';

/**
 * Beyond this, the hub's clock is a problem staff must see (and intake asks for confirmation):
 * a receipt's time and a dossier's legal due time are read from it. A PC without time sync drifts
 * seconds a day; a few minutes means someone set it wrong or its battery died.
 */
export const CLOCK_SKEW_LIMIT_SECONDS = 300;

/**
 * The last time the hub and the central exchanged: the central's time then and the hub's own wall
 * clock then (kept in the database, so it survives a restart).
 */
export interface ClockAnchor {
  readonly centralAt: number;
  readonly hubAt: number;
}

/** The hub's readings now: its wall clock, and elapsed time that no clock setting moves (the system's uptime, sleep included). */
export interface ClockReading {
  readonly wall: number;
  readonly monotonic: number;
}

export type ClockBasis = 'central' | 'last_known' | 'unknown';

export interface ClockCheck {
  /** The central's time minus the hub's, as far as the hub can tell (seconds); null when unknown. */
  readonly skewSeconds: number | null;
  /** central: measured against the central since this hub started; last_known: only the last known good time after a restart. */
  readonly basis: ClockBasis;
  readonly problem: boolean;
}

/**
 * How far off the hub's clock is. Three cases, simple enough to explain to an admin:
 *
 * - The hub reached the central since it started: the central's time now is the central's time at
 *   the last exchange plus the time elapsed since (measured on the monotonic clock, which setting
 *   the PC's clock does not move), so a clock changed while offline shows at once.
 * - The hub restarted and has not reached the central since: the elapsed time is lost. The clock
 *   is a problem if it was already off at the last exchange, or if it now reads earlier than the
 *   central's time at that exchange (it went backwards: a flat CMOS battery, a wrong date typed).
 * - Never reached: nothing is known, nothing is shown.
 */
export function clockCheck(anchor: ClockAnchor | null, liveMonotonicAt: number | null, now: ClockReading): ClockCheck {
  if (!anchor) return { skewSeconds: null, basis: 'unknown', problem: false };
  if (liveMonotonicAt !== null) {
    const skew = seconds(anchor.centralAt + (now.monotonic - liveMonotonicAt) - now.wall);
    return { skewSeconds: skew, basis: 'central', problem: Math.abs(skew) > CLOCK_SKEW_LIMIT_SECONDS };
  }
  const measured = seconds(anchor.centralAt - anchor.hubAt);
  const behind = seconds(anchor.centralAt - now.wall);
  const skew = behind > CLOCK_SKEW_LIMIT_SECONDS ? Math.max(behind, measured) : measured;
  return { skewSeconds: skew, basis: 'last_known', problem: Math.abs(skew) > CLOCK_SKEW_LIMIT_SECONDS };
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

/** What staff see: the banner's words, the same on the counter and admin screens. */
export function clockView(c: ClockCheck): ClockView {
  if (!c.problem || c.skewSeconds === null) return { level: 'ok', skewSeconds: c.skewSeconds, basis: c.basis, title: null, message: null };
  const since = c.basis === 'central' ? '' : ' (theo lần kết nối tỉnh gần nhất, trước khi máy chủ khởi động lại)';
  return {
    level: 'skewed',
    skewSeconds: c.skewSeconds,
    basis: c.basis,
    title: `Đồng hồ của máy chủ Một Cửa ${skewWords(c.skewSeconds)}${since}`,
    message:
      'Giờ tiếp nhận và hạn trả kết quả của hồ sơ được tính theo đồng hồ này nên có thể sai. Quản trị viên cần chỉnh ngày giờ của máy tính chạy máy chủ (bật đồng bộ giờ tự động). Trong lúc chờ, mỗi lần tiếp nhận hồ sơ phải xác nhận.',
  };
}

/** The intake's question while the clock is off: what the due time is based on, and that the answer is recorded. */
export function clockConfirmMessage(c: ClockCheck): string {
  return `Đồng hồ của máy chủ ${skewWords(c.skewSeconds ?? 0)}: giờ tiếp nhận và hạn trả kết quả in trên giấy tiếp nhận có thể sai. Chỉ tiếp tục nếu không thể chờ chỉnh giờ; việc xác nhận được ghi vào nhật ký.`;
}
