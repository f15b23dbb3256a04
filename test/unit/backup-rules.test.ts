import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_KEPT, backupProblems, defaultKeepPolicy, isStale, newestUpTo, nextBackupAt, setsToKeep, type DatedSet } from '../../main/core/backup-rules';

/** An instant given in Vietnam time (UTC+7). */
const vn = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One set every `everyHours` from `from`, `count` of them, ids in time order. */
function series(from: number, everyHours: number, count: number): DatedSet[] {
  return Array.from({ length: count }, (_, i) => ({ id: `s${String(i).padStart(5, '0')}`, takenAt: from + i * everyHours * HOUR }));
}

describe('which backup sets are kept', () => {
  it('every 4 hours for 400 days: the newest, 7 days, 4 weeks, 12 months', () => {
    const sets = series(vn('2025-01-01T01:00'), 4, 400 * 6);
    const kept = [...setsToKeep(sets)].map((id) => sets.find((s) => s.id === id)!.takenAt).sort((a, b) => b - a);
    const newest = sets[sets.length - 1]!.takenAt;
    expect(kept.slice(0, 2)).toEqual([newest, newest - 4 * HOUR]);
    // Daily: the newest set of each of the last 7 days (the last one of each day, 21:00 local).
    const days = new Set(kept.filter((t) => t > newest - 7 * DAY).map((t) => new Date(t + 7 * HOUR).toISOString().slice(0, 10)));
    expect(days.size).toBe(7);
    // The two newest + 7 daily + 4 weekly + 12 monthly, minus the ones that serve twice.
    expect(kept.length).toBeLessThanOrEqual(1 + 7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    // The oldest kept is about a year old: the newest set of the 12th month back.
    expect(newest - kept[kept.length - 1]!).toBeGreaterThan(300 * DAY);
  });

  it('a hub that was off for two months keeps its older days instead of losing them to the calendar', () => {
    const before = series(vn('2025-03-01T08:00'), 24, 10);
    const after = series(vn('2025-05-20T08:00'), 24, 2).map((s) => ({ ...s, id: `late${s.id}` }));
    const kept = setsToKeep([...before, ...after]);
    // 2 days after the break + the 5 newest before it make the 7 daily sets.
    for (const s of [...after, ...before.slice(5)]) expect(kept.has(s.id)).toBe(true);
  });

  it('days, weeks and months are Vietnam days: 23:30 and 00:30 local are different days', () => {
    // Two more sets later on the second day: those are the two always kept, so the rule decides the rest.
    const later = (day: string) => [{ id: 'n1', takenAt: vn(`${day}T09:00`) }, { id: 'n2', takenAt: vn(`${day}T10:00`) }];
    const late = { id: 'late', takenAt: vn('2025-03-03T23:30') }; // Monday
    const early = { id: 'early', takenAt: vn('2025-03-04T00:30') };
    expect(setsToKeep([late, early, ...later('2025-03-04')], { daily: 2, weekly: 0, monthly: 0 })).toEqual(new Set(['late', 'n1', 'n2']));
    // Sunday 23:30 and Monday 00:30 fall in two ISO weeks.
    const sunday = { id: 'sun', takenAt: vn('2025-03-09T23:30') };
    const monday = { id: 'mon', takenAt: vn('2025-03-10T00:30') };
    expect(setsToKeep([sunday, monday, ...later('2025-03-10')], { daily: 0, weekly: 2, monthly: 0 })).toEqual(new Set(['sun', 'n1', 'n2']));
  });

  const setsArb = fc.uniqueArray(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), takenAt: fc.integer({ min: vn('2024-01-01T00:00'), max: vn('2026-12-31T00:00') }) }),
    { selector: (s) => s.id, maxLength: 80 },
  );
  const policyArb = fc.record({ daily: fc.nat(10), weekly: fc.nat(6), monthly: fc.nat(14) });

  it('property: keeps the two newest, no more than the policy allows, only listed sets, whatever the order', () => {
    fc.assert(fc.property(setsArb, policyArb, fc.boolean(), (sets, policy, reversed) => {
      const kept = setsToKeep(sets, policy);
      const again = setsToKeep(reversed ? [...sets].reverse() : sets, policy);
      expect(again).toEqual(kept);
      for (const id of kept) expect(sets.some((s) => s.id === id)).toBe(true);
      const newest = [...sets].sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1)).slice(0, ALWAYS_KEPT);
      for (const s of newest) expect(kept.has(s.id)).toBe(true);
      expect(kept.size).toBeLessThanOrEqual(Math.min(sets.length, ALWAYS_KEPT + policy.daily + policy.weekly + policy.monthly));
    }));
  });

  it('property: rotating again changes nothing (what is kept stays kept)', () => {
    fc.assert(fc.property(setsArb, policyArb, (sets, policy) => {
      const kept = setsToKeep(sets, policy);
      expect(setsToKeep(sets.filter((s) => kept.has(s.id)), policy)).toEqual(kept);
    }));
  });

  it('property: with the default policy every Vietnam day among the 7 newest days that have sets keeps one set', () => {
    fc.assert(fc.property(setsArb, (sets) => {
      const kept = setsToKeep(sets, defaultKeepPolicy);
      const day = (t: number) => new Date(t + 7 * HOUR).toISOString().slice(0, 10);
      const days = [...new Set(sets.map((s) => day(s.takenAt)))].sort().reverse().slice(0, 7);
      for (const d of days) expect(sets.some((s) => kept.has(s.id) && day(s.takenAt) === d)).toBe(true);
    }));
  });
});

