import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import type { OpOutput } from '../../../contract/ops';
import { decodeEscPos, textItems } from '../../support/escpos-decoder';
import { EventClient } from '../../support/events';
import { FakePrinter } from '../../support/fake-printer';
import { ALL_DAY, startTestHub, type TestHub } from '../../support/hub';

/** The big number on each captured job, i.e. which ticket came out of the printer. */
const printedCodes = (jobs: Buffer[]) => jobs.map((j) => textItems(decodeEscPos(j)).find((t) => t.width > 1)?.text);

describe('the durable print queue with a real (fake) network printer', () => {
  let hub: TestHub;
  let admin: HubClient;
  let kiosk: HubClient;
  let cat: OpOutput<'catalog.get'>;
  let printer: FakePrinter;
  let printerId: string;
  const issue = () => kiosk['tickets.issue']({ serviceId: cat.services[0]!.id, priorityClassId: null });
  const job = (id: string) => admin['print.job']({ jobId: id });

  beforeAll(async () => {
    hub = await startTestHub();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    cat = await admin['catalog.get']({});
    kiosk = (await hub.device('kiosk')).client;
    printer = await FakePrinter.start();
    printerId = (await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true })).id;
  });
  afterEach(async () => {
    printer.setState({ paperOut: false, coverOpen: false, offline: false });
    await expect.poll(async () => (await admin['printers.list']({}))[0]!.held, { timeout: 10_000 }).toBe(0);
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });

  it('prints the kiosk ticket: the number, one cut, the ticket QR', async () => {
    const t = await issue();
    expect(t.print).toMatchObject({ printerName: 'Máy in kiosk' });
    await expect.poll(async () => (await job(t.print!.jobId)).status).toBe('done');
    const [bytes] = await printer.waitForJobs(1);
    const decoded = decodeEscPos(bytes!);
    expect(printedCodes([bytes!])).toEqual([t.ticket.displayCode]);
    expect(decoded.items.filter((i) => i.kind === 'cut')).toHaveLength(1);
    expect(decoded.items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : []))).toEqual([`MCT1|${t.ticket.id}`]);
    printer.jobs.length = 0;
  });

  it('prints an English ticket in English: the service’s English name, English labels (issue 13: it said "Chứng thực")', async () => {
    const certification = cat.services.find((s) => s.code === 'CT')!;
    expect(certification.nameEn).toBe('Certification');
    const elderly = cat.priorityClasses.find((p) => p.code === 'NCT')!;
    // Printed as text, not as a picture of it, so the decoded bytes can be read back.
    const printerSettings = { name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', cut: true, beep: false, deviceId: null, counterId: null, active: true } as const;
    await admin['admin.savePrinter']({ ...printerSettings, id: printerId, textMode: 'epson-tcvn3' });
    const t = await kiosk['tickets.issue']({ serviceId: certification.id, priorityClassId: elderly.id, language: 'en' });
    expect(t.ticket.language).toBe('en');
    expect(t.shown).toEqual({ serviceName: 'Certification', priorityLabel: 'Elderly (60+)' });
    await expect.poll(async () => (await job(t.print!.jobId)).status).toBe('done');
    const [bytes] = await printer.waitForJobs(1);
    const lines = textItems(decodeEscPos(bytes!)).map((i) => i.text);
    expect(lines).toEqual(expect.arrayContaining(['YOUR NUMBER', t.ticket.displayCode, 'Certification', 'Priority: Elderly (60+)', 'People ahead of you: 0', 'Scan to follow your turn']));
    expect(lines.join('\n')).not.toMatch(/Chứng thực|Số người chờ|Lấy số lúc/);
    // The staff side keeps the Vietnamese: the queue, the counter and the reports.
    expect(t.ticket.serviceName).toBe('Chứng thực');
    // The issued event names the language, so a hub rebuilt from the central gets it back.
    const issued = hub.running.hub.deps.db.prepare(`SELECT json_extract(payload, '$.data.language') FROM outbox WHERE type = 'ticket.issued' AND aggregate_id = ?`).pluck().get(t.ticket.id);
    expect(issued).toBe('en');
    printer.jobs.length = 0;
    await admin['admin.savePrinter']({ ...printerSettings, id: printerId, textMode: 'raster' });
  });

  it('holds jobs while the paper is out, tells staff at once, and prints each exactly once, in order, when paper is back', async () => {
    const staff = await hub.staff('canbo-in');
    const stream = new EventClient(hub.url, (await hub.client()['auth.login']({ username: 'canbo-in', password: 'mat-khau-can-bo-1' })).token);
    await stream.until((s) => s.messages.some((m) => m.type === 'hello'));
    printer.setState({ paperOut: true });
    const tickets = [await issue(), await issue(), await issue()];
    await expect.poll(async () => (await job(tickets[0]!.print!.jobId)).errorCode).toBe('PRINTER_PAPER_OUT');
    const list = await staff['printers.list']({});
    expect(list[0]).toMatchObject({ state: 'paper_out', message: 'Máy in hết giấy. Thay cuộn giấy mới rồi in lại.' });
    expect(list[0]!.held + list[0]!.queued).toBe(3);
    // The counter's event stream heard about it without polling.
    await stream.until((s) => s.messages.some((m) => m.type === 'changed' && m.topics.includes('printers')));
    // Nothing came out while the paper was out; the kiosk sees why.
    expect(printer.jobs).toHaveLength(0);
    expect((await kiosk['print.job']({ jobId: tickets[0]!.print!.jobId })).error).toContain('hết giấy');

    printer.setState({ paperOut: false });
    const jobs = await printer.waitForJobs(3, 10_000);
    expect(printedCodes(jobs)).toEqual(tickets.map((t) => t.ticket.displayCode));
    await new Promise((r) => setTimeout(r, 800));
    expect(printer.jobs).toHaveLength(3); // exactly once each
    for (const t of tickets) expect((await job(t.print!.jobId)).status).toBe('done');
    stream.close();
    printer.jobs.length = 0;
  });

  it('holds a job while the cover is open and prints it once after it closes', async () => {
    printer.setState({ coverOpen: true });
    const t = await issue();
    await expect.poll(async () => (await job(t.print!.jobId)).errorCode).toBe('PRINTER_COVER_OPEN');
    printer.setState({ coverOpen: false });
    expect(printedCodes(await printer.waitForJobs(1, 10_000))).toEqual([t.ticket.displayCode]);
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs).toHaveLength(1);
    printer.jobs.length = 0;
  });

  it('keeps jobs for an unreachable printer and prints them once when it comes back', async () => {
    await printer.refuseConnections();
    const t = await issue();
    await expect.poll(async () => (await job(t.print!.jobId)).errorCode).toBe('PRINTER_UNREACHABLE');
    expect((await admin['printers.list']({}))[0]!.state).toBe('unreachable');
    await printer.acceptConnections();
    expect(printedCodes(await printer.waitForJobs(1, 10_000))).toEqual([t.ticket.displayCode]);
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs).toHaveLength(1);
    printer.jobs.length = 0;
  });

  it('reprints a ticket from the counter on request, and prints a test page', async () => {
    const t = await issue();
    await printer.waitForJobs(1);
    const again = await admin['print.reprintTicket']({ ticketId: t.ticket.id });
    expect(again.title).toBe(`In lại phiếu số ${t.ticket.displayCode}`);
    expect(printedCodes(await printer.waitForJobs(2))).toEqual([t.ticket.displayCode, t.ticket.displayCode]);
    const test = await admin['print.test']({ printerId });
    await expect.poll(async () => (await job(test.id)).status).toBe('done');
    // "done" is the printer's answer after the last byte; the fake files the job when the connection closes.
    await printer.waitForJobs(3);
    expect(printer.jobs).toHaveLength(3);
    printer.jobs.length = 0;
  });

  it('shows the ticket status behind the QR to anyone, with no personal data', async () => {
    const t = await issue();
    const status = await hub.client()['tickets.status']({ ticketId: t.ticket.id });
    expect(status).toEqual({
      displayCode: t.ticket.displayCode, serviceName: 'Hộ tịch', serviceDate: t.ticket.serviceDate, status: 'waiting', peopleAhead: expect.any(Number), counterNumber: null,
      stage: 'waiting', headline: expect.stringMatching(/^Còn \d+ người trước Ông\/Bà$|^Ông\/Bà là người tiếp theo$/), detail: expect.any(String),
      // No counter is open in this file: the page says so.
      notice: expect.stringMatching(/^Chưa có quầy nào đang mở cho dịch vụ này\./),
      siteName: expect.any(String), sampleData: false, language: 'vi',
    });
    await printer.waitForJobs(1);
    printer.jobs.length = 0;
  });
});

describe('closing the hub while a printer is asked for its status', () => {
  it('waits for the status round, and nothing touches the closed database afterwards', async () => {
    const failures: unknown[] = [];
    const onRejection = (e: unknown) => failures.push(e);
    process.on('unhandledRejection', onRejection);
    const silent = await FakePrinter.start();
    silent.setState({ mute: true }); // takes the status query and never answers: the round waits for its timeout
    const hub = await startTestHub({ spooler: { statusIntervalMs: 50, retryDelay: () => 150 } });
    try {
      const admin = await hub.admin();
      await admin['admin.savePrinter']({ name: 'Máy in im lặng', role: 'ticket', address: silent.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
      await expect.poll(() => silent.connections).toBeGreaterThan(0);
      const closing = Date.now();
      await hub.close();
      // The round's status query was still waiting: the close waited for its answer (or timeout).
      expect(Date.now() - closing).toBeGreaterThan(500);
      await new Promise((r) => setTimeout(r, 300));
      expect(failures).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await silent.stop();
    }
  });
});
