import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** What the proxy does to one request between the hub and the central. */
export type Fault =
  | { kind: 'pass' }
  /** The request never reaches the central. */
  | { kind: 'dropRequest' }
  /** The central handles (and commits) it; the answer never reaches the hub. */
  | { kind: 'dropResponse' }
  /** Sent to the central twice at the same time (the hub gets the first answer). */
  | { kind: 'duplicate' }
  /** Held back this long before going on (a slow link). */
  | { kind: 'delay'; ms: number }
  /** The central answers; the hub gets only the first half of the body. */
  | { kind: 'truncate' }
  /** Forwarded with these request headers set (a crash point of the central, another protocol version). */
  | { kind: 'header'; headers: Record<string, string> }
  /** Answered by the proxy with this status, as a busy or broken central would. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> };

interface Rule {
  readonly match: (method: string, path: string) => boolean;
  readonly fault: Fault;
  times: number;
}

export interface ProxyLogEntry {
  readonly method: string;
  readonly path: string;
  readonly fault: Fault['kind'];
  readonly status: number | null;
  /** When the request arrived (ms). */
  readonly at: number;
  /** The request as the hub sent it, to send again later (`replay`). */
  readonly request: { readonly headers: IncomingMessage['headers']; readonly body: Buffer };
}

/**
 * A fault-injecting HTTP proxy for the sync tests (sync.md: drop the request, drop the response
 * after the upstream committed, duplicate, delay, truncate, answer a status). Rules are matched in
 * order; a rule with `times` runs that many times, then falls away.
 */
export class FaultProxy {
  readonly log: ProxyLogEntry[] = [];
  private rules: Rule[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private upstream: string,
  ) {}

  static async start(upstream: string): Promise<FaultProxy> {
    let proxy: FaultProxy | undefined;
    const server = createServer((req, res) => void proxy!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    proxy = new FaultProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, upstream);
    return proxy;
  }

  /** Points the proxy at another central (after it restarted on another port). */
  setUpstream(url: string): void {
    this.upstream = url;
  }

  /** Apply `fault` to the next `times` requests whose path matches (default: every request). */
  inject(fault: Fault, options: { path?: RegExp; method?: string; times?: number } = {}): void {
    this.rules.push({
      match: (method, path) => (!options.method || options.method === method) && (!options.path || options.path.test(path)),
      fault,
      times: options.times ?? 1,
    });
  }

  clear(): void {
    this.rules = [];
  }

  /** Sends a request the hub sent earlier to the central once more (a duplicate arriving late). */
  async replay(entry: ProxyLogEntry): Promise<{ status: number; json: unknown }> {
    const r = await forward(this.upstream, entry.method, entry.path, entry.request.headers, entry.request.body);
    const text = (r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString();
    return { status: r.status, json: text ? JSON.parse(text) : null };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private take(method: string, path: string): Fault {
    const rule = this.rules.find((r) => r.times > 0 && r.match(method, path));
    if (!rule) return { kind: 'pass' };
    rule.times--;
    this.rules = this.rules.filter((r) => r.times > 0);
    return rule.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const at = Date.now();
    const body = await readAll(req);
    const fault = this.take(method, path);
    const record = (status: number | null) => this.log.push({ method, path, fault: fault.kind, status, at, request: { headers: req.headers, body } });
    switch (fault.kind) {
      case 'dropRequest':
        record(null);
        req.socket.destroy();
        return;
      case 'status': {
        record(fault.status);
        const payload = Buffer.from(JSON.stringify(fault.body ?? { code: `HTTP_${fault.status}`, message: 'Lỗi do bộ thử tạo ra.' }));
        res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': payload.length, ...fault.headers });
        res.end(payload);
        return;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        break;
      default:
        break;
    }
    const headers = fault.kind === 'header' ? { ...req.headers, ...fault.headers } : req.headers;
    const send = () => forward(this.upstream, method, path, headers, body);
    let upstream: Awaited<ReturnType<typeof forward>>;
    try {
      upstream = fault.kind === 'duplicate' ? (await Promise.all([send(), send()]))[0] : await send();
    } catch {
      record(502);
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'UPSTREAM_DOWN', message: 'Máy chủ tỉnh không chạy.' }));
      return;
    }
    record(upstream.status);
    if (fault.kind === 'dropResponse') {
      req.socket.destroy();
      return;
    }
    const answer = { ...upstream.headers };
    delete answer['transfer-encoding'];
    if (fault.kind === 'truncate') {
      res.writeHead(upstream.status, { ...answer, 'content-length': upstream.body.length });
      res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, { ...answer, 'content-length': upstream.body.length });
    res.end(upstream.body);
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(base: string, method: string, path: string, headers: IncomingMessage['headers'], body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const h = { ...headers, host: url.host };
    const r = request(url, { method, headers: h }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}
