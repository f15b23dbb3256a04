import { HubError, type ErrorCode } from '../../../../contract/errors';

/**
 * Refusals of a number that speak to the citizen (the hub words them for people: the service is
 * closed for today, it takes only priority numbers, it has run out of numbers…).
 */
const refusalsForCitizens: ReadonlySet<ErrorCode> = new Set([
  'SERVICE_CLOSED', 'SERVICE_INACTIVE', 'PRIORITY_NOT_ACCEPTED', 'PRIORITY_REQUIRED', 'DAILY_CAP_REACHED', 'NUMBERS_EXHAUSTED', 'NOT_FOUND',
]);

/**
 * What the kiosk says when a number could not be taken: the hub's words for a refusal the citizen
 * can understand, or null — the system is in trouble (a full disk, an internal error, no
 * connection) and the citizen is sent to the help desk, not shown a technical message.
 */
export function refusalForCitizen(e: unknown): string | null {
  return e instanceof HubError && refusalsForCitizens.has(e.code) ? e.message : null;
}

/**
 * What the kiosk's look-ups (procedures, dossiers) say when the hub refuses: its words for a
 * refusal (a wrong code, too many guesses), else — the system in trouble — the help desk.
 */
export function kioskLookupProblem(e: unknown): string {
  if (e instanceof HubError && e.code !== 'INTERNAL' && e.code !== 'HUB_UNREACHABLE') return e.message;
  return 'Tạm thời không tra cứu được. Xin mời Ông/Bà hỏi bàn hướng dẫn.';
}

/**
 * What the kiosk says when a check-in is refused: the hub's words (too early and when it opens,
 * missed, not found, not today, a code that cannot be one), else — the system in trouble — `trouble`.
 */
export function checkInProblem(e: unknown, trouble: string): string {
  if (e instanceof HubError && e.code !== 'INTERNAL' && e.code !== 'HUB_UNREACHABLE' && e.code !== 'DISK_FULL') return e.message;
  return trouble;
}
