import { z } from 'zod';
import { en } from './en';
import type { MessageKey, Messages, PartialMessages } from './messages';
import { vi } from './vi';

export type { MessageKey, Messages, PartialMessages } from './messages';

/**
 * The languages the citizen-facing screens, the printed ticket and the rating tablet speak. To
 * add one (docs/LANGUAGES.md): a file beside this one with its texts, and a line here with its
 * code (ISO 639: `jra` Jrai, `bdq` Bahnar), its own name for the kiosk's button, and its texts —
 * `PartialMessages`, so what is not translated yet is said in Vietnamese. Vietnamese comes first
 * and is the fallback; English must be complete (typed `Messages`).
 */
const registry = {
  vi: language('Tiếng Việt', vi),
  en: language('English', en),
};

/** A registry entry: any language's texts are read as partial, the Vietnamese filling the gaps. */
function language(name: string, messages: PartialMessages): { name: string; messages: PartialMessages } {
  return { name, messages };
}

export type Lang = keyof typeof registry;
export const languageCodes = Object.keys(registry) as [Lang, ...Lang[]];
export const Lang = z.enum(languageCodes);

/** The language's own name, for the button that switches to it. */
export function languageName(lang: Lang): string {
  return registry[lang].name;
}

/** A language's text for a key, the Vietnamese one where it has none. */
export function message(lang: Lang, key: MessageKey): string {
  return registry[lang].messages[key] ?? vi[key];
}

/**
 * The text for a key with its `{name}` slots filled. A slot without a value stays as written, so
 * a mistake shows on screen instead of vanishing (and test/unit/locales.test.ts checks every
 * language uses the same slots as Vietnamese).
 */
export function say(lang: Lang, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return message(lang, key).replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

/** Every text of a language as the screens read it (fallbacks filled in): for tests and for a site checking its file. */
export function messagesOf(lang: Lang): Messages {
  return Object.fromEntries(Object.keys(vi).map((k) => [k, message(lang, k as MessageKey)])) as Messages;
}

/** `say` bound to one language: what a screen calls for each of its texts. */
export function sayer(lang: Lang): (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string {
  return (key, values) => say(lang, key, values);
}
