import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubClient, type HubClient } from '../contract/client';
import { foldVietnamese } from '../main/core/vn-fold';
import { uuidv7 } from '../main/node/db/uuidv7';
import { httpTransport } from '../renderer/src/hub/http-transport';
import { intake } from '../test/integration/dossier/intake-input';
import { startHubProcess } from '../test/support/hub-process';
import { ms, summarize, table } from './stats';

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Rơ Châm', 'Ksor', 'Siu', 'Rah Lan'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Thu', 'Kim', 'Công', ''];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hường', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến', 'H\'Hen', 'Blơi'];

/** A deterministic pseudo-random stream, so every run searches the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);

export async function dossiersBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-dossiers-'));
  try {
    // A site as first start makes it (procedures, staff), then a million dossiers written straight to SQLite.
    let proc = await startHubProcess(dir);
    const oneTime = proc.oneTimePassword!;
    await proc.kill('SIGTERM');
    const file = join(dir, 'motcua.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF'); // a benchmark fixture, not the product's write path
    const staffId = (db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const procedures = db.prepare('SELECT id, documents FROM procedure_versions').all() as { id: string; documents: string }[];
    const insert = db.prepare(
      `INSERT INTO dossiers (id, request_id, code, code_seq, lookup_code, status, procedure_version_id, applicant_kind, applicant_name, applicant_folded,
        id_number, date_of_birth, representative, address, phone, phone_digits, email, sets, channel, return_method, delivery_address, receiving_unit,
        ticket_id, officer_id, created_at, received_at, due_at, due_reason, returned_at, note, updated_at)
       VALUES (?, ?, ?, ?, ?, 'returned', ?, 'person', ?, ?, ?, '1980-01-01', '', 'Thôn 1, xã Mẫu', ?, ?, '', 1, 'direct', 'desk', '', 'UBND xã Mẫu', NULL, ?, ?, ?, ?, NULL, ?, '', ?)`,
    );
    const doc = db.prepare('INSERT INTO dossier_documents (dossier_id, idx, name, form, count, mandatory, received) VALUES (?, ?, ?, ?, 1, 1, 1)');
    const random = rng(20261126);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const start = Date.parse('2023-01-02T01:00:00Z');
    const genStarted = performance.now();
    const samples: { name: string; id: string; code: string }[] = [];
    let lastDay = '';
    let seq = 0;
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const at = start + i * 90_000; // one dossier every 90 s: four years of a busy provincial centre
        const day = new Date(at + 7 * 3_600_000).toISOString().slice(2, 10).replaceAll('-', '');
        seq = day === lastDay ? seq + 1 : 1;
        lastDay = day;
        const code = `000.00.00.H21-${day}-${String(seq).padStart(4, '0')}`;
        const name = [pick(surnames), pick(middles), pick(middles), pick(givens)].filter(Boolean).join(' ');
        const idNumber = `0${String(64_000_000_000 + i * 7919).slice(-11)}`;
        const phone = `09${String(10_000_000 + ((i * 104729) % 89_999_999)).padStart(8, '0')}`;
        const id = uuidv7(at);
        const p = procedures[i % procedures.length]!;
        insert.run(id, id, code, seq, 'BCDFGH', p.id, name, foldVietnamese(name), idNumber, phone, phone, staffId, at, at, at + 3 * 86_400_000, at + 2 * 86_400_000, at);
        (JSON.parse(p.documents) as { name: string; form: string }[]).forEach((d, idx) => doc.run(id, idx, d.name, d.form));
        if (i % 10_007 === 0) samples.push({ name, id: idNumber, code });
      }
    });
    for (let i = 0; i < DOSSIERS; i += 20_000) batch(i, Math.min(DOSSIERS, i + 20_000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const genSeconds = (performance.now() - genStarted) / 1000;
    db.close();
    const size = statSync(file).size;

    // Hub start with that database: spawn → serving.
    const t0 = performance.now();
    proc = await startHubProcess(dir);
    const startMs = performance.now() - t0;
    const client = (token: string | null) => createHubClient(httpTransport(proc.url, () => token));
    const first = await client(null)['auth.login']({ username: 'admin', password: oneTime });
    await client(first.token)['auth.changePassword']({ currentPassword: oneTime, newPassword: 'bench-password-1' });
    const officer: HubClient = client((await client(null)['auth.login']({ username: 'admin', password: 'bench-password-1' })).token);

    // Search through the API, and the raw query it runs, on the same file in the same run.
    const raw = new Database(file, { readonly: true });
    const rawFts = raw.prepare("SELECT rowid FROM dossiers_name_fts WHERE dossiers_name_fts MATCH ? ORDER BY rowid DESC LIMIT 50");
    const rawId = raw.prepare('SELECT id FROM dossiers WHERE id_number = ? LIMIT 50');
    const rawCode = raw.prepare("SELECT id FROM dossiers WHERE code >= ? AND code < ? || x'ff' LIMIT 50");
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
    raw.close();

    // Receiving a dossier through the API on the full database.
    await officer['counter.open']({ counterId: (await officer['catalog.get']({})).counters[0]!.id });
    const receive: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await officer['dossiers.receive'](intake());
      receive.push(performance.now() - t);
    }
    const rec = summarize(receive);
    await proc.kill('SIGTERM');

    const row = (label: string, m: { api: ReturnType<typeof summarize>; raw: ReturnType<typeof summarize> }): [string, string][] => [
      [`${label}: API dossiers.search p50 / p99`, `${ms(m.api.p50)} / ${ms(m.api.p99)}  (aim p99 < 50 ms)`],
      [`${label}: raw SQLite query p50 / p99`, `${ms(m.raw.p50)} / ${ms(m.raw.p99)}`],
    ];
    table(`Dossiers — ${DOSSIERS.toLocaleString('en')} dossiers (generated in ${genSeconds.toFixed(0)} s), ${byName.api.n} queries of each kind`, [
      ...row('name fragment (FTS5 trigram)', byName),
      ...row('ID number (index)', byId),
      ...row('dossier code (index range)', byCode),
      ['dossiers.receive through the API, 200 sequential, p50 / p99', `${ms(rec.p50)} / ${ms(rec.p99)}  (aim p99 < 20 ms)`],
      ['database size', `${(size / 1024 / 1024).toFixed(0)} MiB (${((size / DOSSIERS) * 1_000_000 / 1024 / 1024).toFixed(0)} MiB per million dossiers)`],
      ['hub start with this database (spawn → serving)', `${ms(startMs)}  (aim < 2 s)`],
    ]);
    return { nameP99: byName.api.p99, idP99: byId.api.p99, codeP99: byCode.api.p99, receiveP99: rec.p99, sizeMiB: size / 1024 / 1024, startMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
