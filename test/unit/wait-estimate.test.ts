import { describe, expect, it } from 'vitest';
import type { Counter } from '../../contract/queue';
import { estimateWait, openCountersFor } from '../../main/core/wait-estimate';

const inputs = { peopleAhead: 0, avgServiceMinutes: 10, openCounters: 2, recentCompletions: 0, windowMinutes: 45, nextSessionAt: null };

describe('wait estimate', () => {
  it('never says zero: nobody ahead still shows a short range', () => {
    expect(estimateWait(inputs)).toEqual({ kind: 'range', minMinutes: 1, maxMinutes: 5, text: 'khoảng 1–5 phút' });
  });

  it('divides the work ahead by the counters serving the service', () => {
    const one = estimateWait({ ...inputs, peopleAhead: 6, openCounters: 1 });
    const two = estimateWait({ ...inputs, peopleAhead: 6, openCounters: 2 });
    const three = estimateWait({ ...inputs, peopleAhead: 6, openCounters: 3 });
    expect(one).toEqual({ kind: 'range', minMinutes: 45, maxMinutes: 75, text: 'khoảng 45–75 phút' });
    expect(two).toEqual({ kind: 'range', minMinutes: 20, maxMinutes: 40, text: 'khoảng 20–40 phút' });
    expect(three).toEqual({ kind: 'range', minMinutes: 15, maxMinutes: 25, text: 'khoảng 15–25 phút' });
  });

  it("blends in Little's law when there is measured throughput", () => {
    // capacity: 6 × 10 / 1 = 60 min; throughput 18 done in 45 min → 6 / 0.4 = 15 min; blend 37.5
    const r = estimateWait({ ...inputs, peopleAhead: 6, openCounters: 1, recentCompletions: 18 });
    expect(r).toEqual({ kind: 'range', minMinutes: 30, maxMinutes: 50, text: 'khoảng 30–50 phút' });
  });

  it('promises no minutes when no counter is open: it says none is', () => {
    // The bug: 0 open counters counted as one, so an empty desk promised "khoảng 8–15 phút".
    expect(estimateWait({ ...inputs, peopleAhead: 2, avgServiceMinutes: 5, openCounters: 0 })).toEqual({
      kind: 'noCounter', opensAt: null, text: 'Chưa có quầy nào đang mở cho dịch vụ này.',
    });
  });

  it('says when the counters are expected to open when the desk is between sessions', () => {
    expect(estimateWait({ ...inputs, openCounters: 0, nextSessionAt: '13:30' })).toEqual({
      kind: 'noCounter', opensAt: '13:30', text: 'Chưa có quầy nào đang mở cho dịch vụ này. Quầy\u00a0dự\u00a0kiến\u00a0mở\u00a0lúc\u00a013:30.',
    });
  });
});

describe('counters open for a service', () => {
  const id = (n: number) => `0190a5a0-0000-7000-8000-00000000000${n}`;
  const HT = id(1);
  const counter = (n: number, serviceIds: string[], active = true): Counter => ({
    id: id(n + 4), number: n, label: `Quầy ${n}`, kind: 'quay', mode: 'all', active, skills: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
  });
  const counters = [counter(1, [HT]), counter(2, [HT]), counter(3, [id(2)]), counter(4, [HT], false)];

  it('counts none, one and two open counters that serve the service', () => {
    expect(openCountersFor(HT, counters, [])).toBe(0);
    expect(openCountersFor(HT, counters, [{ counterId: id(5), paused: false }])).toBe(1);
    expect(openCountersFor(HT, counters, [{ counterId: id(5), paused: false }, { counterId: id(6), paused: false }])).toBe(2);
  });

  it('leaves out a paused counter, a counter of another service and an inactive counter', () => {
    expect(openCountersFor(HT, counters, [{ counterId: id(5), paused: true }])).toBe(0);
    expect(openCountersFor(HT, counters, [{ counterId: id(5), paused: true }, { counterId: id(6), paused: false }])).toBe(1);
    expect(openCountersFor(HT, counters, [{ counterId: id(7), paused: false }, { counterId: id(8), paused: false }])).toBe(0);
  });

  it('feeds the estimate: a paused counter alone means no counter open', () => {
    const openCounters = openCountersFor(HT, counters, [{ counterId: id(5), paused: true }]);
    expect(estimateWait({ ...inputs, openCounters }).kind).toBe('noCounter');
  });
});
