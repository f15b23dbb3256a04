import { useLayoutEffect, useRef } from 'react';
import { WedgeBurstDetector } from './wedge-burst';

/**
 * Listens for a keyboard-wedge scanner: a code typed by keys ending with Enter (wedge-burst.ts
 * tells it from a person). What the scanner typed into a focused field is taken back out of it.
 */
export function useWedgeScans(onScan: (text: string) => void): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  // Registered before paint: a scan that arrives the moment the counter appears is not lost.
  useLayoutEffect(() => {
    const detector = new WedgeBurstDetector();
    const onKey = (e: KeyboardEvent) => {
      const scan = detector.feed({ key: e.key, at: e.timeStamp });
      if (!scan) return;
      e.preventDefault();
      const field = document.activeElement;
      if (field instanceof HTMLInputElement && field.value.endsWith(scan.typed)) field.value = field.value.slice(0, -scan.typed.length);
      handler.current(scan.text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
