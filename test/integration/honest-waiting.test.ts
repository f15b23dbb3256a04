import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { HubError } from '../../contract/errors';
import type { OpOutput } from '../../contract/ops';
import { FakeClock } from '../support/clock';
import { decodeEscPos, textItems } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { startTestHub, type TestHub } from '../support/hub';

/** The printed lines of a job, joined: a long sentence wraps over several lines on 80 mm paper. */
const printedText = (job: Buffer) => textItems(decodeEscPos(job)).map((t) => t.text).join(' ').replace(/\u00a0/g, ' ');

/**
 * Issue 13 item 5, "honest waiting": with no counter open for a service the kiosk, the printed
 * ticket and the citizen's page say so instead of promising minutes; the site's usual hours
 * (Mon–Fri 07:00–11:30, 13:00–17:00) and the national calendar's default sessions (07:30–11:30,
 * 13:30–17:00). The clock is fake: nothing depends on the hour the suite runs.
 */
describe('no counter open for a service', () => {
  const clock = new FakeClock('2026-11-25T07:10:00+07:00'); // a Wednesday, before the first session
  let hub: TestHub;
  let cat: OpOutput<'catalog.get'>;
  let kiosk: HubClient;
  let officer: HubClient;
  let printer: FakePrinter;
  const hoTich = () => cat.services.find((s) => s.name === 'Hộ tịch')!;
  const menuEntry = async () => (await kiosk['kiosk.menu']({})).services.find((s) => s.id === hoTich().id)!;
  const issue = () => kiosk['tickets.issue']({ serviceId: hoTich().id, priorityClassId: null });

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    cat = await admin['catalog.get']({});
    kiosk = (await hub.device('kiosk')).client;
    officer = await hub.staff('canbo1');
    printer = await FakePrinter.start();
    // Text mode, so the decoder reads the printed words back (raster mode prints pictures of them);
    // TCVN3 has no en dash, so a range prints "15-25".
    await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: null, active: true });
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });

  it('before the first session: the menu, the ticket and the paper say no counter is open and when one is expected', async () => {
    const expected = 'Chưa có quầy nào đang mở cho dịch vụ này. Quầy\u00a0dự\u00a0kiến\u00a0mở\u00a0lúc\u00a007:30.';
    const entry = await menuEntry();
    expect(entry.open).toBe(true);
    expect(entry.waitEstimate).toEqual({ kind: 'noCounter', opensAt: '07:30', text: expected });

    const issued = await issue();
    expect(issued.waitEstimate).toEqual({ kind: 'noCounter', opensAt: '07:30', text: expected });
    expect(issued.print).not.toBeNull();
    const [job] = await printer.waitForJobs(1);
    const paper = printedText(job!);
    expect(paper).toContain(expected.replace(/\u00a0/g, ' '));
    expect(paper).not.toMatch(/phút/);
  });

  it('inside a session with every counter closed: no counter open, and no time promised', async () => {
    clock.set('2026-11-25T08:00:00+07:00');
    const issued = await issue();
    expect(issued.waitEstimate).toEqual({ kind: 'noCounter', opensAt: null, text: 'Chưa có quầy nào đang mở cho dịch vụ này.' });
    const [, job] = await printer.waitForJobs(2);
    expect(printedText(job!)).toContain('Chưa có quầy nào đang mở cho dịch vụ này.');
    // The citizen's page behind the QR says it too.
    const status = await hub.client()['tickets.status']({ ticketId: issued.ticket.id });
    expect(status.notice).toBe('Chưa có quầy nào đang mở cho dịch vụ này.');
  });

  it('a counter opens: a range again, on the menu, the ticket, the paper and the citizen’s page', async () => {
    await officer['counter.open']({ counterId: cat.counters.find((c) => c.number === 1)!.id });
    const entry = await menuEntry();
    expect(entry.waitEstimate).toMatchObject({ kind: 'range', text: expect.stringMatching(/^khoảng \d+–\d+ phút$/) });
    const issued = await issue();
    expect(issued.waitEstimate).toMatchObject({ kind: 'range' });
    const [, , job] = await printer.waitForJobs(3);
    expect(printedText(job!)).toMatch(/Thời gian chờ khoảng \d+[–-]\d+ phút/);
    expect(printedText(job!)).not.toContain('Chưa có quầy');
    const status = await hub.client()['tickets.status']({ ticketId: issued.ticket.id });
    expect(status.notice).toBeNull();
  });

  it('a reprint of a ticket issued with no counter open says what the hub says now, not a blank wait', async () => {
    const first = (await (await hub.admin())['tickets.list']({})).find((t) => t.displayCode === 'A001')!;
    await (await hub.admin())['print.reprintTicket']({ ticketId: first.id });
    const [, , , job] = await printer.waitForJobs(4);
    expect(printedText(job!)).toMatch(/A001 .*Thời gian chờ khoảng \d+[–-]\d+ phút/);
  });

  it('the only open counter pauses: no counter open again', async () => {
    await officer['counter.setPaused']({ paused: true });
    expect((await menuEntry()).waitEstimate).toMatchObject({ kind: 'noCounter' });
    await officer['counter.setPaused']({ paused: false });
    expect((await menuEntry()).waitEstimate).toMatchObject({ kind: 'range' });
  });

  it('at lunch, with the counter closed and numbers still taken, it names the afternoon session', async () => {
    await officer['counter.close']({});
    clock.set('2026-11-25T13:10:00+07:00');
    const issued = await issue();
    expect(issued.waitEstimate).toEqual({ kind: 'noCounter', opensAt: '13:30', text: 'Chưa có quầy nào đang mở cho dịch vụ này. Quầy\u00a0dự\u00a0kiến\u00a0mở\u00a0lúc\u00a013:30.' });
  });
});

