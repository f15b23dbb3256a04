import { cleanText } from '../../contract/safe-text';

/**
 * An event payload as the province can store it: every string value cleaned (`cleanText`; keys
 * are the hub's own). The hub's inputs refuse control characters and broken surrogates now; rows
 * typed before that (or anything else that slips through) are cleaned here when they become events
 * for the central, which would otherwise reject the event and leave it out of the province's figures.
 */
export function deskJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? cleanText(v) : v));
}
