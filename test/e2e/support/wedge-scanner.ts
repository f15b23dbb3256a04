import type { Page } from 'playwright-core';

/** How far apart a keyboard-wedge scanner's keys are, by the events' own clock. */
const KEY_GAP_S = 0.004;

/**
 * Reads `text` into the page as a keyboard-wedge scanner does: a burst of keys ending with Enter.
 * Each key carries its own event time (CDP `timestamp`, which becomes `KeyboardEvent.timeStamp`),
 * a few ms apart as from the scanner's hardware — so the burst is a burst however busy the machine
 * is; typed key by key through the test driver, a pause of the page could split it.
 */
export async function scanWithWedge(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    const keys = [...text].map((k) => ({ key: k, text: k })).concat({ key: 'Enter', text: '\r' });
    for (const [i, k] of keys.entries()) {
      const timestamp = start + i * KEY_GAP_S;
      const enter = k.key === 'Enter' ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {};
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, ...enter, timestamp });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, ...enter, timestamp: timestamp + KEY_GAP_S / 2 });
    }
  } finally {
    await cdp.detach();
  }
}
