import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';

const XON = 0x11;
const XOFF = 0x13;
/** A receipt printer's receive buffer (Epson TM series: 4 KB), and where it stops and restarts the sender. */
const BUFFER = 4096;
const STOP_AT = BUFFER - 512;
const RESUME_AT = 512;

/**
 * A receipt printer at the far end of a serial line, for tests and benchmarks. A pty passes bytes at
 * memory speed whatever baud rate it is set to (the printing benchmark measures that), so the line is
 * modelled here: bytes are taken off what arrived at the baud rate (10 bits a byte, 8N1), and
 * `jobs` holds the moment each job's last byte came off that modelled line. Status queries
 * (`DLE EOT n`, `GS r 1`) are answered "ready" when they come off it, i.e. after every byte sent
 * before them. With `xonxoff` it also sends XOFF/XON around a 4 KB receive buffer, as a printer
 * set to XON/XOFF does; on a pty that holds back only what the sender has not written yet.
 */
export class SerialFakePrinter {
  /** Each job (ESC @ … the cut) in arrival order: its length and when its last byte was taken. */
  readonly jobs: { bytes: number; lastByteAt: number }[] = [];
  /** The most bytes that waited to come off the line (with `xonxoff`, above 4 KB a printer would have lost some). */
  highWater = 0;
  private readonly pending: Buffer[] = [];
  private buffered = 0;
  private stopped = false;
  private credit = 0;
  private lastTick = performance.now();
  private readonly recent: number[] = [];
  private jobBytes = 0;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly port: SerialPort,
    private readonly bytesPerMs: number,
    private readonly xonxoff: boolean,
  ) {
    port.on('data', (chunk: Buffer) => {
      this.pending.push(chunk);
      this.buffered += chunk.length;
      if (this.xonxoff && !this.stopped && this.buffered >= STOP_AT) this.send(XOFF);
    });
    this.timer = setInterval(() => this.tick(), 2);
  }

  static async open(path: string, baudRate: number, options: { xonxoff?: boolean } = {}): Promise<SerialFakePrinter> {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    return new SerialFakePrinter(port, baudRate / 10 / 1000, options.xonxoff ?? false);
  }

  async waitForJobs(count: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.jobs.length < count) {
      if (performance.now() > deadline) throw new Error(`serial printer: ${this.jobs.length} jobs of ${count} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }

  private send(byte: number): void {
    this.stopped = byte === XOFF;
    this.port.write(Buffer.from([byte]));
  }

  /** Takes off the buffer what the line carried since the last tick. */
  private tick(): void {
    const now = performance.now();
    this.highWater = Math.max(this.highWater, this.buffered);
    this.credit += (now - this.lastTick) * this.bytesPerMs;
    this.lastTick = now;
    while (this.credit >= 1 && this.pending.length > 0) {
      const chunk = this.pending[0]!;
      const take = Math.min(chunk.length, Math.floor(this.credit));
      for (let i = 0; i < take; i++) this.receive(chunk[i]!, now);
      this.credit -= take;
      this.buffered -= take;
      if (take === chunk.length) this.pending.shift();
      else this.pending[0] = chunk.subarray(take);
    }
    if (this.pending.length === 0) this.credit = 0; // an idle line saves nothing up
    if (this.stopped && this.buffered <= RESUME_AT) this.send(XON);
  }

  private receive(byte: number, at: number): void {
    this.recent.push(byte);
    if (this.recent.length > 4) this.recent.shift();
    const [a, b, c, d] = this.recent.length === 4 ? this.recent : [-1, ...this.recent.slice(-3)];
    if (b === 0x10 && c === 0x04 && d! >= 1 && d! <= 4) this.port.write(Buffer.from([0x12]));
    else if (b === 0x1d && c === 0x72 && d === 1) this.port.write(Buffer.from([0x00]));
    if (this.jobBytes === 0 && c === 0x1b && d === 0x40) this.jobBytes = 1;
    if (this.jobBytes > 0) this.jobBytes++;
    if (this.jobBytes > 0 && a === 0x1d && b === 0x56 && c === 0x42 && d === 0x00) {
      this.jobs.push({ bytes: this.jobBytes, lastByteAt: at });
      this.jobBytes = 0;
    }
  }
}
