import type { Slot } from '../../contract/appointments';
import type { Queryable } from '../db/db';
import { offeredSlots, slotInstant } from './slots';
import { bookingCalendars, seatsTaken, type BookableService } from './store';

/** One day of a service's slots with the central's seats still free in each. */
export interface OfferedDay {
  readonly date: string;
  readonly slots: readonly Slot[];
}

/**
 * The days and slots the booking page offers for a service: every slot of the rule (central/
 * appointments/slots.ts), each with the seats the central still has (`capacity` = the central's
 * seats: the desk's are never offered here). Days without any slot are left out.
 */
export async function offeredDays(db: Queryable, siteId: string, service: BookableService, now: number): Promise<OfferedDay[]> {
  const slots = offeredSlots(service.rule, service.hours, await bookingCalendars(db, service), now);
  if (slots.length === 0) return [];
  const taken = await seatsTaken(db, siteId, service.id, slotInstant(slots[0]!.start), slotInstant(slots[slots.length - 1]!.start));
  const seats = service.rule.capacity - service.rule.siteSeats;
  const days = new Map<string, Slot[]>();
  for (const s of slots) {
    const free = Math.max(0, seats - (taken.get(slotInstant(s.start))?.central ?? 0));
    days.set(s.date, [...(days.get(s.date) ?? []), { start: s.start, time: s.time, capacity: seats, free }]);
  }
  return [...days].map(([date, list]) => ({ date, slots: list }));
}
