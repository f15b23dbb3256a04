import { z } from 'zod';
import { hasBadChar } from '../../contract/safe-text';
import { IsoTime, VnDate } from '../../contract/scalars';

/**
 * What PostgreSQL cannot hold, checked before anything reaches it: one value the database refuses
 * fails the statement, and with it the batch of every event behind it. PostgreSQL refuses U+0000
 * in `text` and `jsonb`, a lone UTF-16 surrogate once JSON is read into text or jsonb, a year 0000
 * in a timestamp, an `integer` beyond 2³¹−1; its JSON parser and V8's JSON.stringify run out of
 * stack on deeply nested values.
 */

/** U+0000, or a UTF-16 surrogate without its other half. */
const UNSTORABLE_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Hub payloads nest four levels; anything near this is not an event. */
export const MAX_DEPTH = 32;
export const INT32_MAX = 2 ** 31 - 1;

export const storableText = (s: string): boolean => !UNSTORABLE_CHAR.test(s);

/**
 * Why a JSON value cannot be stored (any string, object key or depth), or null. Walks with its own
 * stack: the value may be nested far deeper than the JS stack allows recursion.
 */
export function unstorableJson(value: unknown, strict = false): string | null {
  // Strict (back-office bodies): what the hub's own inputs refuse (contract/safe-text.ts).
  const bad = strict ? hasBadChar : (s: string) => UNSTORABLE_CHAR.test(s);
  const what = strict ? 'ký tự điều khiển' : 'ký tự U+0000 hoặc nửa cặp UTF-16';
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (bad(v)) return `có ${what}`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) return `lồng nhau quá ${MAX_DEPTH} tầng`;
      for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
        if (typeof k === 'string' && bad(k)) return `có ${what} trong tên trường`;
        stack.push([x, depth + 1]);
      }
    }
  }
  return null;
}

/** An instant both JS (`toISOString`, four-digit years) and PostgreSQL's timestamptz can hold. */
function storableInstant(iso: string): boolean {
  const year = new Date(Date.parse(iso)).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

const TIME_RANGE = 'Thời điểm phải nằm trong khoảng năm 0001–9999.';
export const StorableTime = IsoTime.refine(storableInstant, TIME_RANGE);
export const StorableDate = VnDate.refine((d) => !d.startsWith('0000'), TIME_RANGE);
export const Int32 = z.int().min(-INT32_MAX - 1).max(INT32_MAX);

