/**
 * Reads rendered PDFs back the way a person or a scanner would, with PDF.js (pdfjs-dist, from npm:
 * no system tool to install): the text and where each run of it sits on the page, and pictures
 * drawn through @napi-rs/canvas — saved under test-results/forms/ to look at, or handed to a QR
 * reader.
 */
import { createCanvas } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument, VerbosityLevel, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api';

export const PNG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test-results/forms');

/**
 * A run of text set in one go — a line of a paragraph or of a table cell — with its box in points
 * from the page's top left. PDF.js hands text over in pieces (a font change inside a word, e.g. for
 * "Ộ", starts a new piece); pieces that follow one another on a baseline are joined again.
 */
export interface TextBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  /** Distance of the baseline from the top of the page. */
  readonly baseline: number;
}

export interface PageBoxes {
  readonly width: number;
  readonly height: number;
  readonly boxes: TextBox[];
}

export interface ReadPdf {
  readonly pages: PageBoxes[];
  readonly title: string | undefined;
  readonly subject: string | undefined;
  /** The text of one page (1-based) or of all, line by line as on paper (like `pdftotext -layout`). */
  text(page?: number): string;
}

/** Pieces further apart than this (points) on a baseline are separate runs: another cell or column. */
const JOIN_GAP = 0.5;
/** A space wider than this (in ems) is a jump across the page, not a space set in the text. */
const WIDE_SPACE = 0.6;
/** Runs whose baselines differ by less than this (points) are read as one line of the page. */
const SAME_LINE = 2;

function open(pdf: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
}

async function pageBoxes(page: PDFPageProxy, pageNumber: number): Promise<PageBoxes> {
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  const styles: Record<string, TextStyle> = content.styles;
  const boxes: TextBox[] = [];
  let run: { text: string; x0: number; x1: number; base: number; size: number; ascent: number; descent: number } | null = null;
  const close = () => {
    if (run && run.text.trim() !== '') {
      const text = run.text.normalize('NFC').trim();
      boxes.push({
        page: pageNumber,
        text,
        xMin: run.x0,
        xMax: run.x1,
        yMin: height - (run.base + run.ascent * run.size),
        yMax: height - (run.base + run.descent * run.size),
        baseline: height - run.base,
      });
    }
    run = null;
  };
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const piece = item as TextItem;
    const [a, b, , , x, base] = piece.transform;
    const size = Math.hypot(a, b);
    // PDF.js fills a jump to the next cell or column with a space of that width: a break, not text.
    const jump = piece.str.trim() === '' && piece.width > WIDE_SPACE * size;
    const joins = !jump && run !== null && Math.abs(base - run.base) < 0.01 && Math.abs(x - run.x1) <= JOIN_GAP;
    if (!joins) close();
    if (piece.str !== '' && !jump) {
      const style = styles[piece.fontName];
      if (run === null) run = { text: '', x0: x, x1: x, base, size, ascent: style?.ascent ?? 1, descent: style?.descent ?? 0 };
      run.text += piece.str;
      run.x1 = x + piece.width;
    }
    if (piece.hasEOL) close();
  }
  close();
  return { width, height, boxes };
}

function layoutText(page: PageBoxes): string {
  const lines: TextBox[][] = [];
  for (const box of [...page.boxes].sort((p, q) => p.baseline - q.baseline || p.xMin - q.xMin)) {
    const line = lines.at(-1);
    if (line && Math.abs(box.baseline - line[0].baseline) < SAME_LINE) line.push(box);
    else lines.push([box]);
  }
  return lines.map((line) => line.sort((p, q) => p.xMin - q.xMin).map((b) => b.text).join('   ')).join('\n');
}

/** Everything the form tests read from a PDF, in one pass. */
export async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const doc = await open(pdf);
  try {
    const pages: PageBoxes[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await pageBoxes(await doc.getPage(n), n));
    const { info } = await doc.getMetadata();
    const meta = info as { Title?: string; Subject?: string };
    const texts = pages.map(layoutText);
    return { pages, title: meta.Title, subject: meta.Subject, text: (page) => (page ? texts[page - 1] : texts.join('\n\f\n')) };
  } finally {
    await doc.destroy();
  }
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

/** The base names of the fonts embedded in the PDF (subset tags such as "ABCDEF+" included). */
export async function pdfFonts(pdf: Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      const base = object.get(PDFName.of('BaseFont'));
      if (base instanceof PDFName) names.push(base.decodeText());
    }
  }
  return names;
}

/** One page drawn at `dpi` on a white sheet. */
async function drawPage(pdf: Buffer, pageNumber: number, dpi: number) {
  const doc = await open(pdf);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return canvas;
  } finally {
    await doc.destroy();
  }
}

/** Page 1 as a PNG at 80 dpi in test-results/forms/<name>.png (and the PDF beside it); returns the path. */
export async function savePng(pdf: Buffer, name: string, dir = PNG_DIR, dpi = 80): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  writeFileSync(path, (await drawPage(pdf, 1, dpi)).toBuffer('image/png'));
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  return path;
}

/** A page as RGBA pixels (for jsqr). */
export async function pageRgba(pdf: Buffer, page: number, dpi: number): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const canvas = await drawPage(pdf, page, dpi);
  const image = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return { data: image.data, width: image.width, height: image.height };
}
