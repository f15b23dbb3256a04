import { PrinterError } from './printer-error';

/**
 * Real-time status (`DLE EOT n`), answered even while the printer is busy or offline. Bit layout
 * from printing.md; every answer carries the fixed pattern 0x12 (bit 1 and bit 4 set, 0 and 7 clear).
 */
export interface PrinterStatus {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  readonly cutterError: boolean;
}

export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

export const statusQuery = (n: StatusQuery): Buffer => Buffer.from([0x10, 0x04, n]);

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Answers to n = 1 (printer), 2 (offline cause), 3 (error cause), 4 (roll paper). */
export function parseStatus(answers: Readonly<Record<StatusQuery, number>>): PrinterStatus {
  for (const n of STATUS_QUERIES) {
    if (!isStatusByte(answers[n])) throw new PrinterError('PRINTER_BAD_STATUS', `DLE EOT ${n} → 0x${answers[n].toString(16)}`);
  }
  return {
    online: (answers[1] & 0x08) === 0,
    coverOpen: (answers[2] & 0x04) !== 0,
    paperOut: (answers[2] & 0x20) !== 0 || (answers[4] & 0x60) !== 0,
    paperNearEnd: (answers[4] & 0x0c) !== 0,
    cutterError: (answers[3] & 0x08) !== 0,
  };
}

/**
 * What keeps a job from printing, most actionable first (an open cover also reads as offline),
 * or null when the printer can take it. Near end is not a problem yet: the job still fits.
 */
export function statusProblem(status: PrinterStatus): PrinterError | null {
  if (status.coverOpen) return new PrinterError('PRINTER_COVER_OPEN');
  if (status.paperOut) return new PrinterError('PRINTER_PAPER_OUT');
  if (status.cutterError) return new PrinterError('PRINTER_CUTTER_ERROR');
  if (!status.online) return new PrinterError('PRINTER_OFFLINE');
  return null;
}

/** Ask the four questions over a two-way link, one byte per answer. */
export async function readStatus(ask: (query: Buffer) => Promise<number>): Promise<PrinterStatus> {
  const answers = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const n of STATUS_QUERIES) answers[n] = await ask(statusQuery(n));
  return parseStatus(answers);
}
