import { launchBrowser } from '../test/e2e/support/browser';
import { WEDGE_DEFAULTS } from '../renderer/src/ui/wedge-burst';
import { ms, percentile, table } from './stats';

const CODE = 'MC1|H21.123.45-261126-0042|K7Q2M9';
const BURSTS = 30;

/**
 * The gaps between keydown events Chromium delivers when a burst is typed with no delay (what a
 * keyboard-wedge scanner does), to choose the detector's tolerance (renderer/src/ui/wedge-burst.ts).
 * Run it idle and with both cores busy (`stress-ng --cpu 2`): the busy figures are the ones that count.
 */
export async function wedgeBench(): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<input id="field">');
    await page.evaluate(() => {
      const w = window as unknown as { keys: number[] };
      w.keys = [];
      window.addEventListener('keydown', (e) => w.keys.push(e.timeStamp), true);
    });
    await page.focus('#field');
    const gaps: number[] = [];
    const medians: number[] = [];
    const maxima: number[] = [];
    for (let i = 0; i < BURSTS; i++) {
      await page.evaluate(() => ((window as unknown as { keys: number[] }).keys = []));
      await page.keyboard.type(CODE, { delay: 0 });
      await page.keyboard.press('Enter');
      const at = await page.evaluate(() => (window as unknown as { keys: number[] }).keys);
      const burst = at.slice(1).map((t, j) => t - at[j]!).sort((a, b) => a - b);
      gaps.push(...burst);
      medians.push(percentile(burst, 50));
      maxima.push(burst.at(-1)!);
    }
    gaps.sort((a, b) => a - b);
    medians.sort((a, b) => a - b);
    table(`Keyboard wedge: gaps between keys, ${BURSTS} bursts of ${CODE.length} characters + Enter`, [
      ['gap p50 / p90 / p99 / max', [50, 90, 99, 100].map((p) => ms(percentile(gaps, p))).join(' / ')],
      ['median gap of a burst, worst', ms(medians.at(-1)!)],
      [`bursts with a gap over 30 ms (the old limit)`, `${maxima.filter((m) => m > 30).length} of ${BURSTS}`],
      [`bursts over the median limit (${WEDGE_DEFAULTS.maxMedianGapMs} ms)`, `${medians.filter((m) => m > WEDGE_DEFAULTS.maxMedianGapMs).length} of ${BURSTS}`],
    ]);
  } finally {
    await browser.close();
  }
}
