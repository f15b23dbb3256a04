import type { Page } from 'playwright-core';

/**
 * Presses keys the moment `selector` first appears: in the microtask after the DOM change that
 * shows it, before the browser paints and before React runs its passive effects. That is what a
 * scanner's burst or a quick hand does to a screen that appears on a busy PC, made certain rather
 * than left to the load of the machine. Install before the change that shows the element; the
 * returned function tells whether the keys have been pressed yet.
 */
export async function pressAtFirstSight(page: Page, selector: string, keys: readonly string[]): Promise<() => Promise<boolean>> {
  const flag = `__firstSight${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  await page.evaluate(
    ([sel, ks, name]) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        observer.disconnect();
        for (const key of ks) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        (window as unknown as Record<string, boolean>)[name] = true;
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
    [selector, keys, flag] as const,
  );
  return () => page.evaluate((name) => (window as unknown as Record<string, boolean>)[name] === true, flag);
}
