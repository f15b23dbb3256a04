import type { Call, TicketStatus } from '../../contract/queue';

export type DisplayMark = 'called' | 'serving' | 'served' | 'absent' | 'moved';

/** How a recent call is marked on the waiting-room display, by its ticket's status now. */
export const displayMarks: Record<TicketStatus, DisplayMark> = {
  called: 'called',
  serving: 'serving',
  finished: 'served',
  skipped: 'absent',
  waiting: 'moved',
  redirected: 'moved',
  cancelled: 'moved',
};

/**
 * The call the TV shows large. The newest call stays there while its citizen is at (or was served
 * at) its counter; once the counter marks it absent or moves it on, "MỜI CÔNG DÂN CÓ SỐ … ĐẾN QUẦY …"
 * would send people to a counter that no longer expects them, so the TV shows instead the newest
 * call still inviting someone, or none. `recent` is newest first.
 */
export function displayCurrent(recent: readonly { call: Call; mark: DisplayMark }[]): Call | null {
  const newest = recent[0];
  if (!newest) return null;
  if (newest.mark !== 'absent' && newest.mark !== 'moved') return newest.call;
  return recent.find((r) => r.mark === 'called')?.call ?? null;
}
