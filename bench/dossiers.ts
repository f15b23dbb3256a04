import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubClient, type HubClient } from '../contract/client';
import { foldVietnamese } from '../main/core/vn-fold';
import { httpTransport } from '../renderer/src/hub/http-transport';
import { intake } from '../test/integration/dossier/intake-input';
import { startHubProcess } from '../test/support/hub-process';
import { dossierSite } from './dossier-fixture';
import { startUpRow, startUpTimes } from './start-up';
import { ms, summarize, table } from './stats';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);

/** `dossiers.receive` `count` times in a row, by an officer at an open counter. */
export async function receiveLatency(officer: HubClient, count: number) {
  const receive: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await officer['dossiers.receive'](intake());
    receive.push(performance.now() - t);
  }
  return summarize(receive);
}

export async function dossiersBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-dossiers-'));
  try {
    const site = await dossierSite(dir, DOSSIERS);
    const { file, samples, genSeconds } = site;
    const size = site.bytes;

    // Hub start with that database: spawn → serving.
    const start = await startUpTimes(dir, {});
    const proc = await startHubProcess(dir);
    const client = (token: string | null) => createHubClient(httpTransport(proc.url, () => token));
    const officer: HubClient = client((await client(null)['auth.login']({ username: 'admin', password: site.adminPassword })).token);

    // Search through the API, and the raw query it runs, on the same file in the same run.
    const raw = new Database(file, { readonly: true });
    const rawFts = raw.prepare("SELECT rowid FROM dossiers_name_fts WHERE dossiers_name_fts MATCH ? ORDER BY rowid DESC LIMIT 50");
    const rawId = raw.prepare('SELECT id FROM dossiers WHERE id_number = ? LIMIT 50');
    const rawCode = raw.prepare("SELECT id FROM dossiers WHERE code >= ? AND code < ? || x'ff' LIMIT 50");
    // The tail without migration 012's index: what matching the end of the code would cost.
    const rawTailScan = raw.prepare("SELECT id FROM dossiers WHERE code LIKE '%-' || ? LIMIT 50");
    const rawLookup = raw.prepare('SELECT id FROM dossiers WHERE lookup_code = ? LIMIT 50');
    const tails = samples.map((s) => s.code.slice(s.code.indexOf('-') + 1)); // "230102-0001"…
    const fragments = samples.map((s) => foldVietnamese(s.name).split(' ').slice(-2).join(' ')); // "van hung", "thi huong"…
    const measure = async (queries: string[], api: (q: string) => Promise<unknown>, direct: (q: string) => unknown) => {
      const a: number[] = [];
      const r: number[] = [];
      for (const q of queries) {
        let t = performance.now();
        await api(q);
        a.push(performance.now() - t);
        t = performance.now();
        direct(q);
        r.push(performance.now() - t);
      }
      return { api: summarize(a), raw: summarize(r) };
    };
    const byName = await measure(fragments, (q) => officer['dossiers.search']({ q }), (q) => rawFts.all(`"${q}"`));
    const byId = await measure(samples.map((s) => s.id), (q) => officer['dossiers.search']({ q }), (q) => rawId.all(q));
    const byCode = await measure(samples.map((s) => s.code), (q) => officer['dossiers.search']({ q }), (q) => rawCode.all(q, q));
    const byTail = await measure(tails, (q) => officer['dossiers.search']({ q }), (q) => rawTailScan.all(q));
    const byLookup = await measure(samples.map((s) => s.lookup.toLowerCase()), (q) => officer['dossiers.search']({ q }), (q) => rawLookup.all(q.toUpperCase()));
    raw.close();

    // Receiving a dossier through the API on the full database.
    await officer['counter.open']({ counterId: (await officer['catalog.get']({})).counters[0]!.id });
    const rec = await receiveLatency(officer, 200);
    await proc.kill('SIGTERM');

    const row = (label: string, m: { api: ReturnType<typeof summarize>; raw: ReturnType<typeof summarize> }): [string, string][] => [
      [`${label}: API dossiers.search p50 / p99`, `${ms(m.api.p50)} / ${ms(m.api.p99)}  (aim p99 < 50 ms)`],
      [`${label}: raw SQLite query p50 / p99`, `${ms(m.raw.p50)} / ${ms(m.raw.p99)}`],
    ];
    table(`Dossiers — ${DOSSIERS.toLocaleString('en')} dossiers (generated in ${genSeconds.toFixed(0)} s), ${byName.api.n} queries of each kind`, [
      ...row('name fragment (FTS5 trigram)', byName),
      ...row('ID number (index)', byId),
      ...row('dossier code (index range)', byCode),
      ...row('code tail "YYMMDD-NNNN" (API: index on the tail; raw: LIKE scan, no index)', byTail),
      ...row('lookup code, lower case (index)', byLookup),
      ['dossiers.receive through the API, 200 sequential, p50 / p99', `${ms(rec.p50)} / ${ms(rec.p99)}  (aim p99 < 20 ms)`],
      ['database size', `${(size / 1024 / 1024).toFixed(0)} MiB (${((size / DOSSIERS) * 1_000_000 / 1024 / 1024).toFixed(0)} MiB per million dossiers)`],
      startUpRow('hub start with this database (spawn → serving), 3 runs each', start),
    ]);
    return { nameP99: byName.api.p99, idP99: byId.api.p99, codeP99: byCode.api.p99, tailP99: byTail.api.p99, lookupP99: byLookup.api.p99, receiveP99: rec.p99, sizeMiB: size / 1024 / 1024, startBuiltMs: Math.min(...start.built), startTsxMs: Math.min(...start.tsx) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
