import { describe, expect, it } from 'vitest';
import type { OpOutput } from '../../contract/ops';
import { offlineSince, syncLevel } from '../../main/core/sync-status';
import { durationWords, offlineWords, skewWords } from '../../contract/status-texts';
import { agoWords, badgeText, badgeTone, nextAttemptWords, syncNowOutcome } from '../../renderer/src/screens/sync/sync-texts';

const now = Date.parse('2026-11-26T09:00:00+07:00');
const minutesAgo = (m: number) => now - m * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const facts = { enrolled: true, online: false, conflict: false, lastAttemptAt: minutesAgo(0), lastSuccessAt: minutesAgo(5), oldestPendingAt: minutesAgo(4) };

describe('how staff see the sync', () => {
  it('is offline, then amber after an hour without reaching the central', () => {
    expect(syncLevel({ ...facts, enrolled: false }, now)).toBe('not_enrolled');
    expect(syncLevel({ ...facts, lastAttemptAt: null }, now)).toBe('connecting');
    expect(syncLevel({ ...facts, online: true }, now)).toBe('online');
    expect(syncLevel(facts, now)).toBe('offline');
    expect(syncLevel({ ...facts, lastSuccessAt: minutesAgo(59) }, now)).toBe('offline');
    expect(syncLevel({ ...facts, lastSuccessAt: minutesAgo(60) }, now)).toBe('offline_long');
    // Never reached: as long as the oldest event has waited.
    expect(syncLevel({ ...facts, lastSuccessAt: null, oldestPendingAt: minutesAgo(90) }, now)).toBe('offline_long');
    expect(syncLevel({ ...facts, online: true, conflict: true }, now)).toBe('conflict');
    expect(offlineSince({ ...facts, online: true })).toBeNull();
    expect(offlineSince(facts)).toBe(minutesAgo(5));
  });

  it("says when the next try is, on the hub's clock in Vietnam time", () => {
    expect(nextAttemptWords(iso(now + 12_000), now)).toBe('Lần thử tiếp theo lúc 09:00:12 (sau 12 giây)');
    expect(nextAttemptWords(iso(now + 500), now)).toBe('Lần thử tiếp theo lúc 09:00:00 (sau 1 giây)');
    expect(nextAttemptWords(iso(now), now)).toBe('Đang thử lại…');
  });

  it('says how far the clock is off the central', () => {
    expect(skewWords(420)).toBe('chậm hơn giờ của máy chủ tỉnh 7 phút');
    expect(skewWords(-7200)).toBe('nhanh hơn giờ của máy chủ tỉnh 2 giờ');
  });
});

describe('the counter badge in words', () => {
  const status = (over: Partial<OpOutput<'sync.status'>>): OpOutput<'sync.status'> => ({
    checkedAt: iso(now), level: 'online', enrolled: true, centralUrl: 'http://127.0.0.1:1', siteId: 'xa-1', online: true, running: false, pendingEvents: 0, oldestPendingAt: null,
    lastAttemptAt: iso(now), lastSuccessAt: iso(minutesAgo(5)), lastError: null, offlineSince: null, clockSkewSeconds: 0, clockSkewWarning: false, conflict: null, rejections: [], skippedFeedItems: [], recovery: null,
    nextAttemptAt: null, outboxRetentionDays: 90,
    ...over,
  });

  it('says when it last synced, or that the province is unreachable and how much waits', () => {
    expect(badgeText(status({}), now)).toBe('Đã đồng bộ 5 phút trước');
    expect(badgeText(status({ lastSuccessAt: iso(now - 20_000) }), now)).toBe('Đã đồng bộ vừa xong');
    expect(badgeText(status({ level: 'offline', online: false, pendingEvents: 37 }), now)).toBe('Mất kết nối tỉnh · 37 sự kiện chờ gửi');
    expect(badgeText(status({ level: 'offline', online: false }), now)).toBe('Mất kết nối tỉnh');
    expect(badgeText(status({ level: 'not_enrolled', enrolled: false }), now)).toBe('Chưa kết nối tỉnh');
    expect([badgeTone(status({ level: 'offline' })), badgeTone(status({ level: 'offline_long' })), badgeTone(status({ level: 'conflict' }))]).toEqual(['calm', 'amber', 'red']);
  });

  it('puts ages in words', () => {
    expect([durationWords(30_000), durationWords(5 * 60_000), durationWords(3 * 3_600_000), durationWords(50 * 3_600_000)]).toEqual(['dưới 1 phút', '5 phút', '3 giờ', '2 ngày']);
    expect(agoWords(iso(minutesAgo(90)), now)).toBe('1 giờ trước');
    expect([offlineWords(iso(minutesAgo(125)), now), offlineWords(iso(now - 10_000), now), offlineWords(null, now)]).toEqual(['Mất kết nối đã 2 giờ', 'Mất kết nối', 'Mất kết nối']);
  });

  it('tells whether "Đồng bộ ngay" worked', () => {
    expect(syncNowOutcome(status({}), now)).toEqual({ kind: 'success', text: 'Đã đồng bộ xong lúc 09:00.' });
    expect(syncNowOutcome(status({ level: 'offline', online: false, lastError: { code: 'UNREACHABLE', message: 'Không kết nối được máy chủ tỉnh.' } }), now).text).toMatch(/^Chưa đồng bộ được: Không kết nối được máy chủ tỉnh\. Dữ liệu/);
  });
});
