import type { z } from 'zod';

/**
 * Characters no person types and no paper carries: C0 controls other than tab, line feed and
 * carriage return, DEL, C1 controls, and UTF-16 surrogates without their pair. They break what
 * the text goes into — SQLite's full-text search (a NUL is a syntax error), PostgreSQL at the
 * central (no U+0000 in text or jsonb: one such event would stop a site's sync), printers, PDFs.
 */
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const BAD_CHAR = new RegExp(`[${CONTROL}]|${LONE_SURROGATE}`);

/** No input of ours nests deeper than this; deeper is an attack on the parser, not data. */
const MAX_DEPTH = 32;

export function hasBadChar(text: string): boolean {
  return BAD_CHAR.test(text);
}

/**
 * The same text without them, for what was stored before inputs refused them: control
 * characters dropped, a surrogate without its pair replaced by U+FFFD.
 */
export function cleanText(text: string): string {
  return text.replace(new RegExp(`[${CONTROL}]`, 'g'), '').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');
}

/**
 * The check every operation's input gets (contract/op.ts): every string at any depth, keys
 * included, so no free-text field can be forgotten when a schema is added.
 */
export function rejectBadText(value: unknown, ctx: z.RefinementCtx): void {
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === 'string') {
      if (hasBadChar(v)) ctx.addIssue({ code: 'custom', path, message: 'Có ký tự điều khiển hoặc ký tự không hợp lệ; hãy nhập lại.' });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (path.length >= MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', path, message: 'Dữ liệu lồng nhau quá sâu.' });
      return;
    }
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      if (typeof k === 'string' && hasBadChar(k)) ctx.addIssue({ code: 'custom', path, message: 'Tên trường có ký tự không hợp lệ.' });
      else walk(child, [...path, k]);
    }
  };
  walk(value, []);
}
