import type { Call } from '../../../../contract/queue';

const KEY = 'motcua.display.lastCallId';

/**
 * The last call this display received, kept across reloads and power cuts, so that the next
 * connection asks the hub for every call after it.
 */
export function lastCallId(): number {
  const n = Number(localStorage.getItem(KEY) ?? '0');
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function rememberCall(id: number): void {
  if (id > lastCallId()) localStorage.setItem(KEY, String(id));
}

/**
 * Calls replayed after a long outage are shown but not spoken: hearing twenty old numbers read
 * out after a power cut would confuse the room. Calls of the last few minutes are spoken.
 */
export const ANNOUNCE_WITHIN_MS = 3 * 60_000;

export function shouldAnnounce(call: Call, hubNow: number): boolean {
  return hubNow - Date.parse(call.at) <= ANNOUNCE_WITHIN_MS;
}
