import { connect, type Socket } from 'node:net';
import { ByteReader } from './byte-reader';
import { PrinterError } from './printer-error';
import { readStatus, type PrinterStatus } from './printer-status';
import type { PrinterTransport } from './transport';

export interface TcpTransportOptions {
  readonly connectTimeoutMs?: number;
  /** Whole-job deadline: a printer out of paper stops reading and the write would hang forever. */
  readonly jobTimeoutMs?: number;
  readonly statusTimeoutMs?: number;
  /** How long to wait for the printer to close after our FIN before closing ourselves. */
  readonly closeGraceMs?: number;
}

/**
 * A network printer on a raw port (9100). One connection per job, like a spooler: the printer
 * accepts one client at a time, so holding a connection would lock out other hubs' clients.
 */
export class TcpTransport implements PrinterTransport {
  readonly description: string;
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

  async send(bytes: Uint8Array): Promise<void> {
    const socket = await this.open();
    await new Promise<void>((resolve, reject) => {
      const done = (error?: PrinterError): void => {
        clearTimeout(jobTimer);
        clearTimeout(graceTimer);
        socket.destroy();
        if (error) reject(error);
        else resolve();
      };
      let graceTimer: NodeJS.Timeout | undefined;
      const jobTimer = setTimeout(() => done(new PrinterError('PRINTER_TIMEOUT', 'job not accepted in time')), this.jobTimeoutMs);
      socket.on('error', (err: NodeJS.ErrnoException) => done(new PrinterError('PRINTER_UNREACHABLE', err.code ?? err.message)));
      // Some printers send automatic status; reading keeps the socket from stalling.
      socket.resume();
      socket.once('close', () =>
        done(socket.writableFinished ? undefined : new PrinterError('PRINTER_UNREACHABLE', 'closed by the printer before the job was sent')),
      );
      socket.end(bytes, () => {
        // Everything is with the kernel and FIN is queued; a printer that never closes its side
        // must not hold the job open.
        graceTimer = setTimeout(() => done(), this.closeGraceMs);
      });
    });
  }

  async status(): Promise<PrinterStatus> {
    const socket = await this.open();
    const reader = new ByteReader();
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    const failure = new Promise<never>((_, reject) => {
      socket.on('error', (err: NodeJS.ErrnoException) => reject(new PrinterError('PRINTER_UNREACHABLE', err.code ?? err.message)));
    });
    try {
      return await Promise.race([
        readStatus((query) => {
          socket.write(query);
          return reader.next(this.statusTimeoutMs);
        }),
        failure,
      ]);
    } finally {
      socket.destroy();
    }
  }

  async close(): Promise<void> {
    // Connections live for one job or one status query; nothing stays open.
  }

  private open(): Promise<Socket> {
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
