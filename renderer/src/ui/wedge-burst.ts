/**
 * Tells a keyboard-wedge scanner from a person at the keyboard. The counter screen feeds every
 * keydown (`KeyboardEvent.key`, `timeStamp`); on the Enter a scanner sends after a code it returns
 * the scan, and `typed` (what the keys put into a focused field, to take back out of it).
 *
 * Speed alone is not enough: on a busy PC — or a commune's old one — the browser delivers a
 * scanner's keys in clumps, with stalls of 100 ms and more between them (docs/PERFORMANCE.md). So,
 * in order, a run of keys ending with Enter is a scan when:
 *   1. it carries an AIM symbology identifier (`]Q1` for a QR code), a prefix every common scanner
 *      can be set to send (docs/OPERATIONS.md) — the surest sign, whatever the speed;
 *   2. it ends with one of our own codes (the receipt, ticket or booking QR): a person does not type those,
 *      so however slowly the keys came it is a scan;
 *   3. anything else typed since the last pause: when its typical (median) gap between keys is
 *      scanner-fast. The median ignores a few stalls; a person's is over 60 ms even typing fast.
 * A person typing slowly into a field, then Enter, meets none of these.
 *
 * Only ASCII payloads belong here: a Vietnamese input method rewrites fast keystrokes, so
 * citizen-ID QRs must come through a serial scanner (printing.md).
 */
import { parseAppointmentQr } from '../../../contract/appointments';
import { parseReceiptQr } from '../../../contract/receipt-qr';
import { parseTicketQr } from '../../../contract/ticket-qr';

export interface WedgeKey {
  readonly key: string;
  /** Milliseconds, any monotonic origin (`KeyboardEvent.timeStamp`). */
  readonly at: number;
}

export interface WedgeScan {
  /** The scanned code, without an AIM identifier. */
  readonly text: string;
  /** What the scanner typed (identifier included): the tail of a focused field to take back. */
  readonly typed: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly how: 'identified' | 'ours' | 'fast';
}

export interface WedgeBurstOptions {
  /** Rule 3: the largest median gap between keys (Enter included) of a scanner. */
  readonly maxMedianGapMs?: number;
  /** Rule 3: a gap longer than this is a pause; what follows starts afresh. */
  readonly pauseMs?: number;
  /** Rule 3: the fewest characters of a scan. */
  readonly minLength?: number;
}

/**
 * `npm run bench -- wedge` (docs/PERFORMANCE.md): in Chromium with both cores busy, a burst typed
 * with no delay had gaps of up to 100–125 ms (half of the bursts broke the old 30 ms limit), but
 * its median gap stayed under 20 ms. People type with a median gap of 100–250 ms; the fastest
 * typists stay above 60 ms.
 */
export const WEDGE_DEFAULTS: Required<WedgeBurstOptions> = { maxMedianGapMs: 45, pauseMs: 500, minLength: 6 };

/** Keys a scanner sends around characters (Shift for capitals) that neither add nor break a run. */
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);
/** `]` + symbology letter + modifier (ISO/IEC 15424): `]Q1` QR code, `]C0` Code 128, `]d1` Data Matrix. */
const AIM_ID = /\][A-Za-z][0-9A-Za-z]/g;
/** More is not a scan we act on; it also bounds the work on Enter. */
const MAX_KEPT = 512;

/**
 * One of the codes we print, whole. A booking counts in its QR forms only: its bare code is what a
 * clerk types at the counter (find, cancel), and that must stay in the field.
 */
export function isOurCode(text: string): boolean {
  return parseTicketQr(text) !== null || parseReceiptQr(text).ok || (/^MCA1\||\/hen\//i.test(text) && parseAppointmentQr(text) !== null);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export class WedgeBurstDetector {
  private readonly options: Required<WedgeBurstOptions>;
  /** Characters since the last Enter or other non-character key, with their times. */
  private keys: WedgeKey[] = [];
  /** Where rule 3's run begins in `keys`; null while a non-character key's stream goes on unpaused. */
  private runFrom: number | null = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeBurstOptions = {}) {
    this.options = { ...WEDGE_DEFAULTS, ...options };
  }

  /** The scan when this key is the Enter that completes one; null otherwise. */
  feed(event: WedgeKey): WedgeScan | null {
    if (MODIFIERS.has(event.key)) return null;
    const paused = event.at - this.lastAt > this.options.pauseMs;
    this.lastAt = event.at;
    if (event.key === 'Enter') {
      const scan = this.scanEndingAt(event.at, paused);
      this.keys = [];
      this.runFrom = 0;
      return scan;
    }
    if ([...event.key].length !== 1) {
      // Backspace, Tab, arrows, IME "Process": a person (or an input method) is at work. Only a
      // whole code of ours, or a new run after a pause, can follow.
      this.keys = [];
      this.runFrom = null;
      return null;
    }
    if (paused) this.runFrom = this.keys.length;
    this.keys.push(event);
    if (this.keys.length > MAX_KEPT) {
      this.keys.shift();
      this.runFrom = this.runFrom === null ? null : Math.max(0, this.runFrom - 1);
    }
    return null;
  }

  private scanEndingAt(endedAt: number, enterAfterPause: boolean): WedgeScan | null {
    const keys = this.keys;
    const text = keys.map((k) => k.key).join('');
    const scan = (from: number, code: string, how: WedgeScan['how']): WedgeScan => ({
      text: code,
      typed: text.slice(from),
      startedAt: keys[from]!.at,
      endedAt,
      how,
    });
    const identified = [...text.matchAll(AIM_ID)].at(-1);
    if (identified !== undefined && identified.index + 3 < text.length) {
      return scan(identified.index, text.slice(identified.index + 3), 'identified');
    }
    // The longest tail that is a code of ours; a code never starts with a space (the person's last word ends there).
    for (let from = 0; from < keys.length; from++) {
      if (text[from] !== ' ' && isOurCode(text.slice(from))) return scan(from, text.slice(from), 'ours');
    }
    const from = this.runFrom;
    if (from === null || enterAfterPause || keys.length - from < this.options.minLength) return null;
    const gaps = keys.slice(from + 1).map((k, i) => k.at - keys[from + i]!.at);
    gaps.push(endedAt - keys.at(-1)!.at);
    return median(gaps) <= this.options.maxMedianGapMs ? scan(from, text.slice(from), 'fast') : null;
  }
}
