import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '../../../contract/errors';
import { formatVnDateTime } from '../../core/vn-time';
import { databaseFileOf, listSets, LOCATIONS_FILE, localRoot, secondRoot, type StoredSet } from './backup-sets';
import { sha256Of } from './file-copy';

/** The command that restores a set when the hub cannot start (docs/OPERATIONS.md). */
export function restoreCommand(id: string, from: string | null = null): string {
  return `npm run restore -- ${id}${from ? ` --from "${from}"` : ''}`;
}

/** The second location the admin chose, as noted outside the database (null when none). */
export function noteOfSecondLocation(dataDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(localRoot(dataDir), LOCATIONS_FILE), 'utf8')) as { second: string | null }).second;
  } catch {
    return null;
  }
}

/**
 * The newest set whose database file still matches its manifest: the data folder's first, then
 * the second location's (an encrypted one cannot be checked without its passphrase and is
 * trusted by its manifest; the restore checks it).
 */
export async function newestGoodBackup(dataDir: string): Promise<{ set: StoredSet; from: string | null } | null> {
  for (const set of await listSets(localRoot(dataDir))) {
    if ((await sha256Of(databaseFileOf(set)).catch(() => null)) === set.manifest.database.sha256) return { set, from: null };
  }
  const second = noteOfSecondLocation(dataDir);
  if (second === null) return null;
  for (const set of await listSets(secondRoot(second))) {
    if (set.manifest.encrypted || (await sha256Of(databaseFileOf(set)).catch(() => null)) === set.manifest.database.sha256) return { set, from: second };
  }
  return null;
}

/** What DB_CORRUPT carries besides its message. */
export interface CorruptionDetails {
  readonly file: string | null;
  /** What is wrong and that the file is left as it is (the message's first part). */
  readonly problem: string;
  readonly backup: {
    readonly id: string; readonly takenAt: string; readonly path: string;
    /** The second location it is on; null for the data folder's own. */
    readonly from: string | null;
    readonly encrypted: boolean;
    readonly command: string;
  } | null;
}

/**
 * What a hub whose database file is damaged says instead of SQLite's "database disk image is
 * malformed": what is wrong, that the file is left as it is, and the newest good backup with the
 * exact command that restores it.
 */
export async function corruptionRefusal(dataDir: string, cause: HubError): Promise<HubError> {
  const { file, sqlite } = (cause.details ?? {}) as { file?: string; sqlite?: string };
  const good = await newestGoodBackup(dataDir);
  const head = `Tệp cơ sở dữ liệu ${file ?? join(dataDir, 'motcua.sqlite')} bị hỏng (SQLite: ${sqlite ?? cause.message}). Hub không mở tệp này để không làm hỏng thêm dữ liệu; tệp được giữ nguyên.`;
  const tail = good
    ? ` Bản sao lưu tốt gần nhất: ${good.set.manifest.id}, lúc ${formatVnDateTime(Date.parse(good.set.manifest.takenAt))}, ở ${good.set.dir}. ` +
      `Để khôi phục: mở cửa sổ lệnh trong thư mục chương trình Một Cửa và chạy\n  ${restoreCommand(good.set.manifest.id, good.from)}\n` +
      'rồi khởi động lại Một Cửa. Tệp hỏng được đổi tên và giữ lại bên cạnh, không bị xóa.'
    : ` Không tìm thấy bản sao lưu nào trong ${localRoot(dataDir)}${noteOfSecondLocation(dataDir) ? ` hay ở ${noteOfSecondLocation(dataDir)}` : ''}. Đừng xóa tệp; hãy liên hệ bộ phận kỹ thuật của tỉnh.`;
  return new HubError('DB_CORRUPT', head + tail, {
    file: file ?? null,
    // The Electron app words its own offer from these (main/node/shell/corrupt-start.ts): it has no command line.
    problem: head,
    backup: good
      ? { id: good.set.manifest.id, takenAt: good.set.manifest.takenAt, path: good.set.dir, from: good.from, encrypted: good.set.manifest.encrypted, command: restoreCommand(good.set.manifest.id, good.from) }
      : null,
  } satisfies CorruptionDetails);
}
