/**
 * The forms' typeface: Be Vietnam Pro from the @fontsource/be-vietnam-pro npm package, so every
 * hub prints the same letters without relying on the fonts Windows happens to have.
 *
 * Fontsource ships each weight split into unicode-range subsets (latin, latin-ext, vietnamese),
 * as WOFF/WOFF2 for browsers; pdfkit (through fontkit) reads WOFF. The split matters: "Nguyễn"
 * takes N, g, u, n from the latin file and ễ from the vietnamese one, and pdfkit draws a run of
 * text in one font file. So every run is cut where its characters change subset and each piece
 * is drawn in the subset file that holds it (see Typesetter).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/be-vietnam-pro';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

const faceFiles: Record<Face, string> = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
};

/**
 * Order of preference when subsets overlap (Ă, Đ, Ơ, Ư are in both vietnamese and latin-ext): latin
 * holds ASCII and the Latin-1 letters (à, ê, ô …), vietnamese the rest of the alphabet.
 */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];

interface LoadedFonts {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly ranges: ReadonlyMap<Subset, readonly (readonly [number, number])[]>;
}

let loaded: LoadedFonts | undefined;

/** Reads the font files once per process: every PDF embeds a subset of them. */
function fonts(): LoadedFonts {
  if (loaded) return loaded;
  const files = new Map<string, Buffer>();
  for (const face of Object.keys(faceFiles) as Face[]) {
    for (const subset of SUBSETS) {
      const file = require.resolve(`${PACKAGE}/files/be-vietnam-pro-${subset}-${faceFiles[face]}.woff`);
      files.set(fontName(face, subset), readFileSync(file));
    }
  }
  const unicode = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<Subset, string>;
  const ranges = new Map(SUBSETS.map((s) => [s, parseUnicodeRange(unicode[s])] as const));
  loaded = { files, ranges };
  return loaded;
}

/** "U+0102-0103,U+20AB" (CSS unicode-range, as in the package's unicode.json) → [[0x102, 0x103], [0x20ab, 0x20ab]]. */
function parseUnicodeRange(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

function fontName(face: Face, subset: Subset): string {
  return `${face}:${subset}`;
}

/** Registers every face and subset with the document under the names `fontRuns` returns. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fonts().files) doc.registerFont(name, data);
}

function subsetOf(codePoint: number): Subset {
  const { ranges } = fonts();
  for (const subset of SUBSETS) {
    if (ranges.get(subset)!.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)) return subset;
  }
  // Not in the typeface at all: the latin file draws its "missing glyph" box, visible on paper.
  return 'latin';
}

export interface FontRun {
  /** Registered font name. */
  readonly font: string;
  readonly text: string;
}

/** Cuts NFC text into runs that each one font file can draw. */
export function fontRuns(text: string, face: Face): FontRun[] {
  const runs: FontRun[] = [];
  let current: { subset: Subset; text: string } | undefined;
  for (const ch of text) {
    const subset = subsetOf(ch.codePointAt(0)!);
    if (current && current.subset === subset) current.text += ch;
    else {
      if (current) runs.push({ font: fontName(face, current.subset), text: current.text });
      current = { subset, text: ch };
    }
  }
  if (current) runs.push({ font: fontName(face, current.subset), text: current.text });
  return runs;
}
