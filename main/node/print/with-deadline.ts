import { PrinterError } from './printer-error';

/** `work`, or PRINTER_TIMEOUT after `ms`: a printer that stops reading must not hold a job forever. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError('PRINTER_TIMEOUT', `${what} within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
