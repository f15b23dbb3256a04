/**
 * Vietnamese text folded for searching: no tone or vowel marks, đ → d, lower case, single spaces.
 * "Đăng ký khai sinh" and "dang ky KHAI SINH" fold to the same "dang ky khai sinh". Đ needs its own
 * rule: it is a letter of its own in Unicode, not a D with a mark, so stripping marks keeps it.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A person's or organisation's name folded for searching: as `foldVietnamese`, and the apostrophe
 * of ethnic-minority names dropped, in whichever form the card, the scanner or the keyboard gave it
 * (' ’ ‘ ʼ `), because people type "hbia" for "H'Bia"; a hyphen becomes a space, since it joins
 * words ("Y-Bông") that people type apart. Stored next to the name and applied to the query alike.
 */
export function foldName(text: string): string {
  return foldVietnamese(text.replace(/['’‘ʼ`]/gu, '').replace(/[-‐‑–]/gu, ' '));
}
