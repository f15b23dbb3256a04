import type { CallReason, CallingRules, CounterMode } from '../../contract/queue';
import { minutesToHhmm, vnClock } from './vn-time';

/** A waiting ticket as the calling rules see it. */
export interface Candidate {
  readonly id: string;
  readonly number: number;
  readonly displayCode: string;
  readonly serviceId: string;
  /** null = a normal (non-priority) ticket. */
  readonly priorityWeight: number | null;
  readonly priorityLabel: string | null;
  /** When the ticket entered the queue (a transfer keeps it, a redirect resets it), epoch ms. */
  readonly queueEnteredAt: number;
  readonly reservedCounterId: string | null;
  /** A checked-in booking's slot start (epoch ms): due from then (docs/APPOINTMENTS.md, "Calling"); null for a walk-in. */
  readonly appointmentAt: number | null;
}

export interface CallingContext {
  readonly now: number;
  readonly counterId: string;
  readonly counterMode: CounterMode;
  /** serviceId → skill weight of this counter; services absent here are not served. */
  readonly skills: ReadonlyMap<string, number>;
  readonly rules: CallingRules;
  /** Per-service maximum wait overriding the site rule. */
  readonly serviceMaxWait: ReadonlyMap<string, number | null>;
  readonly serviceNames: ReadonlyMap<string, string>;
  /** Consecutive priority calls this counter made most recently (for the interleave rule). */
  readonly priorityStreak: number;
  /** Consecutive calls of booked tickets this counter made most recently. */
  readonly appointmentStreak: number;
  /** After this many booked tickets in a row, the counter takes a walk-in (when one is waiting). */
  readonly maxInARow: number;
  /** "Call next from one service". */
  readonly onlyServiceId?: string;
}

export interface Choice {
  readonly ticketId: string;
  readonly reason: CallReason;
}

/**
 * Which waiting ticket this counter calls next, and why — in the order queue.md lays out:
 * 1. hard filters (skills or a transfer to this counter, counter mode, service filter); after
 *    `maxInARow` booked tickets in a row, booked tickets are left out while a walk-in waits;
 * 2. a ticket past its maximum wait;
 * 3. a booked ticket whose slot has started (the earliest slot first);
 * 4. interleave: after N priority calls in a row, the oldest normal ticket;
 * 5. priority weight, skill weight, time entered the queue, number.
 * Normal tickets have no priority weight; they sort after every priority ticket explicitly
 * rather than by whatever a NULL happens to compare as.
 *
 * Step 1's cut is what bounds a walk-in's wait (docs/APPOINTMENTS.md): between two calls of
 * walk-ins a counter calls at most `maxInARow` booked tickets, whatever rule picked them — the
 * maximum wait included, or a stream of late check-ins would starve the hall.
 */
