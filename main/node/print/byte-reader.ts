import { PrinterError } from './printer-error';

/**
 * Collects bytes a printer sends back and hands them out one at a time with a deadline; status
 * answers are single bytes that may arrive split or together with others.
 */
export class ByteReader {
  private readonly pending: number[] = [];
  private waiter: ((b: number) => void) | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w(b);
      } else {
        this.pending.push(b);
      }
    }
  }

  /** Drop stale bytes (e.g. automatic status sent earlier) before asking a new question. */
  clear(): void {
    this.pending.length = 0;
  }

  next(timeoutMs: number): Promise<number> {
    const ready = this.pending.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new PrinterError('PRINTER_TIMEOUT', `no status answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = (b) => {
        clearTimeout(timer);
        resolve(b);
      };
    });
  }
}
