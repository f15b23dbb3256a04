import { describe, expect, it } from 'vitest';
import { WedgeBurstDetector, type WedgeKey } from '../../../renderer/src/ui/wedge-burst';

/** Keys of `text` then Enter, `gapMs` apart, from `start`; capitals preceded by Shift like a scanner. */
function typed(text: string, gapMs: number, start = 1000): WedgeKey[] {
  const keys: WedgeKey[] = [];
  let at = start;
  for (const ch of text) {
    if (ch !== ch.toLowerCase()) keys.push({ key: 'Shift', at });
    keys.push({ key: ch, at });
    at += gapMs;
  }
  keys.push({ key: 'Enter', at });
  return keys;
}

function feedAll(detector: WedgeBurstDetector, keys: WedgeKey[]) {
  return keys.map((k) => detector.feed(k)).filter((b) => b !== null);
}

describe('keyboard-wedge burst', () => {
  it('recognises a scanner burst ending in Enter', () => {
    const bursts = feedAll(new WedgeBurstDetector(), typed('MC1|0001|K7P9QT', 8));
    expect(bursts).toEqual([{ text: 'MC1|0001|K7P9QT', startedAt: 1000, endedAt: 1000 + 15 * 8 }]);
  });

  it('ignores a person typing, even fast typists', () => {
    expect(feedAll(new WedgeBurstDetector(), typed('MC1|0001|K7P9QT', 80))).toEqual([]);
  });

  it('needs six characters', () => {
    expect(feedAll(new WedgeBurstDetector(), typed('A015', 5))).toEqual([]);
    expect(feedAll(new WedgeBurstDetector(), typed('A01501', 5))).toHaveLength(1);
  });

  it('starts a new burst after a pause, keeping only the scanned part', () => {
    const keys = [...typed('abc', 120).slice(0, -1), ...typed('MC1|0001|K7P9QT', 5, 2000)];
    expect(feedAll(new WedgeBurstDetector(), keys).map((b) => b.text)).toEqual(['MC1|0001|K7P9QT']);
  });

  it('drops a burst broken by an input method (Backspace, Process) or a slow Enter', () => {
    const rewritten = typed('MC1|0001|K7P9QT', 5);
    rewritten.splice(5, 0, { key: 'Backspace', at: 1020 });
    expect(feedAll(new WedgeBurstDetector(), rewritten)).toEqual([]);
    const lateEnter = typed('MC1|0001|K7P9QT', 5);
    lateEnter[lateEnter.length - 1] = { key: 'Enter', at: 5000 };
    expect(feedAll(new WedgeBurstDetector(), lateEnter)).toEqual([]);
  });

  it('honours custom thresholds', () => {
    const detector = new WedgeBurstDetector({ maxGapMs: 60, minLength: 4 });
    expect(feedAll(detector, typed('A015', 50))).toEqual([{ text: 'A015', startedAt: 1000, endedAt: 1200 }]);
  });
});
