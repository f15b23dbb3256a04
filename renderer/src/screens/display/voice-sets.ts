import { languageCodes, type Lang } from '../../../../contract/locales';
import type { Call } from '../../../../contract/queue';
import { ClipManifest, withSlash } from './clip-manifest';

/**
 * The clip sets a display speaks with, one folder per language under the hub's `/voice/`
 * (`resources/voice/<lang>/manifest.json`; docs/VOICE-CLIPS.md). Vietnamese is always there;
 * another language has a set only where one was generated or recorded — no browser has an
 * offline voice for Jrai or Bahnar, so recorded clips are the only way to speak them.
 */
export type VoiceSets = { readonly vi: ClipManifest } & Partial<Record<Lang, ClipManifest>>;

/** The clip file names for one call from one set, in play order. */
export function clipSequence(call: Pick<Call, 'displayCode' | 'counterNumber'>, manifest: ClipManifest): string[] {
  const clips = [manifest.chime, manifest.intro];
  // Letters then digits, one clip per character. A character without a clip is skipped: saying
  // the rest of the code beats stalling or saying nothing.
  for (const ch of call.displayCode.toUpperCase()) {
    const clip = manifest.letters[ch] ?? manifest.digits[ch];
    if (clip) clips.push(clip);
  }
  clips.push(manifest.toCounter);
  // Counters are spoken as words ("hai mươi mốt") while the set has them (1–99 generated);
  // beyond that, digit by digit, which is still unambiguous.
  const asWord = manifest.numbers[String(call.counterNumber)];
  if (asWord) clips.push(asWord);
  else for (const d of String(call.counterNumber)) if (manifest.digits[d]) clips.push(manifest.digits[d]);
  return clips;
}

/**
 * The languages a call is said in: Vietnamese first, for the whole hall, then the ticket's own
 * language when this display has a clip set for it (the citizen who took an English or a Jrai
 * number hears it again in that language). Without a set, the TV's written line still shows it.
 */
export function callLanguages(call: Pick<Call, 'language'>, sets: VoiceSets): Lang[] {
  return call.language !== 'vi' && sets[call.language] ? ['vi', call.language] : ['vi'];
}

/**
 * Every clip of one call as a path under `/voice/` ("vi/intro.wav", "en/intro.wav"), in play
 * order. The second language's chime is left out: one chime announces one call.
 */
export function callClips(call: Pick<Call, 'displayCode' | 'counterNumber' | 'language'>, sets: VoiceSets): string[] {
  return callLanguages(call, sets).flatMap((lang, i) => {
    const clips = clipSequence(call, sets[lang]!);
    return (i === 0 ? clips : clips.slice(1)).map((file) => `${lang}/${file}`);
  });
}

/**
 * Loads the Vietnamese set (required: without it the display cannot speak) and every other
 * language's set the hub has. A language without a folder answers 404 and simply has no voice;
 * a set that is there but broken is reported, so a site's own recording does not fail unseen.
 */
export async function loadVoiceSets(baseUrl: string, report: (lang: Lang, problem: unknown) => void): Promise<VoiceSets> {
  const base = withSlash(baseUrl);
  const vi = await loadManifest(`${base}vi/`);
  if (vi === null) throw new Error('Không tìm thấy bộ âm thanh tiếng Việt (/voice/vi/manifest.json)');
  const sets: { vi: ClipManifest } & Partial<Record<Lang, ClipManifest>> = { vi };
  for (const lang of languageCodes) {
    if (lang === 'vi') continue;
    try {
      const manifest = await loadManifest(`${base}${lang}/`);
      if (manifest) sets[lang] = manifest;
    } catch (e) {
      report(lang, e);
    }
  }
  return sets;
}

/** A set's manifest, or null when the hub has no set for that language (404). */
async function loadManifest(baseUrl: string): Promise<ClipManifest | null> {
  const res = await fetch(`${baseUrl}manifest.json`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Không tải được danh sách âm thanh ${baseUrl} (${res.status})`);
  return ClipManifest.parse(await res.json());
}