describe('when backups are a problem', () => {
  const now = vn('2025-03-05T10:00');
  const fresh = now - 2 * HOUR;

  it('all well: a fresh local set and a fresh set on a plugged-in second location', () => {
    expect(backupProblems({ now, intervalHours: 4, localNewestAt: fresh, second: { path: 'E:\\', reachable: true, newestAt: fresh }, lastError: null, unreadable: [] })).toEqual([]);
  });

  it('the USB stick is unplugged: second location missing', () => {
    expect(backupProblems({ now, intervalHours: 4, localNewestAt: fresh, second: { path: 'E:\\', reachable: false, newestAt: null }, lastError: null, unreadable: [] }))
      .toEqual([{ kind: 'second_missing', path: 'E:\\' }]);
  });

  it('the second location was last written three days ago: stale', () => {
    const p = backupProblems({ now, intervalHours: 4, localNewestAt: fresh, second: { path: 'E:\\', reachable: true, newestAt: now - 3 * DAY }, lastError: null, unreadable: [] });
    expect(p).toEqual([{ kind: 'stale', where: 'second', ageMs: 3 * DAY }]);
  });

  it('never backed up, no second location, and the last try failed', () => {
    expect(backupProblems({ now, intervalHours: 4, localNewestAt: null, second: null, lastError: 'Ổ đĩa đầy', unreadable: [] }).map((p) => p.kind))
      .toEqual(['last_failed', 'never', 'second_not_set']);
  });

  it('stale after two missed rounds, not after one', () => {
    expect(isStale(now - 8 * HOUR, now, 4)).toBe(false);
    expect(isStale(now - 8 * HOUR - 1, now, 4)).toBe(true);
    expect(isStale(null, now, 4)).toBe(true);
  });

  it('a set dated in the future (the clock was set back) does not hold off the next backup', () => {
    const sets = [{ id: 'a', takenAt: now - 5 * HOUR }, { id: 'future', takenAt: now + 2 * DAY }];
    expect(newestUpTo(sets, now)).toBe(now - 5 * HOUR);
    expect(nextBackupAt(newestUpTo(sets, now), now, 4)).toBe(now);
    expect(nextBackupAt(now - HOUR, now, 4)).toBe(now + 3 * HOUR);
    expect(nextBackupAt(null, now, 4)).toBe(now);
    // Not in the first minutes after the hub started, even when one is overdue.
    expect(nextBackupAt(now - 9 * HOUR, now, 4, now + 10 * 60_000)).toBe(now + 10 * 60_000);
    expect(nextBackupAt(null, now, 4, now + 10 * 60_000)).toBe(now + 10 * 60_000);
  });
});
