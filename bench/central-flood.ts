import { performance } from 'node:perf_hooks';
import { request } from 'node:http';
import { busyOutbox, createSite, syncHeaders } from '../test/central/helpers';
import { startCentralProcess, type CentralProcess } from '../test/support/central-process';
import { createTestDatabase } from '../test/support/postgres';
import { peakRss } from './proc';
import { ms, summarize, table } from './stats';

const TOKEN = 'bench-admin-token-of-the-province';
const SITES = 50;
const PUSHES = 200;

/** Peak resident memory of a process so far (Linux), in MiB. */

/** One POST of a prepared body; the status, or 0 when the connection was dropped. */
function push(url: string, siteId: string, credential: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/sync/v1/sites/${siteId}/events`, { method: 'POST', headers: { ...syncHeaders(siteId, credential), 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Another site asking for its status every 50 ms while `during` runs: how long it waits, and how often it got no answer. */
async function probeWhile(url: string, siteId: string, credential: string, during: Promise<unknown>): Promise<{ samples: number[]; failures: string[] }> {
  const samples: number[] = [];
  const failures: string[] = [];
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    const t = performance.now();
    const status = await fetch(`${url}/sync/v1/sites/${siteId}/status`, { headers: syncHeaders(siteId, credential) })
      .then(async (r) => (await r.arrayBuffer(), r.status))
      .catch((e: unknown) => String((e as { cause?: { code?: string } }).cause?.code ?? e));
    if (status === 200) samples.push(performance.now() - t);
    else failures.push(String(status));
    await new Promise((r) => setTimeout(r, 50));
  }
  return { samples, failures };
}

async function flood(central: CentralProcess, engine: string): Promise<void> {
  const sites = await Promise.all(Array.from({ length: SITES + 1 }, async (_, i) => {
    const siteId = `flood-${i}`;
    return { siteId, credential: await createSite(central.url, siteId, siteId, TOKEN) };
  }));
  const quiet = sites.pop()!;
  // The bodies are made before any clock starts; four pushes of a site share one body.
  const oversized = sites.map((s) => Buffer.from(JSON.stringify({ ...busyOutbox(s.siteId, 1).request([]), pad: 'x'.repeat(8 * 1024 * 1024) })));
  const full = sites.map((s) => {
    const o = busyOutbox(s.siteId, 3200);
    let events = o.events;
    while (Buffer.byteLength(JSON.stringify(o.request(events))) > 2 * 1024 * 1024 - 4096) events = events.slice(0, Math.floor(events.length * 0.95));
    return Buffer.from(JSON.stringify(o.request(events)));
  });

  const idle = summarize((await probeWhile(central.url, quiet.siteId, quiet.credential, new Promise((r) => setTimeout(r, 3000)))).samples);
  const run = async (bodies: Buffer[]) => {
    const started = performance.now();
    const all = Promise.all(Array.from({ length: PUSHES }, (_, i) => push(central.url, sites[i % SITES]!.siteId, sites[i % SITES]!.credential, bodies[i % SITES]!)));
    const probe = await probeWhile(central.url, quiet.siteId, quiet.credential, all);
    const statuses = await all;
    const counts = new Map<number, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    return { seconds: (performance.now() - started) / 1000, probe: summarize(probe.samples), failed: probe.failures.join(' ') || 'none', counts: [...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s || 'dropped'}×${n}`).join(' ') };
  };
  const big = await run(oversized);
  const ok = await run(full);
  table(`Central under a flood of pushes (${engine}): ${PUSHES} at once from ${SITES} sites; another site asks for its status every 50 ms`, [
    ['status answer, central idle (baseline)', `p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)}, max ${ms(idle.max)} (n=${idle.n})`],
    [`${PUSHES} × 8 MiB bodies`, `${big.seconds.toFixed(1)} s; answers ${big.counts}`],
    ['  status answer meanwhile', `p50 ${ms(big.probe.p50)}, p99 ${ms(big.probe.p99)}, max ${ms(big.probe.max)} (n=${big.probe.n}); unanswered: ${big.failed}`],
    [`${PUSHES} × 2 MiB valid batches`, `${ok.seconds.toFixed(1)} s; answers ${ok.counts}`],
    ['  status answer meanwhile', `p50 ${ms(ok.probe.p50)}, p99 ${ms(ok.probe.p99)}, max ${ms(ok.probe.max)} (n=${ok.probe.n}); unanswered: ${ok.failed}`],
    ['central peak RSS', `${peakRss(central.child.pid!).toFixed(0)} MiB`],
  ]);
}

/**
 * The central faces the internet: one site (or a stolen credential) sending many large bodies at
 * once must not freeze it for everybody else (the issue measured PGlite frozen > 30 s, PostgreSQL
 * 13.6 s, 1.4 GiB, before bodies were capped at 2 MiB and admitted a few at a time). The figure
 * that matters is how long another site waits for an answer during the flood, next to the same
 * request on the idle central in the same run.
 */
export async function centralFloodBench(): Promise<void> {
  const pgdb = await createTestDatabase();
  const onPostgres = await startCentralProcess({ databaseUrl: pgdb.url, env: { CENTRAL_ADMIN_TOKEN: TOKEN } });
  try {
    await flood(onPostgres, 'PostgreSQL 15');
  } finally {
    await onPostgres.kill('SIGTERM');
    await pgdb.dispose();
  }
  const onPglite = await startCentralProcess({ env: { CENTRAL_ADMIN_TOKEN: TOKEN } });
  try {
    await flood(onPglite, 'PGlite');
  } finally {
    await onPglite.kill('SIGTERM');
  }
}
