import { writeFile } from 'node:fs/promises';
import { PrinterError } from './printer-error';
import type { PrinterTransport } from './transport';

/**
 * A device node (`/dev/usb/lp0`), a Windows shared printer (`\\PC\Share`) or a plain file (for a
 * dump to inspect). One-way: no status, so paper-out shows only when staff look at the printer.
 */
export class FileTransport implements PrinterTransport {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `file:${path}`;
  }

  async send(bytes: Uint8Array): Promise<void> {
    try {
      await writeFile(this.path, bytes);
    } catch (err) {
      throw new PrinterError('PRINTER_UNREACHABLE', (err as NodeJS.ErrnoException).code ?? String(err));
    }
  }

  async close(): Promise<void> {
    // Each job opens and closes the path itself.
  }
}
