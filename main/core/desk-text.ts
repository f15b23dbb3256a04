/** Control characters (tab, line feed and carriage return excepted: notes and addresses have lines). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 can carry it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text from the desk as the province can store it: control characters dropped, a lone surrogate
 * replaced by U+FFFD. The hub's inputs refuse both now; rows typed before that (or anything else
 * that slips through) are cleaned here when they become events for the central, which would
 * otherwise reject the event and leave it out of the province's figures.
 */
export function deskText(s: string): string {
  return s.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}

/** `JSON.stringify` with every string value cleaned by `deskText` (keys are the hub's own). */
export function deskJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? deskText(v) : v));
}
