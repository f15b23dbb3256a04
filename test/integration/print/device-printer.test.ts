import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTransport } from '../../../main/node/print/file-transport';
import { printJob } from '../../../main/node/print';
import { openPtyPair } from './socat-pair';

/**
 * A printer written as a device (`/dev/usb/lp0`, `/dev/tty…`) that never takes the job: the job
 * fails after its deadline, so it is held for staff and the queue behind it (and a stop of the hub)
 * goes on, instead of waiting for ever on a blocked system call.
 */
describe('a device printer that does not answer', () => {
  it('a device whose open never returns (a line waiting for its carrier; here a FIFO nobody reads) times out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-fifo-'));
    const fifo = join(dir, 'lp0');
    execFileSync('mkfifo', [fifo]);
    try {
      const started = printJob(new FileTransport(fifo, { openMs: 300, jobMs: 300 }), Buffer.from('ticket'));
      await expect(started).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    } finally {
      // Lets the abandoned open return, so no thread of the pool stays blocked after the test.
      closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a device that stops reading in the middle of a job (a pty nobody reads) times out, as "not confirmed" (part of it may have printed)', async () => {
    const pair = await openPtyPair('stalled-device');
    try {
      const job = Buffer.alloc(4 * 1024 * 1024, 0x41);
      await expect(printJob(new FileTransport(pair.a, { openMs: 1000, jobMs: 500 }), job)).rejects.toMatchObject({ code: 'PRINT_NOT_CONFIRMED', detail: expect.stringContaining('PRINTER_TIMEOUT') });
    } finally {
      await pair.close();
    }
  });
});
