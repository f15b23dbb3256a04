import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubClient } from '../contract/client';
import { encode, printerProfile, ticketDocument } from '../main/node/print/index';
import type { PrinterProfile } from '../main/node/print/layout-types';
import { httpTransport } from '../renderer/src/hub/http-transport';
import { FakePrinter } from '../test/support/fake-printer';
import { ALL_DAY, TEST_SITE } from '../test/support/hub';
import { startHubProcess, type HubProcess } from '../test/support/hub-process';
import { openPtyPair } from '../test/integration/print/socat-pair';
import { SerialPort } from 'serialport';
import { SerialFakePrinter } from '../test/support/serial-fake-printer';
import { ms, summarize, table } from './stats';

const sample = {
  siteName: 'UBND xã Ia Hrú — Bộ phận Một cửa',
  displayCode: 'A015',
  serviceName: 'Hộ tịch — khai sinh, kết hôn',
  priorityLabel: 'Người cao tuổi',
  peopleAhead: 7,
  waitText: 'khoảng 15–20 phút',
  issuedAt: Date.parse('2026-11-25T09:12:00+07:00'),
  qrPayload: 'MCT1|0192f2a8-6c1e-7b3a-9d41-3f2a1c0e5b77',
  footer: 'Xin cảm ơn Ông/Bà. Vui lòng giữ phiếu đến khi được gọi.',
};

export async function printingBench(): Promise<Record<string, number>> {
  // 1. Render + encode a ticket, and its size, per text mode.
  const profiles: [string, PrinterProfile][] = [
    ['raster 80 mm', printerProfile('80mm')],
    ['raster 58 mm', printerProfile('58mm')],
    ['epson-tcvn3 80 mm', printerProfile('80mm', { textMode: 'epson-tcvn3' })],
  ];
  const rows: [string, string][] = [];
  const figures: Record<string, number> = {};
  for (const [name, profile] of profiles) {
    for (let i = 0; i < 20; i++) encode(ticketDocument({ ...sample, peopleAhead: i }), profile); // warm-up: fonts, JIT
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      bytes = encode(ticketDocument({ ...sample, peopleAhead: i % 40 }), profile).length;
      times.push(performance.now() - t0);
    }
    const s = summarize(times);
    rows.push([`${name}: render+encode p50 / p99`, `${ms(s.p50)} / ${ms(s.p99)}`], [`${name}: bytes per ticket`, `${bytes} B (${((bytes * 10) / 9600).toFixed(1)} s at 9600 baud by arithmetic; measured below)`]);
    figures[`${name} p99`] = s.p99;
  }
  table('Printing — render and encode a queue ticket', rows);

  // 2. Kiosk tap → last byte at a network printer, through the hub's durable queue.
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-print-'));
  const printer = await FakePrinter.start();
  const proc = await startHubProcess(dir);
  try {
    const { kiosk, serviceId } = await kioskWithPrinter(proc, printer.address, 'raster');
    const latencies: number[] = [];
    for (let i = 0; i < 120; i++) {
      const before = printer.jobs.length;
      const t0 = performance.now();
      await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
      await printer.waitForJobs(before + 1, 10_000);
      if (i >= 20) latencies.push(printer.lastByteAt[before]! - t0); // the first ones warm the hub up
    }
    const tap = summarize(latencies);
    table('Printing — kiosk issue request → last byte at the fake TCP printer (hub in its own process)', [
      ['tickets measured', String(tap.n)],
      ['latency p50 / p99 / max', `${ms(tap.p50)} / ${ms(tap.p99)} / ${ms(tap.max)}  (aim p99 < 150 ms)`],
    ]);
    await proc.kill('SIGTERM');
    return { ...figures, tapToPaperP50: tap.p50, tapToPaperP99: tap.p99, ...(await serialAt9600(join(dir, 'serial'))) };
  } finally {
    await proc.kill('SIGTERM');
    await printer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A site whose kiosk prints on the printer at `address`. */
async function kioskWithPrinter(proc: HubProcess, address: string, textMode: 'raster' | 'epson-tcvn3') {
  const client = (token: string | null) => createHubClient(httpTransport(proc.url, () => token));
  const login = await client(null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
  await client(login.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: 'bench-password-1' });
  const admin = client((await client(null)['auth.login']({ username: 'admin', password: 'bench-password-1' })).token);
  await admin['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY });
  const saved = await admin['admin.savePrinter']({ name: 'Kiosk', role: 'ticket', address, paper: '80mm', model: 'generic', textMode, cut: true, beep: false, deviceId: null, counterId: null, active: true });
  const serviceId = (await admin['catalog.get']({})).services[0]!.id;
  const { code } = await admin['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk', counterId: null });
  const kiosk = client((await client(null)['devices.pair']({ code })).token);
  return { admin, kiosk, serviceId, printer: saved };
}

/** Milliseconds to carry `bytes` through a socat pty pair set to `baud`, the far end reading as fast as it can. */
async function ptyCarry(baud: number, bytes: number): Promise<number> {
  const pair = await openPtyPair('bench-speed', { baud });
  const far = new SerialPort({ path: pair.b, baudRate: baud, autoOpen: false });
  const near = new SerialPort({ path: pair.a, baudRate: baud, autoOpen: false });
  try {
    for (const p of [far, near]) await new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(err) : resolve())));
    let received = 0;
    const done = new Promise<void>((resolve) => far.on('data', (chunk: Buffer) => (received += chunk.length) >= bytes && resolve()));
    const t0 = performance.now();
    near.write(Buffer.alloc(bytes, 0x55));
    await done;
    return performance.now() - t0;
  } finally {
    for (const p of [far, near]) if (p.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
    await pair.close();
  }
}

