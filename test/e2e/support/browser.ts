import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: the test never downloads a browser (these machines cannot). */
export const CHROMIUM = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';

export const sizes = {
  kiosk: { width: 1080, height: 1920 },
  kioskSmall: { width: 768, height: 1024 },
  display: { width: 1920, height: 1080 },
  counter: { width: 1366, height: 768 },
  rating: { width: 1280, height: 800 },
  admin: { width: 1366, height: 768 },
  /** A citizen's phone on the site's Wi-Fi (the pages behind the QR codes). */
  phone: { width: 390, height: 844 },
} as const;

/**
 * Under faketime (the suite's run at an awkward hour), libfaketime's LD_PRELOAD makes Chromium some
 * 200 times slower — a page load takes 20 s: the browser runs on the real clock, and each page gets
 * the test's (faked) clock from deviceContext instead.
 */
const faked = process.env.FAKETIME !== undefined;
const browserEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: browserEnv,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // The waiting-room TV speaks without anyone tapping it (as kiosk browsers are configured).
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * A browser context per device, with its credential already in localStorage (as after pairing).
 * Vietnamese unless `locale` says otherwise (a browser left in English, as bought).
 */
export async function deviceContext(
  browser: Browser,
  size: { width: number; height: number },
  storage: Record<string, string> = {},
  locale = 'vi-VN',
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: size, locale, timezoneId: 'Asia/Ho_Chi_Minh' });
  if (faked) await context.clock.install({ time: Date.now() });
  if (Object.keys(storage).length > 0) {
    await context.addInitScript((entries: Record<string, string>) => {
      for (const [k, v] of Object.entries(entries)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    }, storage);
  }
  return context;
}

/** A screen of the hub at `url` in its own device context, added to `contexts` for closing at the end. */
export async function openScreen(
  browser: Browser, contexts: BrowserContext[], url: string, size: { width: number; height: number }, storage: Record<string, string> = {},
  /** The page's timers on Playwright's clock, so a test jumps past an idle time (`page.clock.fastForward`) instead of waiting it out. */
  options: { fakeTimers?: boolean } = {},
): Promise<Page> {
  const context = await deviceContext(browser, size, storage);
  contexts.push(context);
  // Under FAKETIME deviceContext has installed the clock already.
  if (options.fakeTimers && !faked) await context.clock.install({ time: Date.now() });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const shotsDir = join(import.meta.dirname, '..', '..', '..', 'test-results', 'screens');

/** Saves a screenshot at the page's real size for people to look at (test-results/screens). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  const path = join(shotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Collects a page's script errors and console errors into `problems` — except the browser's own
 * "Failed to load resource" line for a refused request's 4xx, which the screens expect (a wrong
 * password) and show in words.
 */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
}

/** A page in a context of its own whose problems are collected (`watchProblems`). */
export async function watchedPage(browser: Browser, size: { width: number; height: number }, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await deviceContext(browser, size);
  const page = await context.newPage();
  watchProblems(page, problems);
  return { context, page };
}
