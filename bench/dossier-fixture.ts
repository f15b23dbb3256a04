import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOOKUP_ALPHABET, lookupCodeFrom } from '../main/core/dossier/code';
import { foldName } from '../main/core/vn-fold';
import { uuidv7 } from '../main/node/db/uuidv7';
import { ADMIN_PASSWORD, hubAccounts, TEST_SITE } from '../test/support/hub';
import { startHubProcess } from '../test/support/hub-process';

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

export interface DossierSite {
  /** The database file, hub stopped. */
  readonly file: string;
  /** The admin's password (the one-time one changed when the site was set up, as its admin would). */
  readonly adminPassword: string;
  /** One dossier in ~10 000: its applicant's name, ID number, dossier code and lookup code, to search for. */
  readonly samples: readonly { name: string; id: string; code: string; lookup: string }[];
  readonly genSeconds: number;
  readonly bytes: number;
}

/**
 * A site as its first start makes it (procedures, staff), then `count` dossiers written straight to
 * SQLite: one every 90 s (four years of a busy provincial centre), Vietnamese names including
 * Jrai/Bahnar ones, each with its papers.
 */
export async function dossierSite(dir: string, count: number): Promise<DossierSite> {
  const proc = await startHubProcess(dir);
  // The setup wizard's operation, as the site's admin runs it on the first start (TEST_SITE).
  await hubAccounts(proc.url, { username: 'admin', password: proc.oneTimePassword! }).admin();
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
  const samples: { name: string; id: string; code: string; lookup: string }[] = [];
  let lastDay = '';
  let seq = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = start + i * 90_000;
      const day = new Date(at + 7 * 3_600_000).toISOString().slice(2, 10).replaceAll('-', '');
      seq = day === lastDay ? seq + 1 : 1;
      lastDay = day;
      const code = `${TEST_SITE.agencyCode}-${day}-${String(seq).padStart(4, '0')}`;
      const name = [pick(surnames), pick(middles), pick(middles), pick(givens)].filter(Boolean).join(' ');
      const idNumber = `0${String(64_000_000_000 + i * 7919).slice(-11)}`;
      const phone = `09${String(10_000_000 + ((i * 104729) % 89_999_999)).padStart(8, '0')}`;
      const id = uuidv7(at);
      const p = procedures[i % procedures.length]!;
      const lookup = lookupCodeFrom(Array.from({ length: 6 }, () => Math.floor(random() * LOOKUP_ALPHABET.length)));
      insert.run(id, id, code, seq, lookup, p.id, name, foldName(name), idNumber, phone, phone, staffId, at, at, at + 3 * 86_400_000, at + 2 * 86_400_000, at);
      (JSON.parse(p.documents) as { name: string; form: string }[]).forEach((d, idx) => doc.run(id, idx, d.name, d.form));
      if (i % 10_007 === 0) samples.push({ name, id: idNumber, code, lookup });
    }
  });
  for (let i = 0; i < count; i += 20_000) batch(i, Math.min(count, i + 20_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const genSeconds = (performance.now() - genStarted) / 1000;
  db.close();
  return { file, adminPassword: ADMIN_PASSWORD, samples, genSeconds, bytes: statSync(file).size };
}
