import { connect, type Socket } from 'node:net';
import { ByteReader } from './byte-reader';
import { PrinterError } from './printer-error';
import type { PrinterLink, PrinterTransport } from './transport';
import { withDeadline } from './with-deadline';

export interface TcpTransportOptions {
  readonly connectTimeoutMs?: number;
  /** Deadline for handing a job to the kernel: a printer that stopped reading fills the buffers and the write would hang. */
  readonly jobTimeoutMs?: number;
  readonly statusTimeoutMs?: number;
  /** How long to wait for the printer to close after our FIN before closing ourselves. */
  readonly closeGraceMs?: number;
}

/**
 * A network printer on a raw port (9100). One connection per conversation, like a spooler: the
 * printer accepts one client at a time, so holding a connection would lock out other hubs' clients.
 */
export class TcpTransport implements PrinterTransport {
  readonly description: string;
  readonly twoWay = true;
  private readonly connectTimeoutMs: number;
  private readonly jobTimeoutMs: number;
  private readonly statusTimeoutMs: number;
  private readonly closeGraceMs: number;

  constructor(
    private readonly host: string,
    private readonly port: number,
    options: TcpTransportOptions = {},
  ) {
    this.description = `tcp://${host}:${port}`;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1500;
    this.closeGraceMs = options.closeGraceMs ?? 2000;
  }

  async open(): Promise<PrinterLink> {
    const socket = await this.connect();
    const reader = new ByteReader();
    // Some printers send automatic status; reading keeps the socket from stalling.
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    // The first failure of the connection, for whatever is waiting on it.
    const broken = new Promise<never>((_, reject) => {
      socket.once('error', (err: NodeJS.ErrnoException) => reject(new PrinterError('PRINTER_UNREACHABLE', err.code ?? err.message)));
      socket.once('close', () => reject(new PrinterError('PRINTER_UNREACHABLE', 'connection closed by the printer')));
    });
    broken.catch(() => undefined);
    return {
      ask: (query, timeoutMs = this.statusTimeoutMs) => {
        socket.write(query);
        return Promise.race([reader.next(timeoutMs), broken]);
      },
      write: (bytes) =>
        withDeadline(
          Promise.race([new Promise<void>((resolve, reject) => socket.write(bytes, (err) => (err ? reject(new PrinterError('PRINTER_UNREACHABLE', err.message)) : resolve()))), broken]),
          this.jobTimeoutMs,
          'job not accepted in time',
        ),
      close: async () => {
        // Everything was read by the printer (or this was a status round): end politely, and do not
        // let a printer that never closes its side hold the socket.
        const timer = setTimeout(() => socket.destroy(), this.closeGraceMs);
        timer.unref();
        socket.once('close', () => clearTimeout(timer));
        socket.end();
      },
      // A reset drops what still sits in the buffers, so a jammed printer does not print it later, after staff reprinted.
      abort: async () => void socket.resetAndDestroy(),
    };
  }

  async close(): Promise<void> {
    // Connections live for one conversation; nothing stays open.
  }

  private connect(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('PRINTER_UNREACHABLE', `connect timeout ${this.connectTimeoutMs} ms`));
      }, this.connectTimeoutMs);
      const onError = (err: NodeJS.ErrnoException): void => {
        clearTimeout(timer);
        reject(new PrinterError('PRINTER_UNREACHABLE', err.code ?? err.message));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        resolve(socket);
      });
    });
  }
}
