/** Why a booking, a move or a cancellation was refused: a stable code and the words the page shows. */
export type BookingErrorCode =
  | 'SITE_NOT_BOOKABLE' | 'SERVICE_NOT_BOOKABLE' | 'SLOT_NOT_OFFERED' | 'SLOT_FULL' | 'ID_LIMIT'
  | 'BOOKING_NOT_FOUND' | 'BOOKING_NOT_ACTIVE' | 'SAME_SLOT';

export class BookingError extends Error {
  constructor(
    readonly code: BookingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP status each refusal is answered with. */
export const bookingErrorStatus: Readonly<Record<BookingErrorCode, number>> = {
  SITE_NOT_BOOKABLE: 404, SERVICE_NOT_BOOKABLE: 404, SLOT_NOT_OFFERED: 409, SLOT_FULL: 409, ID_LIMIT: 409,
  BOOKING_NOT_FOUND: 404, BOOKING_NOT_ACTIVE: 409, SAME_SLOT: 409,
};
