import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../../../contract/ops';
import type { SpoolerOptions } from '../../../main/node/print/spooler';
import { decodeEscPos, textItems } from '../../support/escpos-decoder';
import { FakePrinter } from '../../support/fake-printer';
import { ALL_DAY, startTestHub } from '../../support/hub';

/** The big number on each captured job, i.e. which ticket came out of the printer. */
const printedCodes = (jobs: Buffer[]) => jobs.map((j) => textItems(decodeEscPos(j)).find((t) => t.width > 1)?.text);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const kioskPrinter = (address: string): OpInput<'admin.savePrinter'> => ({
  name: 'Máy in kiosk', role: 'ticket', address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true,
});

/** A site with one kiosk ticket printer (the fake), an admin, a counter officer and a kiosk. */
async function startSite(spooler: SpoolerOptions) {
  const hub = await startTestHub({ spooler });
  const admin = await hub.admin();
  await admin['site.update']({ queueHours: ALL_DAY });
  const serviceId = (await admin['catalog.get']({})).services[0]!.id;
  const kiosk = (await hub.device('kiosk')).client;
  const printer = await FakePrinter.start();
  const printerId = (await admin['admin.savePrinter'](kioskPrinter(printer.address))).id;
  const officer = await hub.staff('canbo-in');
  return { hub, admin, officer, kiosk, printer, printerId, issue: () => kiosk['tickets.issue']({ serviceId, priorityClassId: null }) };
}

/** The site for the tests of one describe: started before them, closed after them. */
function siteFor(spooler: SpoolerOptions): () => Awaited<ReturnType<typeof startSite>> {
  let s: Awaited<ReturnType<typeof startSite>> | undefined;
  beforeAll(async () => {
    s = await startSite(spooler);
  });
  afterAll(async () => {
    await s?.hub.close();
    await s?.printer.stop();
  });
  return () => s!;
}

describe('a printer that says "ready" and then never takes the job', () => {
  const site = siteFor({ statusIntervalMs: 150, retryDelay: () => 150, confirmTimeoutMs: 1000 });

  it('is not marked printed: the job is held as "not confirmed" for staff, and nothing is resent on a guess', async () => {
    const s = site();
    s.printer.setState({ jammed: true });
    const t = await s.issue();
    await expect.poll(async () => (await s.officer['print.job']({ jobId: t.print!.jobId })).errorCode, { timeout: 15_000 }).toBe('PRINT_NOT_CONFIRMED');
    const job = await s.officer['print.job']({ jobId: t.print!.jobId });
    expect(job.status).toBe('held');
    expect(job.printedAt).toBeNull();
    expect(job.error).toMatch(/không xác nhận/i);
    expect(job.outcomeUnknown).toBe(true);
    // The counter's list of jobs shows it with the message; the printer list counts it as held.
    expect((await s.officer['print.jobs']({})).find((j) => j.id === job.id)).toMatchObject({ status: 'held', error: job.error });
    expect((await s.admin['printers.list']({}))[0]!.held).toBe(1);

    // The printer is cleared; the job stays with staff (it may have come out) until they decide.
    s.printer.setState({ jammed: false });
    await new Promise((r) => setTimeout(r, 600));
    expect((await s.officer['print.job']({ jobId: job.id })).status).toBe('held');
    // The ticket did not come out: staff reprint it, and it prints.
    await s.officer['print.retry']({ jobId: job.id });
    await expect.poll(async () => (await s.officer['print.job']({ jobId: job.id })).status, { timeout: 10_000 }).toBe('done');
    await expect.poll(() => printedCodes(s.printer.jobs.slice(-1))).toEqual([t.ticket.displayCode]);
  });

  it('lets staff mark a not-confirmed ticket as printed when it did come out', async () => {
    const s = site();
    s.printer.setState({ jammed: true });
    const t = await s.issue();
    await expect.poll(async () => (await s.officer['print.job']({ jobId: t.print!.jobId })).errorCode, { timeout: 15_000 }).toBe('PRINT_NOT_CONFIRMED');
    s.printer.setState({ jammed: false });
    const marked = await s.officer['print.markPrinted']({ jobId: t.print!.jobId });
    expect(marked).toMatchObject({ status: 'done', errorCode: null });
    await expect(s.officer['print.markPrinted']({ jobId: t.print!.jobId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/chưa xác nhận/) });
    expect((await s.admin['printers.list']({}))[0]!.held).toBe(0);
  });
});

describe('the paper sensor as staff see it', () => {
  // No status rounds during the test: what staff see comes from the prints themselves.
  const site = siteFor({ statusIntervalMs: 3_600_000, retryDelay: () => 150 });

  it('keeps "paper near end" after a print instead of flipping back to "ok"', async () => {
    const s = site();
    s.printer.setState({ paperNearEnd: true });
    for (let i = 0; i < 2; i++) {
      const t = await s.issue();
      await expect.poll(async () => (await s.officer['print.job']({ jobId: t.print!.jobId })).status, { timeout: 10_000 }).toBe('done');
      expect((await s.officer['printers.list']({}))[0]).toMatchObject({ state: 'paper_near_end', message: expect.stringMatching(/Giấy sắp hết/) });
    }
  });
});

