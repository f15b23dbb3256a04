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