/**
 * 3. A kiosk's ticket on a 9600-baud serial printer: the hub in its own process prints through its
 * serial path (XON/XOFF, as raster at 9600 needs) to a socat pty pair set to b9600; at the far end
 * SerialFakePrinter takes the bytes at 960 bytes/s, since a pty itself does not (measured first).
 * Kiosk request → the job's last byte off the modelled line; and whether the hub confirmed the job.
 */
async function serialAt9600(dir: string): Promise<Record<string, number>> {
  const ptyMs = await ptyCarry(9600, 19_000);
  const pair = await openPtyPair('bench-printer', { baud: 9600 });
  const printer = await SerialFakePrinter.open(pair.b, 9600, { xonxoff: true });
  const proc = await startHubProcess(dir);
  try {
    const address = `serial:${realpathSync(pair.a)}?baud=9600&flow=xonxoff`;
    const site = await kioskWithPrinter(proc, address, 'raster');
    const rows: [string, string][] = [['19 000 bytes through the pty pair set to b9600, far end reading freely', `${ms(ptyMs)} (${(19_000 / ptyMs).toFixed(0)} kB/s; a 9600-baud line carries 0.96 kB/s: the pty does not throttle)`]];
    const figures: Record<string, number> = {};
    for (const [textMode, count] of [['raster', 3], ['epson-tcvn3', 10]] as const) {
      await site.admin['admin.savePrinter']({ ...site.printer, textMode });
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < count; i++) {
        const before = printer.jobs.length;
        const t0 = performance.now();
        await site.kiosk['tickets.issue']({ serviceId: site.serviceId, priorityClassId: null });
        await printer.waitForJobs(before + 1, 120_000);
        times.push(printer.jobs[before]!.lastByteAt - t0);
        bytes = printer.jobs[before]!.bytes;
      }
      const s = summarize(times);
      rows.push([`${textMode}: kiosk request → last byte over 9600 baud, ${count} tickets, p50 / max`, `${(s.p50 / 1000).toFixed(2)} s / ${(s.max / 1000).toFixed(2)} s (${bytes} B a ticket; the line alone: ${((bytes * 10) / 9600).toFixed(2)} s)`]);
      figures[`serial9600 ${textMode} p50 ms`] = s.p50;
    }
    // Every job confirmed by the printer's answer after it (none held as "not confirmed").
    let jobs = await site.admin['print.jobs']({});
    for (let wait = 0; wait < 300 && jobs.some((j) => j.status === 'queued' || j.status === 'printing'); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      jobs = await site.admin['print.jobs']({});
    }
    const done = jobs.filter((j) => j.status === 'done').length;
    rows.push(['jobs the hub recorded as printed and confirmed', `${done} of ${jobs.length}${jobs.filter((j) => j.status !== 'done').map((j) => `; ${j.status} ${j.errorCode ?? ''} ${j.error ?? ''}`).join('')}`]);
    rows.push(['most bytes handed over ahead of the modelled line', `${printer.highWater} B (the hub writes a job at once: the printer's XOFF at 3.5 KB comes too late on a pty)`]);
    table('Printing — a ticket on a 9600-baud serial printer (socat pty pair, hub in its own process)', rows);
    return figures;
  } finally {
    await proc.kill('SIGTERM');
    await printer.close();
    await pair.close();
  }
}