export function chooseNext(candidates: readonly Candidate[], ctx: CallingContext): Choice | null {
  const served = candidates.filter((c) => isEligible(c, ctx));
  const walkIns = served.filter((c) => c.appointmentAt === null);
  const eligible = ctx.appointmentStreak >= ctx.maxInARow && walkIns.length > 0 ? walkIns : served;
  if (eligible.length === 0) return null;
  const name = (c: Candidate) => ctx.serviceNames.get(c.serviceId) ?? '';

  const overdue = eligible
    .map((c) => ({ c, limit: ctx.serviceMaxWait.get(c.serviceId) ?? ctx.rules.maxWaitMinutes }))
    .filter((x): x is { c: Candidate; limit: number } => x.limit !== null && ctx.now - x.c.queueEnteredAt > x.limit * 60_000)
    .sort((a, b) => byTime(a.c, b.c));
  const late = overdue[0];
  if (late) {
    const waited = Math.floor((ctx.now - late.c.queueEnteredAt) / 60_000);
    return reasoned(late.c, 'max_wait', `Đã chờ ${waited} phút, quá thời gian chờ tối đa ${late.limit} phút (${name(late.c)})`);
  }

  const due = eligible
    .filter((c): c is Candidate & { appointmentAt: number } => c.appointmentAt !== null && c.appointmentAt <= ctx.now)
    .sort((a, b) => a.appointmentAt - b.appointmentAt || byTime(a, b));
  const booked = due[0];
  // Past the streak with a walk-in waiting, step 1 left no booked ticket here.
  if (booked) {
    return reasoned(booked, 'appointment', `Lịch hẹn ${minutesToHhmm(vnClock(booked.appointmentAt).minuteOfDay)} (${name(booked)})`);
  }

  const n = ctx.rules.interleaveAfterPriority;
  const hasPriority = eligible.some((c) => c.priorityWeight !== null);
  const normals = eligible.filter((c) => c.priorityWeight === null).sort(byTime);
  const oldestNormal = normals[0];
  if (n !== null && ctx.priorityStreak >= n && hasPriority && oldestNormal) {
    return reasoned(oldestNormal, 'interleave', `Đến lượt số thường sau ${ctx.priorityStreak} số ưu tiên liên tiếp (${name(oldestNormal)})`);
  }

  const skill = (c: Candidate) => (ctx.rules.useSkillWeights ? (ctx.skills.get(c.serviceId) ?? 0) : 0);
  const ordered = [...eligible].sort(
    (a, b) => comparePriority(a.priorityWeight, b.priorityWeight) || skill(b) - skill(a) || byTime(a, b),
  );
  const best = ordered[0]!;
  if (best.priorityWeight !== null) return reasoned(best, 'priority', `Ưu tiên: ${best.priorityLabel ?? 'đối tượng ưu tiên'} (${name(best)})`);
  if (best.reservedCounterId === ctx.counterId) return reasoned(best, 'reserved', `Số được chuyển đến quầy này (${name(best)})`);
  if (ctx.onlyServiceId !== undefined) return reasoned(best, 'service', `Số chờ lâu nhất của dịch vụ ${name(best)}`);
  const olderElsewhere = ordered.some((c) => c.priorityWeight === null && byTime(c, best) < 0);
  if (olderElsewhere) {
    return reasoned(best, 'skill', `Quầy ưu tiên phục vụ ${name(best)} (trọng số ${skill(best)}), số chờ lâu nhất của dịch vụ này`);
  }
  return reasoned(best, 'fifo', `Theo thứ tự lấy số: số chờ lâu nhất (${name(best)})`);
}

function isEligible(c: Candidate, ctx: CallingContext): boolean {
  if (ctx.onlyServiceId !== undefined && c.serviceId !== ctx.onlyServiceId) return false;
  if (c.reservedCounterId !== null) return c.reservedCounterId === ctx.counterId;
  if (!ctx.skills.has(c.serviceId)) return false;
  if (ctx.counterMode === 'normal') return c.priorityWeight === null;
  if (ctx.counterMode === 'priority') return c.priorityWeight !== null;
  return true;
}

/** Higher weight first; a normal ticket (null) after every priority ticket. */
export function comparePriority(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function byTime(a: Candidate, b: Candidate): number {
  return a.queueEnteredAt - b.queueEnteredAt || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function reasoned(c: Candidate, code: CallReason['code'], text: string): Choice {
  return { ticketId: c.id, reason: { code, text } };
}

/**
 * People ahead of a ticket that has just entered the queue: everyone already waiting in its
 * service except those of lower priority (they entered earlier, so time does not help them).
 * Takes waiting counts by priority weight, so issuing never has to read the whole queue.
 */
export function peopleAheadOfNewcomer(priorityWeight: number | null, waitingByWeight: readonly { weight: number | null; count: number }[]): number {
  return waitingByWeight.filter((w) => comparePriority(w.weight, priorityWeight) <= 0).reduce((n, w) => n + w.count, 0);
}

/** How many waiting tickets of the same service would be called before this one (interleave aside). */
export function peopleAhead(ticket: Candidate, waiting: readonly Candidate[]): number {
  return waiting.filter(
    (o) => o.id !== ticket.id && o.serviceId === ticket.serviceId && (comparePriority(o.priorityWeight, ticket.priorityWeight) || byTime(o, ticket)) < 0,
  ).length;
}
