/**
 * Greedy word wrap against any width measure (pixels for rasters, columns for printer text).
 * Explicit newlines are kept; a word wider than the line is broken between code points, which is
 * safe for Vietnamese once the text is NFC (each toned letter is one code point).
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // Break at spaces and tabs only: a no-break space keeps "09:05 25/11/2026" on one line.
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(line);
      line = '';
      for (const piece of breakWord(word, maxWidth, measure)) {
        if (line !== '') out.push(line);
        line = piece;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Wrap to the narrowest width that still needs no more lines than `maxWidth` does, so centred
 * text breaks as "Trung tâm Phục vụ hành chính / công huyện Đồng Hỷ" rather than leaving one
 * word alone on the last line.
 */
export function wrapBalanced(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const greedy = wrapText(text, maxWidth, measure);
  if (greedy.length < 2) return greedy;
  let lo = 1;
  let hi = maxWidth;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wrapText(text, mid, measure).length <= greedy.length) hi = mid;
    else lo = mid + 1;
  }
  return wrapText(text, hi, measure);
}

function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  if (measure(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && measure(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}
