import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpdateFileView } from '../../../contract/about';
import { UPDATE_STATUS_FILE, UpdateStatus } from '../../../contract/update-status';
import { withoutUserinfo } from '../../core/diagnostics/redaction';

/**
 * The Electron shell's updater status (`<data>/update-status.json`), as the hub finds it. No file
 * is the normal case of a headless hub; a file that does not parse is said so, with why.
 */
export function readUpdateFile(dataDir: string | null): UpdateFileView {
  if (dataDir === null) return { kind: 'absent' };
  let text: string;
  try {
    text = readFileSync(join(dataDir, UPDATE_STATUS_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unreadable', message: `không mở được tệp ${UPDATE_STATUS_FILE} (${(e as NodeJS.ErrnoException).code ?? 'lỗi'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', message: `tệp ${UPDATE_STATUS_FILE} không phải JSON hợp lệ` };
  }
  const parsed = UpdateStatus.safeParse(json);
  if (!parsed.success) return { kind: 'unreadable', message: `tệp ${UPDATE_STATUS_FILE} không đúng định dạng (${parsed.error.issues[0]?.path.join('.') || 'gốc'})` };
  // The channel is the province's file server: an address with a password in it must not be shown.
  const s = parsed.data;
  const channelUrl = s.channelUrl === null ? null : withoutUserinfo(s.channelUrl);
  return { kind: 'read', status: { ...s, channelUrl, error: s.error && { ...s.error, message: withoutUserinfo(s.error.message) } } };
}