describe('a job the hub cannot lay out (a bug in the hub, not a printer problem)', () => {
  const site = siteFor({ statusIntervalMs: 150, retryDelay: () => 150 });

  it('is logged with its id, shown to staff as a software error, and the next job prints', async () => {
    const s = site();
    const deps = s.hub.running.hub.deps;
    const now = Date.now();
    // A ticket whose number the printer font cannot print: the layout throws.
    const bad = {
      id: '01900000-0000-7000-8000-00000000bad1', printer_id: s.printerId, kind: 'ticket' as const, title: 'Phiếu số Ư001',
      data: JSON.stringify({ siteName: 'UBND xã', displayCode: 'Ư001', serviceName: 'Hộ tịch', peopleAhead: 0, waitText: '', issuedAt: now, footer: '' }),
      status: 'queued' as const, attempts: 0, error_code: null, error: null, created_at: now, updated_at: now, printed_at: null, ticket_id: null, reprint_of: null, requested_by: null,
    };
    await deps.writer.run(() => deps.printing.insertJob(bad));
    deps.spooler.kick(s.printerId);
    const next = await s.issue();

    await expect.poll(async () => (await s.officer['print.job']({ jobId: next.print!.jobId })).status, { timeout: 10_000 }).toBe('done');
    expect(printedCodes(await s.printer.waitForJobs(1))).toEqual([next.ticket.displayCode]);
    const failed = await s.officer['print.job']({ jobId: bad.id });
    expect(failed).toMatchObject({ status: 'held', errorCode: 'PRINT_RENDER_FAILED', error: expect.stringMatching(/lỗi phần mềm/i) });
    // Not retried by itself: it would fail the same way.
    await new Promise((r) => setTimeout(r, 600));
    expect((await s.officer['print.job']({ jobId: bad.id })).attempts).toBe(failed.attempts);

    // The log says which job and why, for the technician; not what the ticket said.
    const logs = join(s.hub.dataDir, 'logs');
    const logText = () => readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')).join('');
    await expect.poll(logText, { timeout: 5000 }).toContain(bad.id);
    const line = logText().split('\n').find((l) => l.includes(bad.id))!;
    expect(JSON.parse(line)).toMatchObject({ level: 50, jobId: bad.id, code: 'PRINT_RENDER_FAILED', err: expect.objectContaining({ type: 'RangeError' }) });
    expect(line).not.toContain('Ư001');
  });
});

describe('printer addresses', () => {
  const site = siteFor({ statusIntervalMs: 150, retryDelay: () => 150 });
  const dir = mkdtempSync(join(tmpdir(), 'motcua-print-target-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file path (the hub database, /etc/passwd) with a Vietnamese message, and writes nothing to it', async () => {
    const s = site();
    const database = join(s.hub.dataDir, 'motcua.sqlite');
    const before = { database: sha256(database), passwd: sha256('/etc/passwd') };
    for (const address of [database, '/etc/passwd', '/dev/usb/../../etc/passwd', 'C:\\MotCua\\data\\motcua.sqlite', '\\\\.\\PhysicalDrive0', '\\\\KETOAN\\share\\motcua.sqlite']) {
      await expect(s.admin['admin.savePrinter'](kioskPrinter(address))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'address', message: expect.stringMatching(/^Địa chỉ máy in/) })] },
      });
    }
    // The forms a site really uses are accepted.
    for (const address of ['tcp://192.168.1.50:9100', 'serial:COM3?baud=115200&flow=rtscts', 'serial:/dev/ttyUSB0', '/dev/usb/lp0', 'LPT1', 'COM4', '\\\\KETOAN\\XP80', 'os:Canon LBP2900']) {
      const saved = await s.admin['admin.savePrinter']({ ...kioskPrinter(address), name: `Thử ${address}`, role: 'a4', active: false });
      expect(saved.address).toBe(address);
    }
    expect(sha256(database)).toBe(before.database);
    expect(sha256('/etc/passwd')).toBe(before.passwd);
  });

  it('refuses at print time too, when the address was changed in the database by hand', async () => {
    const s = site();
    const target = join(dir, 'lp0');
    writeFileSync(target, 'không được ghi đè');
    const before = sha256(target);
    const db = new Database(join(s.hub.dataDir, 'motcua.sqlite'));
    try {
      db.prepare('UPDATE printers SET address = ? WHERE id = ?').run(target, s.printerId);
    } finally {
      db.close();
    }
    const t = await s.issue();
    await expect.poll(async () => (await s.officer['print.job']({ jobId: t.print!.jobId })).errorCode, { timeout: 10_000 }).toBe('PRINTER_ADDRESS_REFUSED');
    expect((await s.officer['print.job']({ jobId: t.print!.jobId })).error).toMatch(/^Địa chỉ máy in/);
    expect(sha256(target)).toBe(before);

    // The admin corrects the address: the held ticket prints.
    await s.admin['admin.savePrinter']({ ...kioskPrinter(s.printer.address), id: s.printerId });
    await expect.poll(async () => (await s.officer['print.job']({ jobId: t.print!.jobId })).status, { timeout: 10_000 }).toBe('done');
    expect(printedCodes(await s.printer.waitForJobs(1))).toEqual([t.ticket.displayCode]);
  });
});
