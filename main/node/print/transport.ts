import { parsePrinterAddress } from '../../../contract/printer-address';
import { FileTransport } from './file-transport';
import { PrinterError } from './printer-error';
import { SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';

/**
 * One conversation with a printer: a status round, or a job with its checks before and after.
 * Over TCP it is one connection (the printer takes one client at a time, so nothing slips in
 * between the check and the job); over a COM port, the port the transport keeps open.
 */
export interface PrinterLink {
  /**
   * Sends a real-time status query (`DLE EOT n`) and reads its one-byte answer. Absent on one-way
   * links (device files), which cannot read anything back.
   */
  readonly ask?: (query: Buffer, timeoutMs?: number) => Promise<number>;
  /** Hands the bytes to the link: for TCP to the kernel, for a COM port out of the UART. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * How long the line itself takes to carry `bytes` (a COM port: 10 bits a byte at its baud rate).
   * `write` can end long before that where the OS takes the bytes faster than the line carries
   * them (a pty bridged to a serial server takes a whole 19 KB raster ticket at once, which needs
   * 20 s at 9600 baud): the printer's confirmation is awaited for this long more.
   */
  readonly lineMs?: (bytes: number) => number;
  /** Ends the conversation normally. */
  close(): Promise<void>;
  /** Ends it after a failure, dropping what has not left yet, so a jammed job does not print later behind a reprint. */
  abort(): Promise<void>;
}

/** How bytes reach a printer. `twoWay`: TCP and serial can read status; device files cannot. */
export interface PrinterTransport {
  readonly description: string;
  readonly twoWay: boolean;
  open(): Promise<PrinterLink>;
  /** Releases what outlives a conversation (an open COM port). */
  close(): Promise<void>;
}

/**
 * The transport for a printer address (contract/printer-address.ts), checked again here: an
 * address changed in the database by hand must not make a job overwrite a file. Throws
 * PrinterError (PRINTER_ADDRESS_REFUSED, PRINTER_NOT_SUPPORTED) before anything is opened.
 */
export function openPrinterTransport(address: string): PrinterTransport {
  const parsed = parsePrinterAddress(address);
  if (!parsed.ok) throw new PrinterError('PRINTER_ADDRESS_REFUSED', parsed.message);
  const a = parsed.address;
  switch (a.kind) {
    case 'tcp':
      return new TcpTransport(a.host, a.port);
    case 'serial':
      return new SerialTransport({ path: a.path, baudRate: a.baudRate, flowControl: a.flowControl });
    case 'device':
      return new FileTransport(a.path);
    case 'os':
      throw new PrinterError('PRINTER_NOT_SUPPORTED');
  }
}
