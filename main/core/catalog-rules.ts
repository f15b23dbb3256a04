import { HubError } from '../../contract/errors';
import type { StaffAccount } from '../../contract/people';
import type { Service } from '../../contract/queue';

/**
 * Two services may show the same prefix only if they draw from the same number sequence;
 * otherwise both would hand out "A015" on the same day.
 */
export function checkPrefixes(services: readonly Service[]): void {
  const byPrefix = new Map<string, Service>();
  for (const s of services) {
    const other = byPrefix.get(s.prefix);
    if (other && other.sequenceId !== s.sequenceId) {
      throw new HubError(
        'CONFLICT',
        `Tiền tố ${s.prefix} đã được dịch vụ ${other.name} dùng với một dãy số khác. Hãy chọn tiền tố khác hoặc dùng chung dãy số.`,
      );
    }
    byPrefix.set(s.prefix, s);
  }
}

/** A site must always keep one active admin, or nobody can set it up again. */
export function checkAdminsRemain(staff: readonly StaffAccount[]): void {
  if (!staff.some((s) => s.role === 'admin' && s.active)) {
    throw new HubError('CONFLICT', 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.');
  }
}
