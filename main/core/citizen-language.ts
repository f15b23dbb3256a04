import { languageCodes, say, type Lang } from '../../contract/locales';
import { faces, type Face } from '../../contract/pictograms';
import type { RatingAsk, RatingSettings } from '../../contract/queue';

/**
 * Which language a citizen is spoken to in, and which of the admin's names that means. The admin
 * types each name in Vietnamese and, optionally, English (services, priority groups, the rating
 * question and scale); a language with no name typed — English left empty, or a language a site
 * added (Jrai, Bahnar) for which the admin has no field — gets the Vietnamese name.
 */

/** The ticket's language: the one chosen at the kiosk, else the site's. */
export function ticketLanguage(chosen: Lang | undefined, siteLanguage: Lang): Lang {
  return chosen ?? siteLanguage;
}

/** One configured name in a language: the English one when asked for English and typed, else the Vietnamese. */
export function nameIn(lang: Lang, names: { vi: string; en: string }): string {
  return lang === 'en' && names.en.trim() !== '' ? names.en : names.vi;
}

export const serviceNameIn = (lang: Lang, s: { name: string; nameEn: string }): string => nameIn(lang, { vi: s.name, en: s.nameEn });
export const serviceHintIn = (lang: Lang, s: { hint: string; hintEn: string }): string => nameIn(lang, { vi: s.hint, en: s.hintEn });
export const priorityLabelIn = (lang: Lang, p: { label: string; labelEn: string }): string => nameIn(lang, { vi: p.label, en: p.labelEn });

/**
 * A ticket's priority group in its language. Vietnamese keeps the label stored at issue (renaming
 * a group later does not rewrite a paper reprinted); another language reads the group's name now.
 */
export function ticketPriorityLabelIn(lang: Lang, storedLabel: string | null, group: { label: string; labelEn: string } | null): string | null {
  if (storedLabel === null) return null;
  return lang === 'vi' || group === null ? storedLabel : priorityLabelIn(lang, group);
}

/**
 * Why a service takes no number now, in a language. The hub's reasons are Vietnamese sentences
 * (closed for lunch, the day's cap reached…); another language says only that it is closed.
 */
export function closedReasonIn(lang: Lang, reason: string | null): string | null {
  if (reason === null) return null;
  return lang === 'vi' ? reason : say(lang, 'kiosk.closed');
}

/** A name in every language the kiosk offers: the kiosk switches language without asking the hub again. */
export function inEveryLanguage<T>(word: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(languageCodes.map((l) => [l, word(l)])) as Record<Lang, T>;
}

/**
 * The face of level `index` of a scale of `levels` (best first): spread over the five faces so
 * the ends are always the happiest and the unhappiest, and a middle level is neutral.
 */
export function faceOf(index: number, levels: number): Face {
  if (levels <= 1) return 'neutral';
  return faces[Math.round((index * (faces.length - 1)) / (levels - 1))]!;
}

/** The rating question, scale and reasons in one language, each level with its face. */
export function ratingAskIn(lang: Lang, settings: RatingSettings): RatingAsk {
  return {
    language: lang,
    question: nameIn(lang, { vi: settings.question, en: settings.questionEn }),
    scale: settings.scale.map((s, i) => ({ code: s.code, label: nameIn(lang, { vi: s.label, en: s.labelEn }), face: faceOf(i, settings.scale.length) })),
    reasons: settings.reasons.map((r) => ({ code: r.code, label: nameIn(lang, { vi: r.label, en: r.labelEn }) })),
  };
}
