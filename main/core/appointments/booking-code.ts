import { BOOKING_ALPHABET, type SeatOwner } from '../../../contract/appointments';

/**
 * A booking code: the owner's letter (`Q` desk, `T` online, so the two sides' generators never
 * collide) and five characters of the contract's alphabet. `randomIndex(n)` returns an integer in [0, n) — the
 * hub passes a cryptographic source (a code and an ID number open a booking); the caller retries
 * on the rare clash with a stored code.
 */
export function bookingCode(owner: SeatOwner, randomIndex: (n: number) => number): string {
  let code = owner === 'site' ? 'Q' : 'T';
  for (let i = 0; i < 5; i++) code += BOOKING_ALPHABET[randomIndex(BOOKING_ALPHABET.length)];
  return code;
}

/**
 * The per-ID limit (docs/APPOINTMENTS.md): an ID number may hold `max` active bookings (booked,
 * check-in not yet missed) at this side; a move keeps the booking it moves, so it is not counted.
 */
export const withinBookingLimit = (active: number, max: number): boolean => active < max;
