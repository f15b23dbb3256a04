import { HubError } from '../../../contract/errors';
import { formatVnDateTime } from '../../core/vn-time';
import type { CorruptionDetails } from '../backup/corrupt-refusal';
import { runRestoreCommand } from '../backup/restore-cli';

/**
 * What the installed app says when the hub refused a damaged database (DB_CORRUPT). The headless
 * hub names the `npm run restore` command; the app has no command line, so it offers the newest
 * good backup at a click instead — the same checks and the same restore as the command. An
 * encrypted set needs its passphrase, which this dialog does not ask for: then the message says
 * who restores it and how (docs/OPERATIONS.md).
 */
export interface CorruptStart {
  readonly title: string;
  readonly message: string;
  /** The set to restore when the admin accepts; null when there is nothing to offer. */
  readonly offer: { readonly id: string; readonly from: string | null } | null;
}

export const RESTORE_BUTTONS = ['Khôi phục bản sao lưu này', 'Thoát'] as const;

export function corruptStart(e: unknown): CorruptStart | null {
  if (!(e instanceof HubError) || e.code !== 'DB_CORRUPT') return null;
  const d = e.details as CorruptionDetails;
  const title = 'Cơ sở dữ liệu bị hỏng';
  const b = d.backup;
  if (b === null) return { title, message: e.message, offer: null };
  const found = `Bản sao lưu tốt gần nhất: ${b.id}, lúc ${formatVnDateTime(Date.parse(b.takenAt))}, ở ${b.path}.`;
  if (b.encrypted) {
    return {
      title,
      message: `${d.problem}\n\n${found} Bản này được mã hóa: cần mật khẩu sao lưu. Hãy liên hệ bộ phận kỹ thuật của tỉnh để khôi phục (hướng dẫn "Khôi phục khi hub không khởi động được").`,
      offer: null,
    };
  }
  return {
    title,
    message: `${d.problem}\n\n${found}\n\nBấm "${RESTORE_BUTTONS[0]}" để kiểm tra bản này và đưa vào thay; tệp hỏng được đổi tên và giữ lại bên cạnh, không bị xóa. Một Cửa sẽ tự khởi động lại và lấy lại từ máy chủ tỉnh những gì làm sau bản sao lưu.`,
    offer: { id: b.id, from: b.from },
  };
}

/** Restores the offered set as `npm run restore` does; what it printed, for the dialog when it failed. */
export async function restoreOffered(dataDir: string, offer: NonNullable<CorruptStart['offer']>): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  const code = await runRestoreCommand([offer.id, ...(offer.from ? ['--from', offer.from] : [])], dataDir, (line) => lines.push(line));
  return { ok: code === 0, lines };
}
