import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHubClient, type HubClient } from '../../../contract/client';
import { httpTransport } from '../../../renderer/src/hub/http-transport';
import { decodeEscPos, textItems } from '../../support/escpos-decoder';
import { FakePrinter } from '../../support/fake-printer';
import { ALL_DAY, TEST_SITE } from '../../support/hub';
import { startHubProcess, type HubProcess } from '../../support/hub-process';

const env = { MOTCUA_PRINT_STATUS_MS: '200', MOTCUA_PRINT_RETRY_MS: '200' };
const printedCodes = (jobs: Buffer[]) => jobs.map((j) => textItems(decodeEscPos(j)).find((t) => t.width > 1)?.text);
const PASSWORD = 'mat-khau-quan-tri-9';

/**
 * The hub as its own process in a fresh data folder, a fake network printer set up as the kiosk's,
 * and a paired kiosk; the process, the printer and the folder go after the tests of the describe.
 */
function killableSite(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let proc: HubProcess | null = null;
  let printer: FakePrinter | null = null;
  afterAll(async () => {
    await proc?.kill();
    await printer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const client = (token: string | null) => createHubClient(httpTransport(proc!.url, () => token));
  const login = async () => client((await client(null)['auth.login']({ username: 'admin', password: PASSWORD })).token);
  return {
    get printer(): FakePrinter {
      return printer!;
    },
    /** First start: the admin's one-time password changed, the queue open all day, the printer and a kiosk set up. */
    async start(processEnv: Record<string, string>, before: (printer: FakePrinter) => Promise<void> | void) {
      proc = await startHubProcess(dataDir, { env: processEnv });
      const first = await client(null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
      await client(first.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: PASSWORD });
      const admin = await login();
      await admin['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY });
      const serviceId = (await admin['catalog.get']({})).services[0]!.id;
      printer = await FakePrinter.start();
      await before(printer);
      await admin['admin.savePrinter']({ name: 'Kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
      const { code } = await admin['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk', counterId: null });
      const kiosk = client((await client(null)['devices.pair']({ code })).token);
      return { admin, issue: () => kiosk['tickets.issue']({ serviceId, priorityClassId: null }) };
    },
    /** The power goes: kill -9. */
    powerCut: () => proc!.kill('SIGKILL'),
    /** The power is back: the hub starts again on the same data folder. */
    async restart(processEnv: Record<string, string>): Promise<HubClient> {
      proc = await startHubProcess(dataDir, { env: processEnv });
      return login();
    },
  };
}

describe('hub killed with print jobs pending', () => {
  const site = killableSite('motcua-print-crash-');

  it('loses no job, and does not print again the one that was being sent unless staff ask', async () => {
    let { admin, issue } = await site.start(env, (printer) => printer.refuseConnections()); // switched off
    const printer = site.printer;
    const tickets: Awaited<ReturnType<HubClient['tickets.issue']>>[] = [];
    for (let i = 0; i < 3; i++) tickets.push(await issue());
    await expect.poll(async () => (await admin['print.job']({ jobId: tickets[2]!.print!.jobId })).status, { timeout: 10_000 }).toMatch(/queued|held/);

    // The printer comes on but jams at the first job: the first ticket is being sent when the power goes.
    printer.setState({ jammed: true });
    await printer.acceptConnections();
    await expect.poll(() => printer.jobsInFlight, { timeout: 10_000 }).toBe(1);
    expect((await admin['print.job']({ jobId: tickets[0]!.print!.jobId })).status).toBe('printing');
    await site.powerCut();
    printer.setState({ jammed: false });
    // What the printer got of the first ticket before the power went.
    await expect.poll(() => printer.jobs.length, { timeout: 5000 }).toBe(1);

    admin = await site.restart(env);
    const jobs = await printer.waitForJobs(3, 15_000);
    expect(printedCodes(jobs)).toEqual(tickets.map((t) => t.ticket.displayCode));
    await new Promise((r) => setTimeout(r, 1500));
    expect(printer.jobs).toHaveLength(3); // every job exactly once: the interrupted one was not resent on a guess
    const interrupted = await admin['print.job']({ jobId: tickets[0]!.print!.jobId });
    expect(interrupted).toMatchObject({ status: 'held', errorCode: 'PRINT_INTERRUPTED', outcomeUnknown: true });
    for (const t of tickets.slice(1)) expect((await admin['print.job']({ jobId: t.print!.jobId })).status).toBe('done');

    // Staff look at the paper and ask for it: then, and only then, it prints again.
    await admin['print.retry']({ jobId: interrupted.id });
    expect(printedCodes(await printer.waitForJobs(4, 10_000)).at(-1)).toBe(tickets[0]!.ticket.displayCode);
  }, 180_000); // two starts of the hub process: well over a minute on a loaded 2-core machine
});

describe('power cut while the hub asks a silent printer whether it can print', () => {
  const site = killableSite('motcua-print-precheck-');
  // No status rounds: the only question the printer gets is the job's own check before sending.
  const quiet = { ...env, MOTCUA_PRINT_STATUS_MS: '3600000' };

  it('leaves the job queued (no byte went out), and it prints exactly once after the restart', async () => {
    // The printer takes the status query and never answers (until the 1.5 s timeout).
    const { issue } = await site.start(quiet, (printer) => printer.setState({ mute: true }));
    const printer = site.printer;
    const issued = await issue();

    // The hub is waiting for the printer's answer: the power goes now.
    await expect.poll(() => printer.unansweredQueries, { timeout: 10_000 }).toBeGreaterThan(0);
    await site.powerCut();
    expect(printer.jobs).toHaveLength(0);

    printer.setState({ mute: false });
    const admin = await site.restart(quiet);
    const [bytes] = await printer.waitForJobs(1, 15_000);
    expect(printedCodes([bytes!])).toEqual([issued.ticket.displayCode]);
    await expect.poll(async () => (await admin['print.job']({ jobId: issued.print!.jobId })).status, { timeout: 10_000 }).toBe('done');
    expect(printer.jobs).toHaveLength(1);
  });
});
