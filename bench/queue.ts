import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubClient } from '../contract/client';
import { httpTransport } from '../renderer/src/hub/http-transport';
import { EventClient } from '../test/support/events';
import { ALL_DAY } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';
import { ms, summarize, table } from './stats';

/** Single-row durable inserts straight into better-sqlite3 (WAL, synchronous=FULL): the ceiling the API is compared with. */
function rawDurableInserts(dir: string, seconds: number): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, service_date TEXT, number INTEGER, display_code TEXT, issued_at INTEGER, payload TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)');
  const one = db.transaction((i: number) => insert.run(`id-${i}`, '2026-11-25', i, `A${i}`, Date.now(), '{"source":"kiosk"}'));
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) one(n++);
  db.close();
  return n / seconds;
}

/** A hub in its own process with an admin logged in, hours open all day, and paired devices. */
async function benchHub(dir: string) {
  const proc = await startHubProcess(dir, { nodeArgs: process.env.BENCH_HUB_NODE_ARGS?.split(' ') ?? [] });
  const client = (token: string | null) => createHubClient(httpTransport(proc.url, () => token));
  const login = await client(null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
  await client(login.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: 'bench-password-1' });
  const admin = client((await client(null)['auth.login']({ username: 'admin', password: 'bench-password-1' })).token);
  await admin['site.update']({ queueHours: ALL_DAY });
  const cat = await admin['catalog.get']({});
  const pair = async (kind: 'kiosk' | 'display') => {
    const { code } = await admin['devices.createPairingCode']({ kind, name: kind, counterId: null });
    return (await client(null)['devices.pair']({ code })).token;
  };
  return { proc, admin, cat, kioskToken: await pair('kiosk'), displayToken: await pair('display'), client };
}

export async function queueBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const { proc, cat, kioskToken } = await benchHub(join(dir, 'issue'));
  try {
    const raw = rawDurableInserts(dir, 3);
    const services = cat.services.map((s) => s.id);

    // 1. Ticket issue through the HTTP API, 20 concurrent kiosks on keep-alive connections. A lean
    // http.request client: undici's fetch costs more CPU than the hub on this 2-core machine.
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const issueOnce = (serviceId: string) =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({ serviceId, priorityClassId: null });
        const req = request(`${proc.url}/api/tickets.issue`, { method: 'POST', agent, headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(body);
      });
    const latencies: number[] = [];
    const seconds = 5;
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: 20 }, async (_, w) => {
        for (let i = 0; performance.now() < end; i++) {
          const t0 = performance.now();
          await issueOnce(services[(w + i) % services.length]!);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    agent.destroy();
    const elapsed = (performance.now() - started) / 1000;
    const api = latencies.length / elapsed;
    const issue = summarize(latencies);

    await proc.kill('SIGTERM');

    // 2. Call → event at 20 connected displays, on a fresh hub with a realistic queue (300 waiting).
    const second = await benchHub(join(dir, 'call'));
    const kiosk = second.client(second.kioskToken);
    for (let i = 0; i < 300; i++) await kiosk['tickets.issue']({ serviceId: second.cat.services[i % 2]!.id, priorityClassId: i % 7 === 0 ? second.cat.priorityClasses[0]!.id : null });
    const { lastCallId } = await second.admin['display.state']({});
    const displays = Array.from({ length: 20 }, () => new EventClient(second.proc.url, second.displayToken, lastCallId));
    await Promise.all(displays.map((d) => d.until((c) => c.messages.some((m) => m.type === 'hello'))));
    await second.admin['counter.open']({ counterId: second.cat.counters[0]!.id });
    const sentAt = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const r = await second.admin['counter.callNext']({});
      sentAt.set(r.ticket!.id, t0);
      await Promise.all(displays.map((d) => d.until((c) => c.calls().some((x) => x.ticketId === r.ticket!.id))));
      await second.admin['counter.finish']({ ticketId: r.ticket!.id });
    }
    const delivery = displays.flatMap((d) =>
      d.messages.flatMap((m, i) => (m.type === 'call' ? [d.receivedAt[i]! - sentAt.get(m.call.ticketId)!] : [])),
    );
    for (const d of displays) d.close();
    await second.proc.kill('SIGTERM');
    const call = summarize(delivery);

    table('Queue — ticket issue through the HTTP API (20 concurrent kiosks, hub in its own process)', [
      ['raw better-sqlite3 durable single-row inserts (WAL, synchronous=FULL)', `${raw.toFixed(0)} rows/s`],
      ['API tickets.issue throughput', `${api.toFixed(0)} tickets/s (${issue.n} in ${elapsed.toFixed(1)} s)`],
      ['ratio API / raw', `${((api / raw) * 100).toFixed(0)} %  (aim ≥ 30 %)`],
      ['tickets.issue latency p50 / p99', `${ms(issue.p50)} / ${ms(issue.p99)}`],
    ]);
    table('Queue — call next → event at 20 connected displays (300 tickets waiting at the start)', [
      ['deliveries measured', String(call.n)],
      ['latency p50 / p99 / max', `${ms(call.p50)} / ${ms(call.p99)} / ${ms(call.max)}  (aim p99 < 50 ms)`],
    ]);
    return { rawInsertsPerS: raw, apiIssuePerS: api, ratio: api / raw, issueP50: issue.p50, issueP99: issue.p99, callP50: call.p50, callP99: call.p99 };
  } finally {
    await proc.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
