import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { decodeEscPos, renderDecodedToPng, textItems } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ALL_DAY, sameDayClock, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { announcements } from './support/announcements';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';

/**
 * Issue 13, item 4: a citizen who takes the number in English is spoken to in English all the
 * way — the kiosk, the printed ticket (it printed "Service: Chứng thực" although "Certification"
 * is configured), the page behind its QR, the TV's line and the rating tablet (it asked in
 * Vietnamese) — and services, priority groups and the rating scale have pictograms.
 */
describe('an English ticket from the kiosk to the rating tablet', () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let printer: FakePrinter;
  let tokens: { kiosk: string; display: string; rating: string };
  let counterId: string;
  const contexts: BrowserContext[] = [];
  const open = (path: string, size: { width: number; height: number }, storage: Record<string, string> = {}) => openScreen(browser, contexts, `${hub.url}${path}`, size, storage);

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: sameDayClock() });
    browser = await launchBrowser();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY, printing: { ticketFooter: '', lookupBaseUrl: hub.url, provinceLookupUrl: null } });
    printer = await FakePrinter.start();
    // Text, not a picture of it: the printed words are read back from the bytes.
    await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    counterId = (await admin['catalog.get']({})).counters.find((c) => c.number === 1)!.id;
    tokens = { kiosk: (await hub.device('kiosk')).token, display: (await hub.device('display')).token, rating: (await hub.device('rating', counterId)).token };
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('kiosk → printed ticket → phone page → TV → rating tablet, all in English', async () => {
    const kiosk = await open('/kiosk', sizes.kiosk, { 'motcua.device.kiosk': tokens.kiosk });
    await expect.poll(() => kiosk.getByRole('button', { name: /^Chứng thực/ }).isVisible()).toBe(true);
    // Every tile has its service's pictogram, drawn as SVG.
    expect(await kiosk.locator('.kiosk-tile svg[data-pictogram]').evaluateAll((s) => s.map((e) => e.getAttribute('data-pictogram')))).toEqual(['civil_status', 'certification', 'land', 'business']);
    await screenshot(kiosk, 'lang-kiosk-services-vi-1080x1920');

    await kiosk.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Please choose a service' }).isVisible()).toBe(true);
    await screenshot(kiosk, 'lang-kiosk-services-en-1080x1920');
    expect(await accessibilityProblems(kiosk, 64)).toEqual([]);
    await kiosk.getByRole('button', { name: /^Certification/ }).click();
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Are you entitled to priority service?' }).isVisible()).toBe(true);
    await kiosk.getByRole('button', { name: 'I am entitled to priority' }).click();
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Which group?' }).isVisible()).toBe(true);
    // The groups of the law have their signs: elderly, disabled, pregnant, child (and merit).
    expect(await kiosk.locator('.kiosk-priority-choice svg[data-pictogram]').evaluateAll((s) => s.map((e) => e.getAttribute('data-pictogram')))).toEqual(['merit', 'disabled', 'elderly', 'pregnant', 'child']);
    await screenshot(kiosk, 'lang-kiosk-priority-en-1080x1920');
    expect(await accessibilityProblems(kiosk, 64)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Elderly (60+)' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toBe('B001');
    await expect.poll(() => kiosk.getByTestId('ticket-service').textContent()).toBe('Certification · Priority: Elderly (60+)');
    await expect.poll(() => kiosk.getByText('Please take your printed ticket below.').isVisible()).toBe(true);
    await screenshot(kiosk, 'lang-kiosk-ticket-en-1080x1920');

    // The paper, read back from the bytes the printer received.
    const [bytes] = await printer.waitForJobs(1);
    const job = decodeEscPos(bytes!);
    const lines = textItems(job).map((t) => t.text);
    expect(lines).toEqual(expect.arrayContaining(['YOUR NUMBER', 'B001', 'Certification', 'Priority: Elderly (60+)', 'People ahead of you: 0', 'Scan to follow your turn']));
    expect(lines.join('\n')).not.toContain('Chứng thực');
    mkdirSync('test-results/print', { recursive: true });
    writeFileSync('test-results/print/english-ticket-from-bytes.png', renderDecodedToPng(job, 576));
    const qr = job.items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : []));

    // The page behind the ticket's QR, on the citizen's phone.
    const phone = await openScreen(browser, contexts, qr[0]!, sizes.phone);
    await expect.poll(() => phone.getByRole('heading', { name: 'You are next' }).isVisible()).toBe(true);
    expect(await phone.getByTestId('ticket-service').textContent()).toBe('Certification');
    expect(await phone.getByText('Your number', { exact: true }).isVisible()).toBe(true);
    await screenshot(phone, 'lang-citizen-ticket-en-390x844');
    expect(await accessibilityProblems(phone, null)).toEqual([]);

    // The call: the TV says it in Vietnamese for the hall, with a line in English for this citizen.
    const display = await open('/display', sizes.display, { 'motcua.device.display': tokens.display });
    await expect.poll(() => display.getByText('Xin mời Ông/Bà lấy số thứ tự tại kiosk').isVisible()).toBe(true);
    const rating = await open('/rating', sizes.rating, { 'motcua.device.rating': tokens.rating });
    await expect.poll(() => rating.getByRole('heading', { name: 'Quầy số 1' }).isVisible()).toBe(true);
    const officer = await hub.staff('goi-so');
    await officer['counter.open']({ counterId });
    const called = await officer['counter.callNext']({});
    expect(called.ticket?.displayCode).toBe('B001');
    await expect.poll(() => display.getByTestId('display-code').textContent()).toBe('B001');
    await expect.poll(() => display.getByTestId('display-line-lang').textContent()).toBe('Number B001, please go to counter 1');
    await expect.poll(() => phone.getByRole('heading', { name: 'Please go to counter 1' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(phone, 'lang-citizen-ticket-called-en-390x844');
    // Spoken from the clip sets the hub serves: Vietnamese, then the English set where the hub has one.
    await expect.poll(async () => (await announcements(display)).map((a) => a.state), { timeout: 60_000 }).toEqual(['done']);
    const [spoken] = await announcements(display);
    expect(spoken!.clips).toEqual([
      'vi/chime.wav', 'vi/intro.wav', 'vi/letter-B.wav', 'vi/digit-0.wav', 'vi/digit-0.wav', 'vi/digit-1.wav', 'vi/to-counter.wav', 'vi/number-1.wav',
      'en/intro.wav', 'en/letter-B.wav', 'en/digit-0.wav', 'en/digit-0.wav', 'en/digit-1.wav', 'en/to-counter.wav', 'en/number-1.wav',
    ]);
    expect(spoken!.missed).toEqual([]);
    await screenshot(display, 'lang-display-en-1920x1080');
    expect(await accessibilityProblems(display, null)).toEqual([]);

    // Served: the tablet asks this citizen the admin's English question, with English levels and faces.
    await officer['counter.start']({ ticketId: called.ticket!.id });
    await officer['counter.finish']({ ticketId: called.ticket!.id });
    await expect.poll(() => rating.getByRole('heading', { name: 'Are you satisfied with how your application was received and handled?' }).isVisible()).toBe(true);
    expect(await rating.getByText('Number B001 · Certification').isVisible()).toBe(true);
    expect(await rating.locator('.rating-choice svg[data-pictogram]').evaluateAll((s) => s.map((e) => e.getAttribute('data-pictogram')))).toEqual(['very_happy', 'neutral', 'very_unhappy']);
    await screenshot(rating, 'lang-rating-en-1280x800');
    expect(await accessibilityProblems(rating, 64)).toEqual([]);
    await rating.getByRole('button', { name: 'Not satisfied' }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'What were you not satisfied with?' }).isVisible()).toBe(true);
    await rating.getByText('Long wait').click();
    await screenshot(rating, 'lang-rating-why-en-1280x800');
    await rating.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'Thank you for your rating!' }).isVisible()).toBe(true);
    // The rating is stored by its code, the same whatever the language it was asked in.
    expect(hub.running.hub.deps.db.prepare('SELECT score, reasons FROM ratings').all()).toEqual([{ score: 'unsatisfied', reasons: '["long_wait"]' }]);
  });
});
