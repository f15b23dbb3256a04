import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../../main/core/cccd-qr';
import { SerialScanner } from '../../../main/node/devices/serial-scanner';
import { encode, printerProfile, ticketDocument } from '../../../main/node/print/index';
import { printJob, readPrinterStatus } from '../../../main/node/print/print-job';
import { SerialTransport } from '../../../main/node/print/serial-transport';
import { decodeEscPos } from '../../support/escpos-decoder';
import { SerialFakePrinter } from '../../support/serial-fake-printer';
import { sampleTicket } from '../../unit/print/samples';
import { openPtyPair, type PtyPair } from './socat-pair';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function pair(name: string): Promise<PtyPair> {
  const p = await openPtyPair(name);
  cleanups.push(() => p.close());
  return p;
}

/** The far end of the cable, opened raw like a printer's or a scanner's UART. */
async function farEnd(path: string, baudRate: number): Promise<{ port: SerialPort; received: () => Buffer }> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  cleanups.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  const chunks: Buffer[] = [];
  port.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { port, received: () => Buffer.concat(chunks) };
}

/** Raw bytes over the link, without the status checks of a print job (the far end here does not answer them). */
async function send(transport: SerialTransport, bytes: Uint8Array): Promise<void> {
  const link = await transport.open();
  await link.write(bytes);
  await link.close();
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('serial printer link over socat ptys', () => {
  it.each([9600, 115200])('passes all 256 byte values unchanged at %i baud', async (baudRate) => {
    const { a, b } = await pair(`bytes${baudRate}`);
    const printer = await farEnd(b, baudRate);
    const transport = new SerialTransport({ path: a, baudRate });
    cleanups.push(() => transport.close());
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const payload = Buffer.concat([all, Buffer.from(all).reverse(), all]);
    await send(transport, payload);
    await until(() => printer.received().length >= payload.length);
    expect(printer.received().equals(payload)).toBe(true);
  });

  it('carries a whole ticket job that decodes on the far side', async () => {
    const { a, b } = await pair('ticket');
    const printer = await farEnd(b, 115200);
    const transport = new SerialTransport({ path: a, baudRate: 115200, flowControl: 'xonxoff' });
    cleanups.push(() => transport.close());
    const job = encode(ticketDocument(sampleTicket), printerProfile('80mm'));
    await send(transport, job);
    await until(() => printer.received().length >= job.length);
    expect(printer.received().equals(job)).toBe(true);
    expect(decodeEscPos(printer.received()).items.filter((it) => it.kind === 'cut')).toHaveLength(1);
  });

  it('reads DLE EOT status from a printer that answers on the line', async () => {
    const { a, b } = await pair('status');
    const printer = await farEnd(b, 9600);
    // Paper out: n=1 offline, n=2 paper end, n=4 0x7E; the far end answers each query byte.
    const answers: Record<number, number> = { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e };
    printer.port.on('data', (chunk: Buffer) => {
      for (let i = 0; i + 2 < chunk.length; i++) if (chunk[i] === 0x10 && chunk[i + 1] === 0x04) printer.port.write([answers[chunk[i + 2]]]);
    });
    const transport = new SerialTransport({ path: a, baudRate: 9600, statusTimeoutMs: 1000 });
    cleanups.push(() => transport.close());
    expect(await readPrinterStatus(transport)).toEqual({ online: false, coverOpen: false, paperOut: true, paperNearEnd: true, cutterError: false });
  });

  it('confirms a raster ticket that the line is still carrying after the OS took all of it (a pty-bridged printer)', async () => {
    // A pty takes the whole job at once whatever its baud rate; the line (modelled at the far end)
    // then needs ~3.3 s for it, longer than the printer's own confirmation time given here.
    const { a, b } = await pair('bridged');
    const printer = await SerialFakePrinter.open(b, 57600);
    cleanups.push(() => printer.close());
    const transport = new SerialTransport({ path: a, baudRate: 57600 });
    cleanups.push(() => transport.close());
    const job = encode(ticketDocument(sampleTicket), printerProfile('80mm'));
    const status = await printJob(transport, job, { confirmTimeoutMs: 1500 });
    expect(status).toMatchObject({ online: true, paperOut: false });
    expect(printer.jobs.map((j) => j.bytes)).toEqual([job.length]);
  });

  it('times out with a stable code when nothing answers', async () => {
    const { a, b } = await pair('mute');
    await farEnd(b, 9600);
    const transport = new SerialTransport({ path: a, baudRate: 9600, statusTimeoutMs: 200 });
    cleanups.push(() => transport.close());
    await expect(readPrinterStatus(transport)).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
  });

  it('reports a missing port as unreachable', async () => {
    const transport = new SerialTransport({ path: '/dev/motcua-no-such-port', baudRate: 9600 });
    await expect(send(transport, Buffer.from('x'))).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE' });
  });
});

describe('serial QR scanner over socat ptys', () => {
  const cccd = '001099012345|123456789|Nguyễn Thị Hường|15081990|Nữ|Số 12 ngõ 34, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội|20042021';

  it('delivers a CCCD QR with diacritics intact, even split inside a multi-byte letter', async () => {
    const { a, b } = await pair('scanner');
    const scanner = await SerialScanner.open({ path: a, baudRate: 9600 });
    cleanups.push(() => scanner.close());
    const scans: string[] = [];
    scanner.onScan((text) => scans.push(text));
    const device = await farEnd(b, 9600);
    const bytes = Buffer.from(`${cccd}\r\n`, 'utf8');
    // Cut in the middle of "ễ" (3 bytes) to prove decoding waits for the whole scan.
    const cut = bytes.indexOf(Buffer.from('ễ', 'utf8')) + 1;
    device.port.write(bytes.subarray(0, cut));
    await new Promise((resolve) => setTimeout(resolve, 10));
    device.port.write(bytes.subarray(cut));
    await until(() => scans.length === 1);
    expect(scans).toEqual([cccd]);
    const parsed = parseCccdQr(scans[0], Date.parse('2026-11-25T09:00:00+07:00'));
    expect(parsed).toMatchObject({ ok: true, value: { fullName: 'Nguyễn Thị Hường', sex: 'Nữ' } });
  });

  it('ends a scan after silence when the scanner sends no suffix, and splits back-to-back scans', async () => {
    const { a, b } = await pair('silence');
    const scanner = await SerialScanner.open({ path: a, baudRate: 115200, silenceMs: 50 });
    cleanups.push(() => scanner.close());
    const scans: string[] = [];
    scanner.onScan((text) => scans.push(text));
    const device = await farEnd(b, 115200);
    device.port.write(Buffer.from('MC1|000.00.12.H01-261125-0001|K7P9QT', 'utf8'));
    await until(() => scans.length === 1);
    device.port.write(Buffer.from('A015\rB002\n', 'utf8'));
    await until(() => scans.length === 3);
    expect(scans).toEqual(['MC1|000.00.12.H01-261125-0001|K7P9QT', 'A015', 'B002']);
  });

  it('turns invalid UTF-8 into replacement characters that the CCCD parser refuses', async () => {
    const { a, b } = await pair('garbage');
    const scanner = await SerialScanner.open({ path: a, baudRate: 9600 });
    cleanups.push(() => scanner.close());
    const scans: string[] = [];
    scanner.onScan((text) => scans.push(text));
    const device = await farEnd(b, 9600);
    // Windows-1258 bytes from a scanner set to the wrong code page.
    device.port.write(Buffer.concat([Buffer.from(cccd.replace('Hường', 'H'), 'utf8'), Buffer.from([0xf0, 0xec, 0x0d])]));
    await until(() => scans.length === 1);
    expect(parseCccdQr(scans[0], Date.now())).toMatchObject({ ok: false, code: 'CCCD_MANGLED' });
  });
});
