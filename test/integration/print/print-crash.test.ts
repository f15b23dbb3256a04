import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHubClient, type HubClient } from '../../../contract/client';
import { httpTransport } from '../../../renderer/src/hub/http-transport';
import { decodeEscPos, textItems } from '../../support/escpos-decoder';
import { FakePrinter } from '../../support/fake-printer';
import { ALL_DAY } from '../../support/hub';
import { startHubProcess, type HubProcess } from '../../support/hub-process';

const env = { MOTCUA_PRINT_STATUS_MS: '200', MOTCUA_PRINT_RETRY_MS: '200' };
const printedCodes = (jobs: Buffer[]) => jobs.map((j) => textItems(decodeEscPos(j)).find((t) => t.width > 1)?.text);

describe('hub killed with print jobs pending', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-print-crash-'));
  let proc: HubProcess | null = null;
  let printer: FakePrinter | null = null;
  afterAll(async () => {
    await proc?.kill();
    await printer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const client = (token: string | null) => createHubClient(httpTransport(proc!.url, () => token));

  it('loses no job, and does not print again the one that was being sent unless staff ask', async () => {
    proc = await startHubProcess(dataDir, { env });
    const first = await client(null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
    await client(first.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: 'mat-khau-quan-tri-9' });
    const login = async () => client((await client(null)['auth.login']({ username: 'admin', password: 'mat-khau-quan-tri-9' })).token);
    let admin: HubClient = await login();
    await admin['site.update']({ queueHours: ALL_DAY });
    const serviceId = (await admin['catalog.get']({})).services[0]!.id;
    printer = await FakePrinter.start();
    await printer.refuseConnections(); // switched off
    await admin['admin.savePrinter']({ name: 'Kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    const { code } = await admin['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk', counterId: null });
    const kioskToken = (await client(null)['devices.pair']({ code })).token;
    const tickets: Awaited<ReturnType<HubClient['tickets.issue']>>[] = [];
    for (let i = 0; i < 3; i++) tickets.push(await client(kioskToken)['tickets.issue']({ serviceId, priorityClassId: null }));
    await expect.poll(async () => (await admin['print.job']({ jobId: tickets[2]!.print!.jobId })).status, { timeout: 10_000 }).toMatch(/queued|held/);

    // The printer comes on but jams mid-job: the first ticket is being sent when the power goes.
    printer.setState({ hang: true });
    await printer.acceptConnections();
    await expect.poll(() => printer!.jobsInFlight, { timeout: 10_000 }).toBe(1);
    expect((await admin['print.job']({ jobId: tickets[0]!.print!.jobId })).status).toBe('printing');
    await proc.kill('SIGKILL');
    printer.setState({ hang: false });
    // What the printer got of the first ticket before the power went.
    await expect.poll(() => printer!.jobs.length, { timeout: 5000 }).toBe(1);

    proc = await startHubProcess(dataDir, { env });
    admin = await login();
    const jobs = await printer.waitForJobs(3, 15_000);
    expect(printedCodes(jobs)).toEqual(tickets.map((t) => t.ticket.displayCode));
    await new Promise((r) => setTimeout(r, 1500));
    expect(printer.jobs).toHaveLength(3); // every job exactly once: the interrupted one was not resent on a guess
    const interrupted = await admin['print.job']({ jobId: tickets[0]!.print!.jobId });
    expect(interrupted).toMatchObject({ status: 'held', errorCode: 'PRINT_INTERRUPTED' });
    for (const t of tickets.slice(1)) expect((await admin['print.job']({ jobId: t.print!.jobId })).status).toBe('done');

    // Staff look at the paper and ask for it: then, and only then, it prints again.
    await admin['print.retry']({ jobId: interrupted.id });
    expect(printedCodes(await printer.waitForJobs(4, 10_000)).at(-1)).toBe(tickets[0]!.ticket.displayCode);
  }, 180_000); // two starts of the hub process: well over a minute on a loaded 2-core machine
});
