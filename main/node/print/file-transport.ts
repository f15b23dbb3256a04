import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PrinterError } from './printer-error';
import { withDeadline } from './with-deadline';
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

  constructor(
    private readonly path: string,
    private readonly timeouts: { readonly openMs: number; readonly jobMs: number } = { openMs: 5000, jobMs: 60_000 },
  ) {
    this.description = `file:${path}`;
  }

  /**
   * A device that never answers (a parallel printer out of paper blocks the write, a serial line
   * waiting for its carrier blocks the open) fails the job after a deadline, like the network and
   * serial links: the job is held for staff and the queue and a stop of the hub go on. The blocked
   * system call itself is abandoned to the thread pool. `O_NOCTTY`: a `/dev/tty*` printer never
   * becomes the hub's controlling terminal.
   */
  async open(): Promise<PrinterLink> {
    let handle: FileHandle;
    try {
      handle = await withDeadline(open(this.path, constants.O_WRONLY | (constants.O_NOCTTY ?? 0)), this.timeouts.openMs, 'device not opened');
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      throw new PrinterError('PRINTER_UNREACHABLE', (err as NodeJS.ErrnoException).code ?? String(err));
    }
    if (process.platform !== 'win32' && !(await handle.stat()).isCharacterDevice()) {
      await handle.close();
      throw new PrinterError('PRINTER_ADDRESS_REFUSED', 'not a character device');
    }
    return {
      write: async (bytes) => {
        try {
          await withDeadline(handle.writeFile(bytes), this.timeouts.jobMs, 'job not taken by the device');
        } catch (err) {
          if (err instanceof PrinterError) throw err;
          throw new PrinterError('PRINTER_UNREACHABLE', (err as NodeJS.ErrnoException).code ?? String(err));
        }
      },
      close: () => handle.close(),
      // A write stuck in the device keeps its handle open (Node closes a handle after its pending
      // operations): the job is given up without waiting for that; the handle closes if it ever returns.
      abort: async () => {
        handle.close().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    // Each conversation opens and closes the device itself.
  }
}