describe('the working calendar at the kiosk (national schedule 2026)', () => {
  const clock = new FakeClock('2026-08-22T09:00:00+07:00'); // Saturday 22/8, worked for Monday 31/8
  let hub: TestHub;
  let kiosk: HubClient;
  let serviceId: string;

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    serviceId = (await admin['catalog.get']({})).services.find((s) => s.name === 'Hộ tịch')!.id;
    kiosk = (await hub.device('kiosk')).client;
  });
  afterAll(async () => hub?.close());

  it('issues on the làm bù Saturday, though the weekly hours have no Saturday', async () => {
    expect((await kiosk['kiosk.menu']({})).services.find((s) => s.id === serviceId)).toMatchObject({ open: true, closedReason: null });
    const issued = await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
    expect(issued.ticket.displayCode).toBe('A001');
  });

  it('an ordinary Saturday stays closed', async () => {
    clock.set('2026-08-29T09:00:00+07:00');
    expect((await kiosk['kiosk.menu']({})).services.find((s) => s.id === serviceId)!.open).toBe(false);
  });

  it('refuses on the Monday swapped away, saying it is a day off', async () => {
    clock.set('2026-08-31T09:00:00+07:00');
    const refused = await kiosk['tickets.issue']({ serviceId, priorityClassId: null }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubError);
    expect(refused).toMatchObject({ code: 'SERVICE_CLOSED', message: 'Hôm nay là ngày nghỉ: Nghỉ hoán đổi (làm bù thứ Bảy 22/8). Không cấp số thứ tự.' });
  });

  it('refuses on Quốc khánh (Wednesday 2/9) with the holiday named, on the menu and at issue', async () => {
    clock.set('2026-09-02T09:00:00+07:00');
    const message = 'Hôm nay nghỉ lễ Quốc khánh: không cấp số thứ tự.';
    expect((await kiosk['kiosk.menu']({})).services.find((s) => s.id === serviceId)).toMatchObject({ open: false, closedReason: message, waitEstimate: null });
    const refused = await kiosk['tickets.issue']({ serviceId, priorityClassId: null }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'SERVICE_CLOSED', message });
  });

  it('opens again the next working day', async () => {
    clock.set('2026-09-03T09:00:00+07:00');
    const issued = await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
    expect(issued.ticket.serviceDate).toBe('2026-09-03');
  });
});
