import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DAY, sameDayClock, startTestHub, type TestHub } from '../support/hub';
import { announcements } from './support/announcements';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';

/**
 * A waiting-room TV in a browser as it comes (no autoplay flag) may not speak until someone makes
 * a gesture, and a TV is rarely a touch screen: it says so, and any key of a remote or a keyboard
 * lets it speak, the call that was waiting included.
 *
 * Headless Chromium plays sound whatever its autoplay flag, so the page gets a desktop browser's
 * rule: `play()` is refused (NotAllowedError) until a real key press, pointer press or click has
 * reached the page (`isTrusted`: what Playwright's keyboard sends, as a remote's key would; the
 * test's own page evaluations count as gestures in Chromium, so its user-activation flag cannot serve).
 */
const desktopAutoplayRule = () => {
  let activated = false;
  for (const type of ['keydown', 'pointerdown', 'click']) addEventListener(type, (e) => (activated ||= e.isTrusted), true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    return activated ? play.call(this) : Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
  };
};

describe('the TV that may not play sound yet', () => {
  let hub: TestHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: sameDayClock() });
    await (await hub.admin())['site.update']({ queueHours: ALL_DAY });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('asks for any key, not a touch, and then speaks the call that waited', async () => {
    const context = await deviceContext(browser, sizes.display, { 'motcua.device.display': (await hub.device('display')).token });
    contexts.push(context);
    await context.addInitScript(desktopAutoplayRule);
    const display = await context.newPage();
    await display.goto(`${hub.url}/display`);
    await expect.poll(() => display.getByText('Xin mời Ông/Bà lấy số thứ tự tại kiosk').isVisible()).toBe(true);
    const admin = await hub.admin();
    const { services, counters } = await admin['catalog.get']({});
    const kiosk = (await hub.device('kiosk')).client;
    await kiosk['tickets.issue']({ serviceId: services.find((s) => s.code === 'HT')!.id, priorityClassId: null });
    const officer = await hub.staff('goi-so');
    await officer['counter.open']({ counterId: counters.find((c) => c.number === 1)!.id });
    await officer['counter.callNext']({});

    const prompt = display.getByRole('button', { name: /Bấm phím bất kỳ hoặc chạm vào màn hình để bật âm thanh đọc số/ });
    await expect.poll(() => prompt.isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(display, 'display-sound-blocked-1920x1080');
    // The call waits for the sound, not lost.
    expect((await announcements(display)).map((a) => a.state)).toEqual(['queued']);

    await display.keyboard.press('Enter');
    await expect.poll(() => prompt.count()).toBe(0);
    await expect.poll(async () => (await announcements(display)).map((a) => a.state), { timeout: 60_000 }).toEqual(['done']);
  });
});
