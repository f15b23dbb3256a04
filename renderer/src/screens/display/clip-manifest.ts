import { z } from 'zod';

/**
 * One language's voice clip set: `resources/voice/<lang>/manifest.json` (voice-sets.ts loads them).
 * File names are relative to the manifest's folder. It is the seam a human recording replaces the generated
 * espeak-ng set through (resources/voice/README.md), so it is checked when loaded rather than
 * trusted: a broken hand-made manifest should fail loudly once, not stall every announcement.
 */
const FileName = z.string().regex(/^[\w.-]+$/, 'a plain file name in the manifest folder');

export const ClipManifest = z.object({
  chime: FileName,
  /** "Mời công dân có số thứ tự". */
  intro: FileName,
  /** "đến quầy số". */
  toCounter: FileName,
  /** Ticket prefix letters A–Z; a letter without a clip is skipped when spoken. */
  letters: z.record(z.string().regex(/^[A-Z]$/), FileName),
  /** Digits "0"–"9", read one by one for the ticket number. */
  digits: z.record(z.string().regex(/^\d$/), FileName),
  /** Counter numbers as words ("21" → "hai mươi mốt"); numbers without a clip are read digit by digit. */
  numbers: z.record(z.string().regex(/^[1-9]\d{0,2}$/), FileName),
  /** Silence between two clips of one announcement. */
  gapMs: z.int().min(0).max(2000),
});
export type ClipManifest = z.infer<typeof ClipManifest>;

export function withSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}
