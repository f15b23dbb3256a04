import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallingRules } from '../../contract/queue';
import { chooseNext, comparePriority, peopleAheadOfNewcomer, type Candidate, type CallingContext } from '../../main/core/calling-order';

const T0 = Date.parse('2026-11-25T09:00:00+07:00');
const HT = 'svc-ho-tich';
const CT = 'svc-chung-thuc';
const DD = 'svc-dat-dai';

let seq = 0;
function ticket(p: Partial<Candidate> & { minute: number }): Candidate {
  seq++;
  return {
    id: p.id ?? `t${String(seq).padStart(4, '0')}`,
    number: p.number ?? seq,
    displayCode: p.displayCode ?? `A${String(seq).padStart(3, '0')}`,
    serviceId: p.serviceId ?? HT,
    priorityWeight: p.priorityWeight ?? null,
    priorityLabel: p.priorityWeight ? (p.priorityLabel ?? 'Người cao tuổi') : null,
    queueEnteredAt: T0 + p.minute * 60_000,
    reservedCounterId: p.reservedCounterId ?? null,
    appointmentAt: p.appointmentAt ?? null,
  };
}

const rules: CallingRules = { interleaveAfterPriority: 3, maxWaitMinutes: null, useSkillWeights: true };
function ctx(over: Partial<CallingContext> = {}): CallingContext {
  return {
    now: T0 + 60 * 60_000,
    counterId: 'counter-1',
    counterMode: 'all',
    skills: new Map([[HT, 1], [CT, 1]]),
    rules,
    serviceMaxWait: new Map(),
    serviceNames: new Map([[HT, 'Hộ tịch'], [CT, 'Chứng thực'], [DD, 'Đất đai']]),
    priorityStreak: 0,
    appointmentStreak: 0,
    maxInARow: 2,
    ...over,
  };
}

describe('calling order', () => {
  it('calls the oldest ticket first when nobody has priority (FIFO), then by number', () => {
    const a = ticket({ minute: 5 });
    const b = ticket({ minute: 2 });
    const c = ticket({ minute: 2, number: 1 });
    const choice = chooseNext([a, b, c], ctx());
    expect(choice?.ticketId).toBe(c.id);
    expect(choice?.reason).toEqual({ code: 'fifo', text: 'Theo thứ tự lấy số: số chờ lâu nhất (Hộ tịch)' });
  });

  it('calls a priority ticket before older normal ones and says which class', () => {
    const normal = ticket({ minute: 0 });
    const elderly = ticket({ minute: 30, priorityWeight: 3, priorityLabel: 'Người cao tuổi' });
    const choice = chooseNext([normal, elderly], ctx());
    expect(choice?.ticketId).toBe(elderly.id);
    expect(choice?.reason.text).toBe('Ưu tiên: Người cao tuổi (Hộ tịch)');
  });

  it('orders priority classes by weight, a normal ticket (no weight) after all of them — explicit NULL ordering', () => {
    const low = ticket({ minute: 0, priorityWeight: 2 });
    const high = ticket({ minute: 10, priorityWeight: 5, priorityLabel: 'Người có công' });
    const normal = ticket({ minute: -100 });
    expect(chooseNext([normal, low, high], ctx())?.ticketId).toBe(high.id);
    expect([null, 2, null, 5, 3].sort(comparePriority)).toEqual([5, 3, 2, null, null]);
  });

  it('interleaves: after N priority calls in a row the oldest normal ticket is called, with the reason', () => {
    const normal = ticket({ minute: 20 });
    const older = ticket({ minute: 10 });
    const prio = ticket({ minute: 0, priorityWeight: 3 });
    expect(chooseNext([normal, older, prio], ctx({ priorityStreak: 2 }))?.ticketId).toBe(prio.id);
    const choice = chooseNext([normal, older, prio], ctx({ priorityStreak: 3 }));
    expect(choice?.ticketId).toBe(older.id);
    expect(choice?.reason).toEqual({ code: 'interleave', text: 'Đến lượt số thường sau 3 số ưu tiên liên tiếp (Hộ tịch)' });
  });

  it('with interleave off (strict priority) keeps calling priority tickets', () => {
    const normal = ticket({ minute: 0 });
    const prio = ticket({ minute: 5, priorityWeight: 1 });
    expect(chooseNext([normal, prio], ctx({ priorityStreak: 10, rules: { ...rules, interleaveAfterPriority: null } }))?.ticketId).toBe(prio.id);
  });

  it('calls a ticket past the maximum wait before priority tickets (site rule, then per-service override)', () => {
    const late = ticket({ minute: 0 }); // waited 60 min at ctx().now
    const prio = ticket({ minute: 50, priorityWeight: 5 });
    expect(chooseNext([late, prio], ctx({ rules: { ...rules, maxWaitMinutes: 90 } }))?.ticketId).toBe(prio.id);
    const choice = chooseNext([late, prio], ctx({ rules: { ...rules, maxWaitMinutes: 45 } }));
    expect(choice?.ticketId).toBe(late.id);
    expect(choice?.reason).toEqual({ code: 'max_wait', text: 'Đã chờ 60 phút, quá thời gian chờ tối đa 45 phút (Hộ tịch)' });
    expect(chooseNext([late, prio], ctx({ rules: { ...rules, maxWaitMinutes: 45 }, serviceMaxWait: new Map([[HT, 120]]) }))?.ticketId).toBe(prio.id);
  });

  it('routes by skill: a counter never calls a service it does not serve, and prefers its stronger skill', () => {
    const land = ticket({ minute: 0, serviceId: DD });
    const cert = ticket({ minute: 5, serviceId: CT });
    const civil = ticket({ minute: 10, serviceId: HT });
    expect(chooseNext([land], ctx())).toBeNull();
    const choice = chooseNext([land, cert, civil], ctx({ skills: new Map([[HT, 3], [CT, 1]]) }));
    expect(choice?.ticketId).toBe(civil.id);
    expect(choice?.reason.code).toBe('skill');
    expect(chooseNext([land, cert, civil], ctx({ rules: { ...rules, useSkillWeights: false }, skills: new Map([[HT, 3], [CT, 1]]) }))?.ticketId).toBe(cert.id);
  });

  it('respects the counter mode and the "from one service" filter', () => {
    const normal = ticket({ minute: 0 });
    const prio = ticket({ minute: 5, priorityWeight: 3 });
    const cert = ticket({ minute: -5, serviceId: CT });
    expect(chooseNext([normal, prio], ctx({ counterMode: 'normal' }))?.ticketId).toBe(normal.id);
    expect(chooseNext([normal], ctx({ counterMode: 'priority' }))).toBeNull();
    const only = chooseNext([normal, prio, cert], ctx({ onlyServiceId: CT }));
    expect(only?.ticketId).toBe(cert.id);
    expect(only?.reason.code).toBe('service');
  });

  it('gives a ticket transferred to one counter only to that counter, even without the skill', () => {
    const moved = ticket({ minute: 0, serviceId: DD, reservedCounterId: 'counter-2' });
    expect(chooseNext([moved], ctx())).toBeNull();
    const choice = chooseNext([moved], ctx({ counterId: 'counter-2' }));
    expect(choice?.ticketId).toBe(moved.id);
    expect(choice?.reason.code).toBe('reserved');
  });

  it('returns null with nobody waiting', () => expect(chooseNext([], ctx())).toBeNull());

  it('counts the people ahead of a newcomer the way the counter will call them', () => {
    const waiting = [{ weight: null, count: 4 }, { weight: 3, count: 2 }, { weight: 5, count: 1 }];
    expect(peopleAheadOfNewcomer(null, waiting)).toBe(7); // a normal ticket waits for everyone
    expect(peopleAheadOfNewcomer(3, waiting)).toBe(3); // equal or higher priority came earlier
    expect(peopleAheadOfNewcomer(5, waiting)).toBe(1);
    expect(peopleAheadOfNewcomer(2, [])).toBe(0);
  });
});

