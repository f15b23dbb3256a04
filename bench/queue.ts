import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubClient } from '../contract/client';
import type { WriteGroups } from '../main/node/db/write-queue';
import { httpTransport } from '../renderer/src/hub/http-transport';
import { EventClient } from '../test/support/events';
import { ALL_DAY, TEST_SITE } from '../test/support/hub';
import { startHubProcess, type HubProcess, type HubProcessOptions } from '../test/support/hub-process';
import type { CommunePc } from './commune-pc';
import { ms, summarize, table } from './stats';

const root = join(import.meta.dirname, '..');

/** A hub in its own process with an admin logged in, hours open all day, and paired devices. */
export async function benchHub(dir: string, options: HubProcessOptions = {}) {
  const proc = await startHubProcess(dir, { ...options, nodeArgs: [...(options.nodeArgs ?? []), ...(process.env.BENCH_HUB_NODE_ARGS?.split(' ') ?? [])] });
  const client = (token: string | null) => createHubClient(httpTransport(proc.url, () => token));
  const login = await client(null)['auth.login']({ username: 'admin', password: proc.oneTimePassword! });
  await client(login.token)['auth.changePassword']({ currentPassword: proc.oneTimePassword!, newPassword: 'bench-password-1' });
  const admin = client((await client(null)['auth.login']({ username: 'admin', password: 'bench-password-1' })).token);
  await admin['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY });
  const cat = await admin['catalog.get']({});
  const pair = async (kind: 'kiosk' | 'display') => {
    const { code } = await admin['devices.createPairingCode']({ kind, name: kind, counterId: null });
    return (await client(null)['devices.pair']({ code })).token;
  };
  return { proc, admin, cat, kioskToken: await pair('kiosk'), displayToken: await pair('display'), client };
}

/**
 * `tickets.issue` from `kiosks` concurrent kiosks on keep-alive connections for `seconds`. A lean
 * http.request client: undici's fetch costs more CPU than the hub on this 2-core machine.
 */
export async function issueLoad(proc: HubProcess, kioskToken: string, services: readonly string[], kiosks: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: kiosks });
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
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: kiosks }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        await issueOnce(services[(w + i) % services.length]!);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, elapsed, latency: summarize(latencies) };
}

/** What the hub's group commit came to over its life, from the line it logs when it stops. */
export function loggedWriteGroups(dataDir: string): WriteGroups {
  const dir = join(dataDir, 'logs');
  const lines = readdirSync(dir).sort().flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
  const stopped = lines.filter((l) => l.includes('"hub stopped"')).map((l) => JSON.parse(l) as { writeGroups?: WriteGroups });
  const groups = stopped.at(-1)?.writeGroups;
  if (!groups) throw new Error(`no "hub stopped" line with writeGroups in ${dir}`);
  return groups;
}

/**
 * Durable inserts straight into better-sqlite3 in their own process (bench/raw-commit.ts), under
 * the same wrapper as the hub: transactions of the sizes in `groups` ("1", "20:52,1:310").
 */
export function rawCommitRate(dir: string, seconds: number, groups: string, rowsPerRequest: number, pc: CommunePc | null): { requestsPerS: number; rowsPerS: number; commits: number } {
  mkdirSync(dir, { recursive: true });
  const argv = [...(pc?.wrap ?? []), process.execPath, '--import', 'tsx', join(root, 'bench', 'raw-commit.ts'), dir, String(seconds), groups, String(rowsPerRequest)];
  return JSON.parse(execFileSync(argv[0]!, argv.slice(1), { cwd: root, encoding: 'utf8' })) as { requestsPerS: number; rowsPerS: number; commits: number };
}

const groupList = (g: WriteGroups) => Object.entries(g.bySize).map(([size, times]) => `${size}:${times}`).join(',');
const requestsOf = (g: WriteGroups) => Object.entries(g.bySize).reduce((n, [size, times]) => n + Number(size) * times, 0);

/**
 * Ticket issue at `kiosks` concurrent kiosks next to two baselines measured in the same run, on
 * the same disk and core: one durable row per transaction, and the same rows committed in groups
 * of the sizes the hub's group commit actually made during the run.
 */
export async function issueVsBaselines(dir: string, kiosks: number, pc: CommunePc | null) {
  const hubDir = join(dir, 'issue');
  const { proc, cat, kioskToken } = await benchHub(hubDir, pc ? { wrap: pc.wrap, nodeArgs: [...pc.nodeArgs] } : {});
  let api: Awaited<ReturnType<typeof issueLoad>>;
  try {
    api = await issueLoad(proc, kioskToken, cat.services.map((s) => s.id), kiosks, 5);
  } finally {
    await proc.kill('SIGTERM');
  }
  const groups = loggedWriteGroups(hubDir);
  const requests = requestsOf(groups);
  const rowsPerRequest = Math.max(1, Math.round(groups.rows / requests));
  const single = rawCommitRate(join(dir, 'raw'), 3, '1', 1, pc);
  const grouped = rawCommitRate(join(dir, 'raw'), 3, groupList(groups), rowsPerRequest, pc);
  const largest = Math.max(...Object.keys(groups.bySize).map(Number));
  const rows: [string, string][] = [
    ['raw durable inserts, one row per transaction (WAL, synchronous=FULL)', `${single.requestsPerS.toFixed(0)} rows/s`],
    [`API tickets.issue, ${kiosks} concurrent kiosks`, `${api.perSecond.toFixed(0)} tickets/s (${api.latency.n} in ${api.elapsed.toFixed(1)} s)`],
    ['tickets.issue latency p50 / p99', `${ms(api.latency.p50)} / ${ms(api.latency.p99)}`],
    ['the hub\'s commits (its whole life, set-up writes included)', `${groups.commits} commits of ${requests} requests: ${(requests / groups.commits).toFixed(1)} a commit on average, largest ${largest}; ${(groups.rows / requests).toFixed(1)} rows a request`],
    [`raw grouped commits, the same group sizes, ${rowsPerRequest} rows a request`, `${grouped.requestsPerS.toFixed(0)} requests/s (${grouped.rowsPerS.toFixed(0)} rows/s, ${grouped.commits} commits)`],
    ['ratio API / raw one row per transaction', `${((api.perSecond / single.requestsPerS) * 100).toFixed(0)} %`],
    ['ratio API / raw grouped commits', `${((api.perSecond / grouped.requestsPerS) * 100).toFixed(0)} %`],
  ];
  return { rows, api, single, grouped, groups };
}

export async function queueBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  try {
    // 1. Ticket issue through the HTTP API, 20 concurrent kiosks, next to its baselines.
    const issue = await issueVsBaselines(dir, 20, null);

    // 2. Call → event at 20 connected displays, on a fresh hub with a realistic queue (300 waiting).
    const second = await benchHub(join(dir, 'call'));
    try {
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
      const call = summarize(delivery);

      table('Queue — ticket issue through the HTTP API (20 concurrent kiosks, hub in its own process)', issue.rows);
      table('Queue — call next → event at 20 connected displays (300 tickets waiting at the start)', [
        ['deliveries measured', String(call.n)],
        ['latency p50 / p99 / max', `${ms(call.p50)} / ${ms(call.p99)} / ${ms(call.max)}  (aim p99 < 50 ms)`],
      ]);
      return {
        rawSinglePerS: issue.single.requestsPerS, rawGroupedPerS: issue.grouped.requestsPerS, apiIssuePerS: issue.api.perSecond,
        issueP50: issue.api.latency.p50, issueP99: issue.api.latency.p99, callP50: call.p50, callP99: call.p99,
      };
    } finally {
      await second.proc.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
