import type { StorageHealthView } from '../../contract/ops';

/**
 * Error codes that mean "no room left to write": SQLite's (better-sqlite3 puts it in `code`) and
 * the operating system's for files (a scan, a log) — ENOSPC, and EDQUOT for a user's quota.
 */
const noRoomCodes = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/** Whether a failed write failed because the disk is full. */
export function isDiskFull(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && noRoomCodes.has(error.code);
}

/** What one write came to, as far as the disk is concerned. */
export type WriteOutcome = 'saved' | 'disk_full' | 'failed_otherwise';

/**
 * Since when the hub has been unable to save for want of space, after one more write: a full disk
 * starts (or continues) the episode, any write that reached the disk ends it — the disk has room
 * again, with no probe and no timer — and a failure of another kind says nothing about the disk.
 */
export function diskFullSince(since: number | null, outcome: WriteOutcome, now: number): number | null {
  if (outcome === 'saved') return null;
  if (outcome === 'disk_full') return since ?? now;
  return since;
}

/** The staff banner: what is wrong, what it stops, who must act, and that nothing saved is lost. */
export const diskFullBanner = {
  title: 'Ổ đĩa của máy chủ Một Cửa đã đầy',
  message:
    'Chưa lưu được số thứ tự, hồ sơ hay thao tác mới. Quản trị viên cần giải phóng dung lượng trên ổ đĩa chứa dữ liệu của máy chủ; khi có chỗ trống, hệ thống tự hoạt động lại. Dữ liệu đã lưu không bị mất.',
} as const;

export function storageView(since: number | null): StorageHealthView {
  if (since === null) return { level: 'ok', since: null, title: null, message: null };
  return { level: 'disk_full', since: new Date(since).toISOString(), ...diskFullBanner };
}
