import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A network receipt printer on 127.0.0.1 for tests: every connection's bytes are one job (as on a
 * raw 9100 port), and it answers the real-time status query `DLE EOT n` and `GS r 1` from a status
 * the test sets — paper out, cover open, offline — or refuses connections altogether.
 */

export interface FakePrinterState {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  offline: boolean;
  cutterError: boolean;
  /** Accept connections but never answer status queries (a printer with real-time commands off). */
  mute: boolean;
  /** Take the job's bytes but never finish the connection (a printer stuck mid-job). */
  hang: boolean;
}

const READY: FakePrinterState = { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, cutterError: false, mute: false, hang: false };

export class FakePrinter {
  /** Connections that carried print data, in arrival order. */
  readonly jobs: Buffer[] = [];
  /** performance.now() when the last byte of each job arrived (same index as `jobs`), for benchmarks. */
  readonly lastByteAt: number[] = [];
  /** Every connection, status-only ones included. */
  connections = 0;
  private state: FakePrinterState = { ...READY };
  private server: Server;
  private readonly sockets = new Set<Socket>();
  /** Open connections that have carried print data (not only status queries) so far. */
  private readonly receiving = new Set<Socket>();
  private readonly hung: Socket[] = [];

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
    // Un-jamming finishes the connections held open while jammed.
    if (!this.state.hang) for (const s of this.hung.splice(0)) s.end();
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

  /** Jobs whose bytes are arriving on a connection that is still open. */
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
    // The last two bytes of the previous chunk, so a query split across reads is still seen.
    let tail = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      last = performance.now();
      if (!onlyStatusQueries(Buffer.concat(chunks))) this.receiving.add(socket);
      const window = Buffer.concat([tail, chunk]);
      for (const answer of this.answers(window, tail.length)) socket.write(Buffer.from([answer]));
      tail = window.subarray(Math.max(0, window.length - 2));
    });
    socket.on('end', () => {
      if (this.state.hang) this.hung.push(socket);
      else socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.receiving.delete(socket);
      const bytes = Buffer.concat(chunks);
      if (bytes.length > 0 && !onlyStatusQueries(bytes)) {
        this.jobs.push(bytes);
        this.lastByteAt.push(last);
      }
    });
  }

  /** Answers to queries that end inside the new part of `window` (from `newFrom` on). */
  private answers(window: Buffer, newFrom: number): number[] {
    if (this.state.mute) return [];
    const out: number[] = [];
    for (let i = 0; i + 2 < window.length; i++) {
      if (i + 2 < newFrom) continue;
      if (window[i] === 0x10 && window[i + 1] === 0x04 && window[i + 2] >= 1 && window[i + 2] <= 4) out.push(this.realTimeStatus(window[i + 2]));
      if (window[i] === 0x1d && window[i + 1] === 0x72 && (window[i + 2] === 1 || window[i + 2] === 49)) out.push(this.paperSensorStatus());
    }
    return out;
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

function onlyStatusQueries(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 3) {
    const isDleEot = bytes[i] === 0x10 && bytes[i + 1] === 0x04;
    const isGsR = bytes[i] === 0x1d && bytes[i + 1] === 0x72;
    if (!isDleEot && !isGsR) return false;
  }
  return true;
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
