import CodepageEncoder from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

/**
 * Vietnamese as printer text for genuine Epson TM printers: pages 30 (TCVN-3, lower case) and 31
 * (TCVN-3 capitals), switched per character run with `ESC t` by receipt-printer-encoder.
 * Printing.md: correct in simulation, needs hardware before a release.
 */

/**
 * Every character the two pages can print — printable ASCII and their upper halves (Đ by its own
 * name, see below) — and the line break, which wrapping turns into separate lines.
 */
const PRINTABLE = new Set<string>([
  '\n',
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...(['tcvn3', 'tcvn3capitals'] as const).flatMap((page) =>
    CodepageEncoder.getEncoding(page)
      .codepoints.filter((c) => c >= 0x80 && c !== 0xfffd)
      .map((c) => String.fromCodePoint(c)),
  ),
  '\u0110',
]);

/**
 * Typography the pages lack, mapped to what a clerk would type instead, where Unicode's own
 * compatibility forms (NFKD: "…" → "...", "½" → "1⁄2", odd spaces → space) do not already say.
 */
const NEAREST: Record<string, string> = {
  '\u00b7': '-', // · middle dot, as a separator
  '\u2022': '*', // •
  '\u2027': '-', // ‧
  '\u2010': '-',
  '\u2012': '-',
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-',
  '\u2212': '-', // minus
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2039': "'",
  '\u203a': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2033': '"',
  '\u2044': '/', // fraction slash, from "½"
  '\u00d7': 'x',
  '\u00f7': ':',
  '\u20ab': 'đ', // ₫
  '\u00b0': 'o',
  '\u20ac': 'EUR',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  // The checklist's box to tick (layouts.ts) as text printers can print it.
  '\u2610': '[ ]',
  '\u2190': '<-',
  '\t': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
};

/** One character as the pages can print it: itself, its nearest, its compatibility form without marks, else "?". */
function printable(ch: string): string {
  if (PRINTABLE.has(ch)) return ch;
  const nearest = NEAREST[ch];
  if (nearest !== undefined) return nearest;
  const plain = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain !== ch && plain !== '' ? [...plain].map(printable).join('') : '?';
}

/**
 * The text as TCVN-3 printer text will print it. Applied before wrapping (an ellipsis becomes three
 * columns) and shared by the bytes and the preview.
 */
export function plainForTcvn3(text: string): string {
  return [...text.normalize('NFC')].map(printable).join('');
}

/**
 * The encoder's `tcvn3capitals` table lists the capital Đ at 0xA7 as U+00D0 (Ð), so without this
 * an "Đ" would make it leave TCVN-3 for another page (or print "?"); the glyph at 0xA7 is Đ.
 */
const TO_ENCODER_TABLE: Record<string, string> = { '\u0110': '\u00d0' };

/** One line of text already made printable (`plainForTcvn3`), ending in LF, with the `ESC t` switches it needs. */
export function tcvn3Line(text: string): Buffer {
  const encoder = new ReceiptPrinterEncoder({
    codepageMapping: 'epson',
    // TCVN-3 first: both pages carry ASCII, so a line stays in 30/31 and switches only between
    // lower case and capitals (with PC437 first, "â" or "é" would bounce out to page 0).
    codepageCandidates: ['tcvn3', 'tcvn3capitals'],
    newline: '\n',
    // Wrapping is ours (wrap.ts) and never exceeds 48 columns; the widest setting the encoder
    // accepts keeps it from wrapping again.
    columns: 48,
  });
  const prepared = [...text].map((ch) => TO_ENCODER_TABLE[ch] ?? ch).join('');
  return Buffer.from(encoder.codepage('auto').text(prepared).encode());
}
