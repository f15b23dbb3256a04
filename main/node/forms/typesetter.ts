/**
 * Line breaking and drawing of rich text. pdfkit's own wrapper cannot be used: it draws a run in
 * one font file, and a Vietnamese word needs two (see fonts.ts). So words are measured here,
 * broken greedily into lines, and each word is drawn piece by piece at a computed position.
 */
import { fontRuns, type Face } from './fonts';
import type { Align, RichText, Span } from './template';

/**
 * Vertical metrics as fractions of the font size. Be Vietnam Pro's stacked capitals (Ấ, Ễ, Ỗ)
 * reach 1.16 em above the baseline and descenders 0.27 em below, beyond the font's ascent of
 * 1.0 em: the baseline sits low enough in the line that no mark touches the line above.
 */
const LINE_HEIGHT = 1.45;
const BASELINE = 1.17;

export interface Style {
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

interface Piece {
  readonly text: string;
  readonly face: Face;
  readonly width: number;
}

/** Pieces with no space between them, e.g. a bold name followed by a plain comma. */
interface Word {
  readonly pieces: readonly Piece[];
  readonly width: number;
  /**
   * Follows the previous word with no space: the part after a hyphen, where a long dossier code
   * ("H21.123.45-261126-0042") may break to fit a table cell.
   */
  readonly attached?: boolean;
}

export interface Line {
  readonly words: readonly Word[];
  readonly size: number;
  /** Free width of this line (the first may be indented). */
  readonly room: number;
  /** Offset of this line from the block's left edge. */
  readonly indent: number;
  /** Last line of a paragraph or before "\n": never justified. */
  readonly ends: boolean;
}

function faceOf(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export class Typesetter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  lineHeight(size: number): number {
    return size * LINE_HEIGHT;
  }

  width(text: string, face: Face, size: number): number {
    let w = 0;
    for (const run of fontRuns(text, face)) w += this.doc.font(run.font).fontSize(size).widthOfString(run.text);
    return w;
  }

  /** Breaks text into lines `width` wide; the first line starts `firstLineIndent` further right. */
  layout(text: RichText, style: Style, width: number, firstLineIndent = 0): Line[] {
    const lines: Line[] = [];
    const space = this.width(' ', 'regular', style.size);
    for (const paragraph of this.words(text, style)) {
      let words: Word[] = [];
      let used = 0;
      const room = () => width - (lines.length === 0 ? firstLineIndent : 0);
      const flush = (ends: boolean) => {
        const indent = lines.length === 0 ? firstLineIndent : 0;
        lines.push({ words, size: style.size, room: width - indent, indent, ends });
        words = [];
        used = 0;
      };
      for (const word of paragraph) {
        const needed = words.length === 0 ? word.width : used + (word.attached ? 0 : space) + word.width;
        if (needed <= room()) {
          words.push(word);
          used = needed;
          continue;
        }
        if (words.length > 0) flush(false);
        if (word.width <= room()) {
          words.push(word);
          used = word.width;
          continue;
        }
        // A word wider than a whole line (an e-mail, a URL) is cut wherever it has to be.
        for (const part of this.cut(word, style.size, room())) {
          if (words.length > 0) flush(false);
          words.push(part);
          used = part.width;
        }
      }
      flush(true);
    }
    return lines;
  }

  /** Draws lines one under the other from top `y`, each within its room from `x`. */
  draw(lines: readonly Line[], x: number, y: number, align: Align): void {
    for (const line of lines) {
      const natural = this.naturalWidth(line);
      const space = this.width(' ', 'regular', line.size);
      let cx = x + line.indent;
      let gap = space;
      const gaps = line.words.filter((w, i) => i > 0 && !w.attached).length;
      if (align === 'center') cx += (line.room - natural) / 2;
      else if (align === 'right') cx += line.room - natural;
      else if (align === 'justify' && !line.ends && gaps > 0) gap = space + (line.room - natural) / gaps;
      const baseline = y + line.size * BASELINE;
      line.words.forEach((word, i) => {
        if (i > 0 && !word.attached) cx += gap;
        for (const piece of word.pieces) {
          for (const run of fontRuns(piece.text, piece.face)) {
            this.doc.font(run.font).fontSize(line.size);
            this.doc.text(run.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
            cx += this.doc.widthOfString(run.text);
          }
        }
      });
      y += this.lineHeight(line.size);
    }
  }

  naturalWidth(line: Line): number {
    const space = this.width(' ', 'regular', line.size);
    return line.words.reduce((w, word, i) => w + word.width + (i > 0 && !word.attached ? space : 0), 0);
  }

  /** Splits rich text into paragraphs (at "\n") of words, measured. */
  private words(text: RichText, style: Style): Word[][] {
    const spans: readonly Span[] = typeof text === 'string' ? [{ text }] : text;
    const paragraphs: Word[][] = [[]];
    let pieces: Piece[] = [];
    let attached = false;
    const endWord = (next: 'space' | 'hyphen') => {
      if (pieces.length > 0) paragraphs[paragraphs.length - 1].push(word(pieces, attached));
      pieces = [];
      attached = next === 'hyphen';
    };
    for (const span of spans) {
      const face = faceOf(span.bold ?? style.bold, span.italic ?? style.italic);
      // NFC: a decomposed "ễ" (e + two marks) becomes the one precomposed glyph the font has.
      for (const token of span.text.normalize('NFC').match(/\n|[^\S\n]+|[^\s]+/g) ?? []) {
        if (token === '\n') {
          endWord('space');
          paragraphs.push([]);
        } else if (/^\s/.test(token)) endWord('space');
        else {
          // A hyphen inside a token ends a part that the line may break after.
          const parts = token.split(/(?<=-)(?=.)/);
          parts.forEach((part, i) => {
            if (i > 0) endWord('hyphen');
            pieces.push({ text: part, face, width: this.width(part, face, style.size) });
          });
        }
      }
    }
    endWord('space');
    return paragraphs;
  }

  /** Cuts an over-long word into parts that each fit in `room`. */
  private cut(long: Word, size: number, room: number): Word[] {
    const parts: Word[] = [];
    let pieces: Piece[] = [];
    let width = 0;
    for (const piece of long.pieces) {
      let text = '';
      for (const ch of piece.text) {
        const w = this.width(ch, piece.face, size);
        if (width + w > room && width > 0) {
          if (text) pieces.push({ text, face: piece.face, width: this.width(text, piece.face, size) });
          parts.push(word(pieces));
          pieces = [];
          text = '';
          width = 0;
        }
        text += ch;
        width += w;
      }
      if (text) pieces.push({ text, face: piece.face, width: this.width(text, piece.face, size) });
    }
    if (pieces.length > 0) parts.push(word(pieces));
    return parts;
  }
}

function word(pieces: Piece[], attached = false): Word {
  return { pieces, width: pieces.reduce((w, p) => w + p.width, 0), attached };
}
