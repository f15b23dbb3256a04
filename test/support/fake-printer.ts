import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A network receipt printer on 127.0.0.1 for tests: every connection's bytes are one job (as on a
 * raw 9100 port), and it answers the real-time status query `DLE EOT n` (before, inside and after
 * a job) and `GS r 1` (before a job) from a status the test sets — paper out, cover open, offline —
 * or stays mute, jams, or refuses connections altogether.
 */

export interface FakePrinterState {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  offline: boolean;
  cutterError: boolean;
  /** Accept connections but never answer status queries (a printer with real-time commands off). */
  mute: boolean;
  /**
   * A hung or jammed printer: it answers status queries "ready", then stops reading its socket at
   * the first byte of a job, so the job's bytes (and any question after them) sit in the kernel's
   * buffers unanswered. Clearing it reads on from where it stopped.
   */
  jammed: boolean;
}

const READY: FakePrinterState = { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, cutterError: false, mute: false, jammed: false };

export class FakePrinter {
  /** Each connection's job bytes (status queries before and after a job are not part of it), in arrival order. */
  readonly jobs: Buffer[] = [];
  /** performance.now() when the last byte of each job arrived (same index as `jobs`), for benchmarks. */
  readonly lastByteAt: number[] = [];
  /** Every connection, status-only ones included. */
  connections = 0;
  /** Status queries that arrived while the printer was mute (asked and never answered). */
  unansweredQueries = 0;
  private state: FakePrinterState = { ...READY };
  private server: Server;
  private readonly sockets = new Set<Socket>();
  /** Open connections on which a job has started (its first byte arrived, read or not). */
  private readonly receiving = new Set<Socket>();
  private readonly stalled = new Set<Socket>();

  private constructor(readonly port: number, server: Server) {
    this.server = server;
  }

  static async start(): Promise<FakePrinter> {
    let printer: FakePrinter | undefined;
    const server = createServer({ allowHalfOpen: true }, (socket) => printer!.accept(socket));
    const port = await listen(server, 0);
    printer = new FakePrinter(port, server);
    return printer;
  }

  get address(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  setState(change: Partial<FakePrinterState>): void {
    this.state = { ...this.state, ...change };
    // Un-jamming reads on what waited in the buffers.
    if (!this.state.jammed) {
      for (const s of this.stalled) s.resume();
      this.stalled.clear();
    }
  }

  /** Stop listening: connecting now fails with ECONNREFUSED, like a printer switched off. */
  async refuseConnections(): Promise<void> {
    await this.closeServer();
  }

  /** Listen again on the same port. */
  async acceptConnections(): Promise<void> {
    this.server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    await listen(this.server, this.port);
  }

  /** Jobs whose bytes are arriving (or waiting to be read) on a connection that is still open. */
  get jobsInFlight(): number {
    return this.receiving.size;
  }

  async waitForJobs(count: number, timeoutMs = 5000): Promise<Buffer[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} jobs, got ${this.jobs.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.jobs.slice(0, count);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await this.closeServer();
  }

  private closeServer(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.connections++;
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    let last = 0;
    /** Bytes before the job: whole status queries are answered, a partial one waits for the rest. */
    let head = Buffer.alloc(0);
    let inJob = false;
    // The last two bytes of the previous chunk, so a query split across reads is still seen.
    let tail = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      let chunk = data;
      if (!inJob) {
        head = Buffer.concat([head, chunk]);
        let i = 0;
        for (; i + 3 <= head.length && isStatusQuery(head, i); i += 3) this.answer(socket, head[i] === 0x10 ? this.realTimeStatus(head[i + 2]) : this.paperSensorStatus());
        const rest = head.subarray(i);
        if (rest.length === 0 || (rest.length < 3 && isQueryPrefix(rest))) {
          head = Buffer.from(rest);
          return;
        }
        inJob = true;
        this.receiving.add(socket);
        if (this.state.jammed) {
          // Stop reading here: the job stays where a real jammed printer leaves it, unread.
          socket.pause();
          socket.unshift(rest);
          this.stalled.add(socket);
          return;
        }
        chunk = rest;
      }
      chunks.push(chunk);
      last = performance.now();
      // DLE EOT is real-time: a printer answers it wherever it appears once it reads it.
      const window = Buffer.concat([tail, chunk]);
      for (let i = Math.max(0, tail.length - 2); i + 2 < window.length; i++) {
        if (window[i] === 0x10 && window[i + 1] === 0x04 && window[i + 2] >= 1 && window[i + 2] <= 4) this.answer(socket, this.realTimeStatus(window[i + 2]));
      }
      tail = window.subarray(Math.max(0, window.length - 2));
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.receiving.delete(socket);
      this.stalled.delete(socket);
      const bytes = withoutTrailingQueries(Buffer.concat(chunks));
      if (bytes.length > 0) {
        this.jobs.push(bytes);
        this.lastByteAt.push(last);
      }
    });
  }

  private answer(socket: Socket, status: number): void {
    if (this.state.mute) this.unansweredQueries++;
    else socket.write(Buffer.from([status]));
  }

  private realTimeStatus(n: number): number {
    const s = this.state;
    const fixed = 0x12;
    switch (n) {
      case 1:
        return fixed | (s.offline || s.coverOpen || s.paperOut ? 0x08 : 0);
      case 2:
        return fixed | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
      case 3:
        return fixed | (s.cutterError ? 0x08 : 0);
      default:
        return fixed | (s.paperNearEnd || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
    }
  }

  private paperSensorStatus(): number {
    return (this.state.paperNearEnd || this.state.paperOut ? 0x03 : 0) | (this.state.paperOut ? 0x0c : 0);
  }
}

/** `DLE EOT n` (n = 1–4) or `GS r 1` / `GS r 49` at `i`. */
function isStatusQuery(bytes: Buffer, i: number): boolean {
  const [a, b, n] = [bytes[i], bytes[i + 1], bytes[i + 2]];
  return (a === 0x10 && b === 0x04 && n >= 1 && n <= 4) || (a === 0x1d && b === 0x72 && (n === 1 || n === 49));
}

function isQueryPrefix(bytes: Buffer): boolean {
  return (bytes[0] === 0x10 || bytes[0] === 0x1d) && (bytes.length < 2 || bytes[1] === (bytes[0] === 0x10 ? 0x04 : 0x72));
}

/** A job as printed: the status questions a client asks after the last byte are not part of it. */
function withoutTrailingQueries(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end >= 3 && isStatusQuery(bytes, end - 3)) end -= 3;
  return bytes.subarray(0, end);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
