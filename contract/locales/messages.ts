import type { vi } from './vi';

/** The key set: every citizen-facing text has one key, named for where it shows. */
export type MessageKey = keyof typeof vi;

/** A complete set of texts in one language. */
export type Messages = Record<MessageKey, string>;

/**
 * A set a site adds for a language of its own (Jrai, Bahnar…): any keys it has translated; the
 * rest are said in Vietnamese, key by key, so a half-translated set is still usable at the desk.
 */
export type PartialMessages = Partial<Messages>;
