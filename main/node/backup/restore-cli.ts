import { join } from 'node:path';
import { HubError } from '../../../contract/errors';
import { formatVnDateTime } from '../../core/vn-time';
import { lockDataDir } from '../data-dir';
import { listSets, localRoot, secondRoot, type StoredSet } from './backup-sets';
import { noteOfSecondLocation } from './corrupt-refusal';
import { keyFromLocation } from './location-key';
import { askPassphrase } from './passphrase-prompt';
import { applyStagedRestore, stageRestore } from './restore';

/**
 * `restore <id> [--from <folder>]`: restores a set when the hub cannot start (its database is
 * damaged) or is stopped. The set is looked up in the data folder, then at the second location
 * the admin chose (or `--from`). An encrypted set asks for its passphrase
 * (MOTCUA_BACKUP_PASSPHRASE, or typed). The same checks and steps as a restore from the admin
 * screen (restore.ts). Returns the process's exit code.
 */
export async function runRestoreCommand(args: readonly string[], dataDir: string, print: (line: string) => void): Promise<number> {
  const id = args[0];
  const fromIndex = args.indexOf('--from');
  const from = fromIndex >= 0 ? args[fromIndex + 1] ?? null : noteOfSecondLocation(dataDir);
  if (!id || id.startsWith('--')) {
    print('Cách dùng: restore <mã bản sao lưu> [--from <thư mục nơi sao lưu thứ hai>]');
    print(`Các bản sao lưu trong ${localRoot(dataDir)}:`);
    for (const s of await listSets(localRoot(dataDir))) print(`  ${s.manifest.id}  ${formatVnDateTime(Date.parse(s.manifest.takenAt))}`);
    return 2;
  }
  let unlock: (() => void) | null = null;
  try {
    unlock = lockDataDir(dataDir);
    const set = await findSet(dataDir, id, from);
    let key: Buffer | null = null;
    if (set.manifest.encrypted) key = await keyFromLocation(join(set.dir, '..', '..'), process.env.MOTCUA_BACKUP_PASSPHRASE ?? (await askPassphrase('Mật khẩu sao lưu (không hiện khi gõ): ')));
    print(`Đang kiểm tra bản sao lưu ${set.manifest.id} (${formatVnDateTime(Date.parse(set.manifest.takenAt))}) ở ${set.dir}…`);
    await stageRestore(dataDir, set, key);
    const { record } = applyStagedRestore(dataDir, Date.now());
    print(`Đã khôi phục bản sao lưu ${record.backupId}.`);
    if (record.previousDatabaseKeptAt) print(`Cơ sở dữ liệu cũ được giữ lại ở ${record.previousDatabaseKeptAt}.`);
    print('Hãy khởi động lại Một Cửa. Hub bắt đầu một luồng đồng bộ mới và lấy lại từ máy chủ tỉnh những gì sau thời điểm sao lưu.');
    return 0;
  } catch (e) {
    print(e instanceof HubError || e instanceof Error ? e.message : String(e));
    return 1;
  } finally {
    unlock?.();
  }
}

async function findSet(dataDir: string, id: string, from: string | null): Promise<StoredSet> {
  for (const root of [localRoot(dataDir), ...(from ? [secondRoot(from), from] : [])]) {
    const set = (await listSets(root)).find((s) => s.manifest.id === id);
    if (set) return set;
  }
  throw new HubError('NOT_FOUND', `Không tìm thấy bản sao lưu ${id} trong ${localRoot(dataDir)}${from ? ` hay ở ${from}` : ''}.`);
}
