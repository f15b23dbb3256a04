import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_LIMIT_SECONDS, clockCheck, clockView } from '../../main/core/site-clock';
import { backoffMs, MAX_BACKOFF_MS, pruneThrough } from '../../main/core/sync-rules';

const t0 = Date.parse('2026-11-26T08:00:00+07:00');
const minutes = (m: number) => m * 60_000;
const anchor = { centralAt: t0, hubAt: t0 };

describe("the hub's clock against the central's", () => {
  it('knows nothing before the first exchange', () => {
    expect(clockCheck(null, null, { wall: t0, monotonic: 0 })).toEqual({ skewSeconds: null, basis: 'unknown', problem: false });
  });

  it('carries the central time on with the monotonic clock: a clock set 2 hours ahead while offline shows at once', () => {
    // Exchanged at monotonic 1000; an hour passed on both clocks: no skew.
    expect(clockCheck(anchor, 1000, { wall: t0 + minutes(60), monotonic: 1000 + minutes(60) })).toMatchObject({ skewSeconds: 0, basis: 'central', problem: false });
    // Someone set the wall clock 2 h ahead in between.
    expect(clockCheck(anchor, 1000, { wall: t0 + minutes(180), monotonic: 1000 + minutes(60) })).toMatchObject({ skewSeconds: -7200, basis: 'central', problem: true });
    // The limit itself is not a problem; a second more is.
    expect(clockCheck(anchor, 0, { wall: t0 - CLOCK_SKEW_LIMIT_SECONDS * 1000, monotonic: 0 }).problem).toBe(false);
    expect(clockCheck(anchor, 0, { wall: t0 - (CLOCK_SKEW_LIMIT_SECONDS + 1) * 1000, monotonic: 0 }).problem).toBe(true);
  });

  it('after a restart offline: the last measured skew stands, and a clock earlier than the last known good time is a problem', () => {
    const fine = { centralAt: t0, hubAt: t0 + 30_000 };
    expect(clockCheck(fine, null, { wall: t0 + minutes(600), monotonic: 5 })).toMatchObject({ skewSeconds: -30, basis: 'last_known', problem: false });
    // The battery died: the PC says 2000-01-01.
    const flat = Date.parse('2000-01-01T00:00:00+07:00');
    expect(clockCheck(fine, null, { wall: flat, monotonic: 5 })).toMatchObject({ skewSeconds: Math.round((t0 - flat) / 1000), problem: true });
    // Off by 2 h at the last exchange: still off as far as anyone knows.
    expect(clockCheck({ centralAt: t0, hubAt: t0 + minutes(120) }, null, { wall: t0 + minutes(130), monotonic: 5 })).toMatchObject({ skewSeconds: -7200, problem: true });
  });

  it('tells staff what is wrong and what to do', () => {
    const v = clockView(clockCheck(anchor, 0, { wall: t0 + minutes(120), monotonic: 0 }));
    expect(v).toMatchObject({ level: 'skewed', skewSeconds: -7200, basis: 'central' });
    expect(v.title).toBe('Đồng hồ của máy chủ Một Cửa nhanh hơn giờ của máy chủ tỉnh 2 giờ');
    expect(v.message).toMatch(/chỉnh ngày giờ của máy tính/);
    expect(clockView(clockCheck(anchor, 0, { wall: t0, monotonic: 0 }))).toEqual({ level: 'ok', skewSeconds: 0, basis: 'central', title: null, message: null });
  });
});

describe('sync retries', () => {
  it('never wait longer than 30 s after failures, unless the central asks for longer', () => {
    for (let attempt = 1; attempt < 40; attempt++) expect(backoffMs(attempt, 0.999)).toBeLessThan(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).toBe(30_000);
    expect(backoffMs(20, 0.5, 120_000)).toBe(120_000);
    expect(backoffMs(1, 0.5)).toBe(1000);
  });
});

describe('outbox pruning', () => {
  const day = 86_400_000;
  const now = t0 + 100 * day;
  const rows = [1, 2, 3, 4, 5].map((seq) => ({ seq, created_at: t0 + seq * day }));

  it('takes the leading rows acknowledged and older than the retention, and stops at the first that is not', () => {
    expect(pruneThrough(rows, 5, now, 97)).toBe(2);
    expect(pruneThrough(rows, 1, now, 90)).toBe(1);
    expect(pruneThrough(rows, 0, now, 90)).toBeNull();
    expect(pruneThrough(rows, 5, now, 100)).toBeNull();
    // A row out of order (the clock was set back for a while) holds the rows behind it.
    expect(pruneThrough([rows[0]!, { seq: 2, created_at: now }, rows[2]!], 5, now, 10)).toBe(1);
  });
});
