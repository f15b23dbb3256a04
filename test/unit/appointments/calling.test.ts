import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallingRules } from '../../../contract/queue';
import { chooseNext, type CallingContext, type Candidate } from '../../../main/core/calling-order';

const T0 = Date.parse('2026-12-10T08:00:00+07:00');
const MIN = 60_000;
const HT = 'svc-ho-tich';
const CT = 'svc-chung-thuc';

let seq = 0;
function ticket(p: { minute: number; appointmentAt?: string; priorityWeight?: number }): Candidate {
  seq++;
  return {
    id: `t${String(seq).padStart(4, '0')}`, number: seq, displayCode: `A${String(seq).padStart(3, '0')}`, serviceId: HT,
    priorityWeight: p.priorityWeight ?? null, priorityLabel: p.priorityWeight ? 'Người cao tuổi' : null, queueEnteredAt: T0 + p.minute * MIN,
    reservedCounterId: null, appointmentAt: p.appointmentAt ? Date.parse(p.appointmentAt) : null,
  };
}

const rules: CallingRules = { interleaveAfterPriority: 3, maxWaitMinutes: null, useSkillWeights: false };
function ctx(over: Partial<CallingContext> = {}): CallingContext {
  return {
    now: Date.parse('2026-12-10T09:00:00+07:00'), counterId: 'counter-1', counterMode: 'all', skills: new Map([[HT, 1], [CT, 1]]), rules,
    serviceMaxWait: new Map(), serviceNames: new Map([[HT, 'Đăng ký khai sinh'], [CT, 'Chứng thực']]), priorityStreak: 0, appointmentStreak: 0, maxInARow: 2, ...over,
  };
}

describe('calling booked tickets (docs/APPOINTMENTS.md, "Calling")', () => {
  it('calls a due booking before older walk-ins and priority tickets, naming its time and service', () => {
    const walkIn = ticket({ minute: 0 });
    const elderly = ticket({ minute: 1, priorityWeight: 3 });
    const booked = ticket({ minute: 40, appointmentAt: '2026-12-10T09:00:00+07:00' });
    expect(chooseNext([walkIn, elderly, booked], ctx())).toEqual({ ticketId: booked.id, reason: { code: 'appointment', text: 'Lịch hẹn 09:00 (Đăng ký khai sinh)' } });
  });

  it('takes the earliest slot first among due bookings', () => {
    const later = ticket({ minute: 10, appointmentAt: '2026-12-10T09:00:00+07:00' });
    const earlier = ticket({ minute: 20, appointmentAt: '2026-12-10T08:30:00+07:00' });
    expect(chooseNext([later, earlier], ctx())?.ticketId).toBe(earlier.id);
  });

  it('lets a booking checked in early wait as a walk-in until its time', () => {
    const walkIn = ticket({ minute: 0 });
    const early = ticket({ minute: 30, appointmentAt: '2026-12-10T09:30:00+07:00' });
    expect(chooseNext([walkIn, early], ctx())).toMatchObject({ ticketId: walkIn.id, reason: { code: 'fifo' } });
  });

  it('takes a walk-in after maxInARow booked tickets in a row — even one past the maximum wait', () => {
    const walkIn = ticket({ minute: 50 });
    const overdue = ticket({ minute: 0, appointmentAt: '2026-12-10T08:00:00+07:00' });
    const due = ticket({ minute: 55, appointmentAt: '2026-12-10T09:00:00+07:00' });
    const waitRule = { ...rules, maxWaitMinutes: 30 };
    expect(chooseNext([walkIn, overdue, due], ctx({ appointmentStreak: 2, rules: waitRule }))?.ticketId).toBe(walkIn.id);
    expect(chooseNext([walkIn, overdue, due], ctx({ appointmentStreak: 1, rules: waitRule }))).toMatchObject({ ticketId: overdue.id, reason: { code: 'max_wait' } });
    // With no walk-in waiting the counter goes on with the bookings.
    expect(chooseNext([due], ctx({ appointmentStreak: 5 }))?.reason.code).toBe('appointment');
  });
});

/** A counter's day in the model: tickets arrive (walk-ins and check-ins), one call every few minutes. */
interface Arrival {
  readonly minute: number;
  readonly booked: boolean;
  /** Slot start, minutes from T0 (bookings only). */
  readonly slot: number;
  readonly priority: boolean;
  readonly service: 0 | 1;
}

const arrival = fc.record({
  minute: fc.integer({ min: 0, max: 120 }),
  booked: fc.boolean(),
  slot: fc.integer({ min: -30, max: 180 }),
  priority: fc.boolean(),
  service: fc.constantFrom<0 | 1>(0, 1),
});

describe('the bound on a walk-in’s wait (property)', () => {
  it('between two walk-in calls at most maxInARow booked calls; a walk-in with m called ahead of it goes within m + (m+1)·maxInARow calls', () => {
    fc.assert(
      fc.property(
        fc.array(arrival, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.option(fc.integer({ min: 5, max: 90 }), { nil: null }),
        fc.integer({ min: 1, max: 6 }),
        (arrivals: Arrival[], maxInARow, interleave, maxWait, minutesPerCall) => {
          const waiting = new Set(
            arrivals.map((a, i): Candidate => ({
              id: `t${String(i).padStart(3, '0')}`, number: i + 1, displayCode: `A${i + 1}`, serviceId: a.service === 0 ? HT : CT,
              priorityWeight: a.priority ? 3 : null, priorityLabel: a.priority ? 'Người cao tuổi' : null, queueEnteredAt: T0 + a.minute * MIN,
              reservedCounterId: null, appointmentAt: a.booked ? T0 + a.slot * MIN : null,
            })),
          );
          const calls: Candidate[] = [];
          /** Calls made since each walk-in arrived, and walk-ins called in that time. */
          const since = new Map<string, { calls: number; walkInsAhead: number }>();
          let now = T0;
          for (let step = 0; waiting.size > 0 && step < 500; step++) {
            const present = [...waiting].filter((c) => c.queueEnteredAt <= now);
            for (const c of present) if (c.appointmentAt === null && !since.has(c.id)) since.set(c.id, { calls: 0, walkInsAhead: 0 });
            const trailing = (pred: (c: Candidate) => boolean) => {
              let n = 0;
              for (let i = calls.length - 1; i >= 0 && pred(calls[i]!); i--) n++;
              return n;
            };
            const choice = chooseNext(present, ctx({
              now, rules: { interleaveAfterPriority: interleave, maxWaitMinutes: maxWait, useSkillWeights: false },
              priorityStreak: trailing((c) => c.priorityWeight !== null), appointmentStreak: trailing((c) => c.appointmentAt !== null), maxInARow,
            }));
            if (choice) {
              const called = present.find((c) => c.id === choice.ticketId)!;
              // The walk-in bound, for every walk-in waiting when this call was made.
              const walkInsWaiting = present.filter((c) => c.appointmentAt === null);
              if (called.appointmentAt !== null && walkInsWaiting.length > 0) expect(trailing((c) => c.appointmentAt !== null)).toBeLessThan(maxInARow);
              for (const w of walkInsWaiting) {
                const s = since.get(w.id)!;
                s.calls++;
                if (w.id === called.id) expect(s.calls).toBeLessThanOrEqual(s.walkInsAhead + 1 + (s.walkInsAhead + 1) * maxInARow);
                else if (called.appointmentAt === null) s.walkInsAhead++;
              }
              calls.push(called);
              waiting.delete(called);
            }
            now += minutesPerCall * MIN;
          }
          expect(waiting.size).toBe(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
