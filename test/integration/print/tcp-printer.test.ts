import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { encode, FileTransport, openPrinterTransport, printerProfile, printJob, readPrinterStatus, receiptSlipDocument, ticketDocument, TcpTransport } from '../../../main/node/print/index';
import { decodeEscPos, renderDecodedToPng, textItems } from '../../support/escpos-decoder';
import { FakePrinter } from '../../support/fake-printer';
import { readQrFromPng } from '../../unit/print/png-qr';
import { sampleReceipt, sampleTicket } from '../../unit/print/samples';
import { openPtyPair } from './socat-pair';

let printer: FakePrinter;
beforeEach(async () => {
  printer = await FakePrinter.start();
});
afterEach(async () => {
  await printer.stop();
});

const profile = printerProfile('80mm');

describe('network printer (raw TCP 9100)', () => {
  it('prints a ticket as one job whose bytes decode to the ticket', async () => {
    const transport = openPrinterTransport(printer.address);
    const bytes = encode(ticketDocument(sampleTicket), profile);
    await printJob(transport, bytes);
    const [job] = await printer.waitForJobs(1);
    expect(job.equals(bytes)).toBe(true);
    const decoded = decodeEscPos(job);
    expect(textItems(decoded).some((t) => t.text === 'A015' && t.width === 6)).toBe(true);
    expect(decoded.items.filter((it) => it.kind === 'cut')).toHaveLength(1);
    expect(await readQrFromPng(renderDecodedToPng(decoded, profile.widthDots))).toBe(sampleTicket.qrPayload);
    // The status checks before and after the job share its one connection and are not part of the job.
    expect(printer.connections).toBe(1);
    expect(printer.jobs).toHaveLength(1);
  });

  it('confirms the job only when the printer answers after its last byte; a jammed printer gets PRINT_NOT_CONFIRMED', async () => {
    const transport = openPrinterTransport(printer.address);
    const bytes = encode(ticketDocument(sampleTicket), profile);
    expect(await printJob(transport, bytes)).toMatchObject({ online: true, paperOut: false });
    await printer.waitForJobs(1);

    printer.setState({ jammed: true });
    const steps: string[] = [];
    const sending = printJob(transport, bytes, { confirmTimeoutMs: 300, beforeFirstByte: async () => void steps.push('first byte') });
    await expect(sending).rejects.toMatchObject({ code: 'PRINT_NOT_CONFIRMED', message: expect.stringMatching(/không xác nhận/) });
    // It said "ready" before the job, so the job went out; nothing came back after it.
    expect(steps).toEqual(['first byte']);
    expect(printer.jobs).toHaveLength(1);
  });

  it('keeps consecutive jobs apart', async () => {
    const transport = new TcpTransport('127.0.0.1', printer.port);
    const text = printerProfile('80mm', { textMode: 'epson-tcvn3' });
    await printJob(transport, encode(ticketDocument(sampleTicket), text));
    await printJob(transport, encode(receiptSlipDocument(sampleReceipt), text));
    const [ticket, receipt] = await printer.waitForJobs(2);
    expect(textItems(decodeEscPos(ticket)).map((t) => t.text)).toContain('Số người chờ trước: 7');
    expect(textItems(decodeEscPos(receipt)).map((t) => t.text)).toContain('Người nộp: Nguyễn Thị Hường');
  });

  it('reads a ready printer and a printer running low', async () => {
    const transport = new TcpTransport('127.0.0.1', printer.port);
    expect(await readPrinterStatus(transport)).toEqual({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false });
    printer.setState({ paperNearEnd: true });
    expect(await readPrinterStatus(transport)).toMatchObject({ online: true, paperNearEnd: true, paperOut: false });
    // Near end still prints, and the answer after the job says so.
    expect(await printJob(transport, encode(ticketDocument(sampleTicket), profile))).toMatchObject({ paperNearEnd: true });
    expect(await printer.waitForJobs(1)).toHaveLength(1);
  });

  it('refuses to send into a printer out of paper, with a code and a Vietnamese message', async () => {
    printer.setState({ paperOut: true });
    const transport = openPrinterTransport(printer.address);
    expect(await readPrinterStatus(transport)).toMatchObject({ paperOut: true, online: false });
    await expect(printJob(transport, encode(ticketDocument(sampleTicket), profile))).rejects.toMatchObject({
      code: 'PRINTER_PAPER_OUT',
      message: expect.stringMatching(/hết giấy/),
    });
    expect(printer.jobs).toHaveLength(0);
  });

  it('detects an open cover, a cutter jam and a paused printer', async () => {
    const transport = openPrinterTransport(printer.address);
    const job = encode(ticketDocument(sampleTicket), profile);
    printer.setState({ coverOpen: true });
    await expect(printJob(transport, job)).rejects.toMatchObject({ code: 'PRINTER_COVER_OPEN' });
    printer.setState({ coverOpen: false, cutterError: true });
    await expect(printJob(transport, job)).rejects.toMatchObject({ code: 'PRINTER_CUTTER_ERROR' });
    printer.setState({ cutterError: false, offline: true });
    await expect(printJob(transport, job)).rejects.toMatchObject({ code: 'PRINTER_OFFLINE' });
    expect(printer.jobs).toHaveLength(0);
  });

  it('reports a printer that is switched off as unreachable, and prints again once it is back', async () => {
    const transport = openPrinterTransport(printer.address);
    await printer.refuseConnections();
    await expect(readPrinterStatus(transport)).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE', message: expect.stringMatching(/Không kết nối được/) });
    await expect(printJob(transport, Buffer.from('x'))).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    await printer.acceptConnections();
    await printJob(transport, encode(ticketDocument(sampleTicket), profile));
    expect(await printer.waitForJobs(1)).toHaveLength(1);
  });

  it('answers GS r 1 (paper sensor) like a printer, for clients that poll it', async () => {
    printer.setState({ paperOut: true });
    const answer = await new Promise<number>((resolve, reject) => {
      const socket = connect(printer.port, '127.0.0.1', () => socket.write(Buffer.from([0x1d, 0x72, 0x01])));
      socket.once('data', (data: Buffer) => {
        socket.destroy();
        resolve(data[0]);
      });
      socket.once('error', reject);
    });
    // Bits 0+1 near end, bits 2+3 paper end.
    expect(answer).toBe(0x0f);
  });

  it('times out on a printer that never answers status', async () => {
    printer.setState({ mute: true });
    const transport = new TcpTransport('127.0.0.1', printer.port, { statusTimeoutMs: 200 });
    await expect(readPrinterStatus(transport)).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
  });
});

