import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubClient } from '../contract/client';
import { encode, printerProfile, ticketDocument } from '../main/node/print/index';
import type { PrinterProfile } from '../main/node/print/layout-types';
import { httpTransport } from '../renderer/src/hub/http-transport';
import { FakePrinter } from '../test/support/fake-printer';
import { ALL_DAY } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';
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
    rows.push([`${name}: render+encode p50 / p99`, `${ms(s.p50)} / ${ms(s.p99)}`], [`${name}: bytes per ticket`, `${bytes} B (${((bytes * 10) / 9600).toFixed(1)} s at 9600 baud)`]);
    figures[`${name} p99`] = s.p99;
  }
  table('Printing — render and encode a queue ticket', rows);

  // 2. Kiosk tap → last byte at a network printer, through the hub's durable queue.
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-print-'));
  const printer = await FakePrinter.start();
  const proc = await startHubProcess(dir);
  try {
    const client = (token: string | null) => createHubClient(httpTransport(proc.url, () => token));
    const login = await client(null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
    await client(login.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: 'bench-password-1' });
    const admin = client((await client(null)['auth.login']({ username: 'admin', password: 'bench-password-1' })).token);
    await admin['site.update']({ queueHours: ALL_DAY });
    await admin['admin.savePrinter']({ name: 'Kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    const serviceId = (await admin['catalog.get']({})).services[0]!.id;
    const { code } = await admin['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk', counterId: null });
    const kiosk = client((await client(null)['devices.pair']({ code })).token);
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
    return { ...figures, tapToPaperP50: tap.p50, tapToPaperP99: tap.p99 };
  } finally {
    await proc.kill('SIGTERM');
    await printer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
