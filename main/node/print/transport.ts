import { FileTransport } from './file-transport';
import { statusProblem, type PrinterStatus } from './printer-status';
import { SerialTransport, type SerialFlowControl } from './serial-transport';
import { TcpTransport } from './tcp-transport';

/** How bytes reach a printer. `status` exists only on two-way links (TCP, serial). */
export interface PrinterTransport {
  readonly description: string;
  send(bytes: Uint8Array): Promise<void>;
  status?(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/**
 * A printer address as the admin types it:
 *   `tcp://192.168.1.50:9100` (port defaults to 9100)
 *   `serial:/dev/ttyUSB0?baud=115200&flow=rtscts` or `serial:COM3?baud=9600&flow=xonxoff`
 *   anything else is a path: `/dev/usb/lp0`, `\\PC\ReceiptPrinter`, `C:\out\job.bin`.
 */
export function openPrinterTransport(address: string): PrinterTransport {
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/i.exec(address);
  if (tcp) return new TcpTransport(tcp[1].replace(/^\[|\]$/g, ''), tcp[2] ? Number(tcp[2]) : 9100);
  const serial = /^serial:([^?]+)(?:\?(.*))?$/i.exec(address);
  if (serial) {
    const params = new URLSearchParams(serial[2] ?? '');
    const baudRate = Number(params.get('baud') ?? 9600);
    const flow = params.get('flow') ?? 'none';
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new RangeError(`Tốc độ cổng COM không hợp lệ: ${params.get('baud')}`);
    if (!isFlowControl(flow)) throw new RangeError(`Kiểu điều khiển luồng không hợp lệ: ${flow}`);
    return new SerialTransport({ path: serial[1], baudRate, flowControl: flow });
  }
  return new FileTransport(address.replace(/^file:/i, ''));
}

function isFlowControl(value: string): value is SerialFlowControl {
  return value === 'none' || value === 'rtscts' || value === 'xonxoff';
}

/**
 * Send one job, first asking a two-way printer whether it can print: a ticket must not vanish
 * into a printer with its cover open. Throws PrinterError; the caller keeps the job for a reprint.
 */
export async function printJob(transport: PrinterTransport, bytes: Uint8Array): Promise<void> {
  if (transport.status) {
    const problem = statusProblem(await transport.status());
    if (problem) throw problem;
  }
  await transport.send(bytes);
}
