/**
 * Reads rendered PDFs back the way a person or a scanner would: poppler's pdftotext for the text
 * and word positions, pdftoppm for a picture saved under test-results/forms/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PNG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test-results/forms');

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` of one page or of all. */
export function pdfText(pdf: Buffer, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' }));
}

/**
 * Whitespace runs → one space, so a text that wrapped onto the next line still matches; a word
 * broken after its hyphen at the end of a line ("H21.123.45-" / "261126-0042") is joined again.
 */
export function flat(text: string): string {
  return text
    .replace(/(\S-)\n\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

export function pdfFonts(pdf: Buffer): string[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]);
}

export interface WordBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PageBoxes {
  readonly width: number;
  readonly height: number;
  readonly words: WordBox[];
}

/** Every word with its box in points, page by page (`pdftotext -bbox`). */
export function wordBoxes(pdf: Buffer): PageBoxes[] {
  const html = withFile(pdf, (file) => execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  return html.split('<page ').slice(1).map((chunk, i) => {
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (m): WordBox => ({ page: i + 1, text: m[5], xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4] }),
    );
    return { width: +width, height: +height, words };
  });
}

/** Page 1 as a PNG at 80 dpi in test-results/forms/<name>.png; returns the path. */
export function savePng(pdf: Buffer, name: string): string {
  mkdirSync(PNG_DIR, { recursive: true });
  const prefix = join(PNG_DIR, name);
  withFile(pdf, (file) => execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix]));
  writeFileSync(join(PNG_DIR, `${name}.pdf`), pdf);
  return `${prefix}.png`;
}

/** A page as RGBA pixels (for jsqr), through pdftoppm's grey PGM output. */
export function pageRgba(pdf: Buffer, page: number, dpi: number): { data: Uint8ClampedArray; width: number; height: number } {
  const pgm = withFile(pdf, (file) =>
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 << 20 }),
  );
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const grey = pgm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = grey[i];
    data[4 * i + 3] = 255;
  }
  return { data, width, height };
}
