import { describe, expect, it } from 'vitest';
import { estimateWait } from '../../main/core/wait-estimate';

describe('wait estimate', () => {
  it('never says zero: nobody ahead still shows a short range', () => {
    expect(estimateWait({ peopleAhead: 0, avgServiceMinutes: 10, openCounters: 2, recentCompletions: 0, windowMinutes: 45 })).toEqual({
      minMinutes: 1, maxMinutes: 5, text: 'khoảng 1–5 phút',
    });
  });

  it('divides the work ahead by the counters serving the service', () => {
    const one = estimateWait({ peopleAhead: 6, avgServiceMinutes: 10, openCounters: 1, recentCompletions: 0, windowMinutes: 45 });
    const three = estimateWait({ peopleAhead: 6, avgServiceMinutes: 10, openCounters: 3, recentCompletions: 0, windowMinutes: 45 });
    expect(one).toEqual({ minMinutes: 45, maxMinutes: 75, text: 'khoảng 45–75 phút' });
    expect(three).toEqual({ minMinutes: 15, maxMinutes: 25, text: 'khoảng 15–25 phút' });
  });

  it("blends in Little's law when there is measured throughput", () => {
    // capacity: 6 × 10 / 1 = 60 min; throughput 18 done in 45 min → 6 / 0.4 = 15 min; blend 37.5
    const r = estimateWait({ peopleAhead: 6, avgServiceMinutes: 10, openCounters: 1, recentCompletions: 18, windowMinutes: 45 });
    expect(r).toEqual({ minMinutes: 30, maxMinutes: 50, text: 'khoảng 30–50 phút' });
  });

  it('assumes one counter will open when none is open (lunch), rather than dividing by zero', () => {
    expect(estimateWait({ peopleAhead: 2, avgServiceMinutes: 5, openCounters: 0, recentCompletions: 0, windowMinutes: 45 })).toEqual({ minMinutes: 8, maxMinutes: 15, text: 'khoảng 8–15 phút' });
  });
});
