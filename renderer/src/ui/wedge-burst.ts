/**
 * Tells a keyboard-wedge scanner from a person at the keyboard: a scanner "types" a whole code in
 * a burst (≤ ~30 ms between keys) and ends it with Enter; people type slower than that. The counter
 * screen feeds every keydown (`KeyboardEvent.key`, `timeStamp`) and acts on the bursts returned;
 * `startedAt` lets it take back characters the burst already typed into a focused field.
 *
 * Only ASCII payloads (our receipt QR) belong here: a Vietnamese input method rewrites fast
 * keystrokes, so citizen-ID QRs must come through a serial scanner (printing.md).
 */

export interface WedgeKey {
  readonly key: string;
  /** Milliseconds, any monotonic origin (`KeyboardEvent.timeStamp`). */
  readonly at: number;
}

export interface WedgeBurst {
  readonly text: string;
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface WedgeBurstOptions {
  readonly maxGapMs?: number;
  readonly minLength?: number;
}

/** Keys a scanner sends around characters (Shift for capitals) that neither add nor break a burst. */
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

export class WedgeBurstDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  /** null: a non-character key broke the current stream; nothing counts until the next pause. */
  private chars: string[] | null = [];
  private startedAt = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeBurstOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.minLength = options.minLength ?? 6;
  }

  /** A burst when this key is the Enter that completes one; null otherwise. */
  feed(event: WedgeKey): WedgeBurst | null {
    if (MODIFIERS.has(event.key)) return null;
    // A burst can only begin after a pause, so the tail of a broken one never passes for a scan.
    if (event.at - this.lastAt > this.maxGapMs) this.chars = [];
    this.lastAt = event.at;
    if (event.key === 'Enter') {
      const chars = this.chars;
      this.chars = [];
      return chars !== null && chars.length >= this.minLength ? { text: chars.join(''), startedAt: this.startedAt, endedAt: event.at } : null;
    }
    if ([...event.key].length !== 1) {
      // Backspace, Tab, arrows, IME "Process": a person (or an input method) is at work.
      this.chars = null;
      return null;
    }
    if (this.chars === null) return null;
    if (this.chars.length === 0) this.startedAt = event.at;
    this.chars.push(event.key);
    return null;
  }
}
