import { SerialPort } from 'serialport';
import type { SerialFlowControl } from '../../../contract/printer-address';
import { ByteReader } from './byte-reader';
import { PrinterError } from './printer-error';
import type { PrinterLink, PrinterTransport } from './transport';
import { withDeadline } from './with-deadline';

export type { SerialFlowControl } from '../../../contract/printer-address';

export interface SerialTransportOptions {
  /** `/dev/ttyUSB0`, `/dev/ttyS0`, `COM3`. */
  readonly path: string;
  readonly baudRate: number;
  /**
   * Printers stop the sender while their buffer drains. Raster jobs at 9600 baud overrun a clone
   * without it; `rtscts` needs a full cable, `xonxoff` works on three wires.
   */
  readonly flowControl?: SerialFlowControl;
  readonly statusTimeoutMs?: number;
  readonly jobTimeoutMs?: number;
}

/**
 * A printer on a COM port (real or USB-CDC). The port is opened on first use and kept: serial
 * ports are exclusive, and reopening resets some USB adapters.
 */
export class SerialTransport implements PrinterTransport {
  readonly description: string;
  readonly twoWay = true;
  private port: SerialPort | null = null;
  private readonly reader = new ByteReader();

  constructor(private readonly options: SerialTransportOptions) {
    this.description = `serial:${options.path}@${options.baudRate}`;
  }

  async open(): Promise<PrinterLink> {
    const port = await this.openPort();
    // Answers to questions nobody waits for any more (a timed-out round) must not answer the next one.
    this.reader.clear();
    return {
      ask: (query, timeoutMs = this.options.statusTimeoutMs ?? 1000) => {
        port.write(query);
        return this.reader.next(timeoutMs);
      },
      write: (bytes) =>
        withDeadline(
          new Promise<void>((resolve, reject) => {
            port.write(Buffer.from(bytes), (err) => {
              if (err) return reject(new PrinterError('PRINTER_UNREACHABLE', err.message));
              // drain waits for tcdrain: the bytes have left the UART, not just our buffer.
              port.drain((drainErr) => (drainErr ? reject(new PrinterError('PRINTER_UNREACHABLE', drainErr.message)) : resolve()));
            });
          }),
          this.options.jobTimeoutMs ?? this.defaultJobTimeout(bytes.length),
          'serial job not sent',
        ),
      lineMs: (bytes) => Math.ceil(((bytes * 10) / this.options.baudRate) * 1000),
      close: async () => {
        // The port stays open for the next conversation.
      },
      // Drop what the OS still holds for the printer, so a stuck job does not come out after a reprint.
      abort: () => new Promise<void>((resolve) => port.flush(() => resolve())),
    };
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  /** 10 bits per byte on the wire, three times over for a printer pausing us, plus a margin. */
  private defaultJobTimeout(length: number): number {
    return Math.ceil(((length * 10) / this.options.baudRate) * 3000) + 10_000;
  }

  private async openPort(): Promise<SerialPort> {
    if (this.port?.isOpen) return this.port;
    const flow = this.options.flowControl ?? 'none';
    const port = new SerialPort({
      path: this.options.path,
      baudRate: this.options.baudRate,
      rtscts: flow === 'rtscts',
      xon: flow === 'xonxoff',
      xoff: flow === 'xonxoff',
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(new PrinterError('PRINTER_UNREACHABLE', err.message)) : resolve())),
    );
    port.on('data', (chunk: Buffer) => this.reader.push(chunk));
    // A USB adapter pulled out: forget the port so the next job reopens it.
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
    // Failures reach the caller through write/drain callbacks; an unheard 'error' event would
    // crash the hub process instead.
    port.on('error', () => undefined);
    this.port = port;
    return port;
  }
}