describe('printer device (written like a file, one-way)', () => {
  it('writes the job to a tty device, without status, and confirms nothing', async () => {
    const pair = await openPtyPair('lp');
    const far = new SerialPort({ path: pair.b, baudRate: 115200, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => far.open((err) => (err ? reject(err) : resolve())));
      const received: Buffer[] = [];
      far.on('data', (chunk: Buffer) => received.push(chunk));
      // The pty socat made, by its device name (/dev/pts/N), as an admin would type a device.
      const transport = openPrinterTransport(realpathSync(pair.a));
      expect(transport.twoWay).toBe(false);
      expect(await readPrinterStatus(transport)).toBeNull();
      const bytes = encode(ticketDocument(sampleTicket), profile);
      expect(await printJob(transport, bytes)).toBeNull();
      await expect.poll(() => Buffer.concat(received).length).toBe(bytes.length);
      expect(Buffer.concat(received).equals(bytes)).toBe(true);
    } finally {
      if (far.isOpen) await new Promise<void>((resolve) => far.close(() => resolve()));
      await pair.close();
    }
  });

  it('never creates or writes a plain file: a missing device is unreachable, a file behind a device name is refused', async () => {
    await expect(printJob(openPrinterTransport('/dev/usb/lp97'), Buffer.from('x'))).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    const dir = mkdtempSync(join(tmpdir(), 'motcua-print-'));
    try {
      const file = join(dir, 'lp0');
      writeFileSync(file, 'dữ liệu');
      await expect(printJob(new FileTransport(file), Buffer.from('x'))).rejects.toMatchObject({ code: 'PRINTER_ADDRESS_REFUSED' });
      expect(readFileSync(file, 'utf8')).toBe('dữ liệu');
      expect(() => openPrinterTransport(file)).toThrow(expect.objectContaining({ code: 'PRINTER_ADDRESS_REFUSED' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
