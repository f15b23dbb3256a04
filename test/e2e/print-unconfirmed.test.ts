import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePrinter } from '../support/fake-printer';
import { ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { openCounter } from './support/counter-login';

describe('a ticket the printer did not confirm, at the counter', () => {
  let hub: TestHub;
  let browser: Browser;
  let printer: FakePrinter;
  let context: BrowserContext;

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, spooler: { statusIntervalMs: 150, retryDelay: () => 150, confirmTimeoutMs: 1000 } });
    browser = await launchBrowser();
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in kiosk sảnh', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    await hub.staff('xac-nhan');
    context = await deviceContext(browser, sizes.counter);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('says so, and lets the officer record that the paper did come out (Shift+F10, "Đã ra giấy")', async () => {
    const counter = await context.newPage();
    await openCounter(counter, hub.url, 'xac-nhan', STAFF_PASSWORD, '1');
    printer.setState({ jammed: true });
    const kiosk = (await hub.device('kiosk')).client;
    const catalog = await hub.catalog();
    const t = await kiosk['tickets.issue']({ serviceId: catalog.services[0]!.id, priorityClassId: null });

    await expect.poll(() => counter.getByText(/1 phiếu chưa in được — Máy in kiosk sảnh: Máy in không xác nhận đã in xong phiếu này/).isVisible()).toBe(true);
    await counter.keyboard.press('Shift+F10');
    const dialog = counter.getByRole('dialog');
    await expect.poll(() => dialog.getByText(`Đã ra giấy: Phiếu số ${t.ticket.displayCode}`).isVisible()).toBe(true);
    await screenshot(counter, 'counter-print-not-confirmed-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);

    await dialog.getByText(`Đã ra giấy: Phiếu số ${t.ticket.displayCode}`).click();
    await expect.poll(() => counter.getByText('Đã ghi nhận phiếu đã in.').isVisible()).toBe(true);
    await expect.poll(() => counter.getByText(/phiếu chưa in được/).isVisible()).toBe(false);
    const admin = await hub.admin();
    expect(await admin['print.job']({ jobId: t.print!.jobId })).toMatchObject({ status: 'done', outcomeUnknown: false });
  });
});