describe('calling order — properties', () => {
  const arbTicket = fc.record({
    minute: fc.integer({ min: 0, max: 59 }),
    priorityWeight: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    serviceId: fc.constantFrom(HT, CT, DD),
    reservedCounterId: fc.option(fc.constantFrom('counter-1', 'counter-2'), { nil: null, freq: 5 }),
  });

  it('always picks an eligible ticket, and picks one whenever one is eligible', () => {
    fc.assert(
      fc.property(fc.array(arbTicket, { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (specs, streak) => {
        const tickets = specs.map((s) => ticket(s));
        const c = ctx({ priorityStreak: streak, rules: { ...rules, maxWaitMinutes: 40 } });
        const eligible = tickets.filter((t) => (t.reservedCounterId ? t.reservedCounterId === 'counter-1' : c.skills.has(t.serviceId)));
        const choice = chooseNext(tickets, c);
        if (eligible.length === 0) return choice === null;
        return choice !== null && eligible.some((t) => t.id === choice.ticketId) && choice.reason.text.length > 0;
      }),
    );
  });

  it('never starves a normal ticket: with interleave N, it is called within N+1 calls even while priority keeps arriving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 20 }), (n, priorityArrivals) => {
        const normal = ticket({ minute: 0 });
        let waiting: Candidate[] = [normal, ...Array.from({ length: priorityArrivals }, (_, i) => ticket({ minute: i + 1, priorityWeight: 3 }))];
        let streak = 0;
        for (let call = 1; call <= n + 1; call++) {
          const choice = chooseNext(waiting, ctx({ priorityStreak: streak, rules: { ...rules, interleaveAfterPriority: n } }));
          if (choice?.ticketId === normal.id) return true;
          const picked = waiting.find((t) => t.id === choice?.ticketId)!;
          streak = picked.priorityWeight === null ? 0 : streak + 1;
          waiting = [...waiting.filter((t) => t.id !== picked.id), ticket({ minute: 30 + call, priorityWeight: 3 })];
        }
        return false;
      }),
    );
  });
});
