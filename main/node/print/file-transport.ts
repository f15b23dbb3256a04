import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PrinterError } from './printer-error';
import type { PrinterLink, PrinterTransport } from './transport';

/**
 * A printer device written like a file: `/dev/usb/lp0`, `LPT1`, a Windows shared printer
 * (`\\PC\Share`). One-way: no status, so paper-out shows only when staff look at the printer, and a
 * job counts as printed once the device driver took it.
 *
 * The address rule already admits device names only; opening adds a second lock. The path is
 * opened for writing without creating or truncating it (a missing device is an error, never a new
 * file), and on Linux/macOS anything but a character device is closed untouched.
 */
export class FileTransport implements PrinterTransport {
  readonly description: string;
  readonly twoWay = false;

  constructor(private readonly path: string) {
    this.description = `file:${path}`;
  }

  async open(): Promise<PrinterLink> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, constants.O_WRONLY);
    } catch (err) {
      throw new PrinterError('PRINTER_UNREACHABLE', (err as NodeJS.ErrnoException).code ?? String(err));
    }
    if (process.platform !== 'win32' && !(await handle.stat()).isCharacterDevice()) {
      await handle.close();
      throw new PrinterError('PRINTER_ADDRESS_REFUSED', 'not a character device');
    }
    return {
      write: async (bytes) => {
        try {
          await handle.writeFile(bytes);
        } catch (err) {
          throw new PrinterError('PRINTER_UNREACHABLE', (err as NodeJS.ErrnoException).code ?? String(err));
        }
      },
      close: () => handle.close(),
      abort: () => handle.close(),
    };
  }

  async close(): Promise<void> {
    // Each conversation opens and closes the device itself.
  }
}
