import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

/**
 * Vietnamese as printer text for genuine Epson TM printers: pages 30 (TCVN-3, lower case) and 31
 * (TCVN-3 capitals), switched per character run with `ESC t` by receipt-printer-encoder.
 * Printing.md: correct in simulation, needs hardware before a release.
 */

/** Typography the TCVN-3 pages lack, mapped to what a clerk would type instead of printing "?". */
const PLAIN: Record<string, string> = {
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2022': '*',
};

/**
 * The encoder's `tcvn3capitals` table lists the capital Đ at 0xA7 as U+00D0 (Ð), so without this
 * an "Đ" would make it leave TCVN-3 for another page (or print "?"); the glyph at 0xA7 is Đ.
 */
const TO_ENCODER_TABLE: Record<string, string> = { '\u0110': '\u00d0' };

export function plainForTcvn3(text: string): string {
  return [...text.normalize('NFC')].map((ch) => PLAIN[ch] ?? ch).join('');
}

/** One line of text ending in LF, with the `ESC t` switches it needs. */
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
  const prepared = [...plainForTcvn3(text)].map((ch) => TO_ENCODER_TABLE[ch] ?? ch).join('');
  return Buffer.from(encoder.codepage('auto').text(prepared).encode());
}
