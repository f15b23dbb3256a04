import { CalendarYear } from '../../../contract/calendar';
import { HubError } from '../../../contract/errors';
import type { WeeklyHours } from '../../../contract/queue';


/** Validate a calendar year coming from the admin screen or the sync feed. */
export function parseCalendarYear(input: unknown): CalendarYear {
  const parsed = CalendarYear.safeParse(input);
  if (!parsed.success) {
    throw new HubError('VALIDATION_FAILED', `Lịch làm việc không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`, parsed.error.issues);
  }
  return parsed.data;
}

const weekday = [
  { from: '07:30', to: '11:30' },
  { from: '13:30', to: '17:00' },
];

/** Typical one-stop desk hours: Monday–Friday 07:30–11:30 and 13:30–17:00, no Saturday. */
export const DEFAULT_SESSIONS: WeeklyHours = [[], weekday, weekday, weekday, weekday, weekday, []];

/** domain-vn.md: same-day procedures received after 15:00 return the next working day. */
export const DEFAULT_SAME_DAY_CUTOFF = '15:00';

/**
 * National schedule 2025 for cán bộ, công chức, viên chức.
 * Source: Công văn 8726/VPCP-KGVX (26/11/2024) conveying the Prime Minister's decision, and
 * Thông báo 6150/TB-BLĐTBXH (late 2024; the Ministry of Labour, merged into the Ministry of Home
 * Affairs from 01/03/2025, still issued this one). Read in press copies of the notice
 * (baodanang.vn "Chi tiết lịch nghỉ lễ Quốc khánh 2/9…", thoidai.com.vn "Người lao động sẽ có kỳ
 * nghỉ 30/4-1/5 dài 5 ngày", vtv9.vtv.vn "Thủ tướng đồng ý nghỉ 9 ngày liên tục dịp tết Nguyên
 * đán Ất Tỵ 2025"), not the signed PDF itself.
 * - Tết: 5 days Mon 27/01 – Fri 31/01 (28 tháng Chạp Giáp Thìn – mùng 3 Ất Tỵ), 25/01–02/02 off.
 * - Giỗ Tổ: Mon 07/04. 30/4 Wed, 1/5 Thu; Fri 02/05 off, swapped with Sat 26/04 worked.
 * - Quốc khánh: Mon 01/09 and Tue 02/09 (30/08–02/09 off).
 * - 1/1 (Wed): one day, no swap — from press summaries; no notice text was found for it.
 */
const national2025: CalendarYear = {
  year: 2025,
  province: null,
  source: 'official',
  holidays: [
    { date: '2025-01-01', name: 'Tết Dương lịch' },
    { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)' },
    { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
    { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
    { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2025-04-30', name: 'Ngày Chiến thắng' },
    { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2025-09-02', name: 'Quốc khánh' },
  ],
  extraDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' }],
  workedWeekendDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 2/5' }],
  sessions: DEFAULT_SESSIONS,
  sameDayCutoff: DEFAULT_SAME_DAY_CUTOFF,
};

/**
 * National schedule 2026 for cán bộ, công chức, viên chức.
 * Source: Bộ Nội vụ's notice of 17/10/2025 on Tết and Quốc khánh 2026 (as in domain-vn.md; press:
 * 24h.com.vn, vnanet.vn), and Công văn 12729/VPCP-KGVX (25/12/2025) for New Year (press copies
 * only; this swap is not in domain-vn.md — confirm against the notice).
 * - 1/1 Thu; Fri 02/01 off, swapped with Sat 10/01 worked.
 * - Tết: Mon 16/02 (29 tháng Chạp Ất Tỵ) – Fri 20/02 (mùng 4 Bính Ngọ), 14/02–22/02 off.
 * - Giỗ Tổ: Sun 26/04 → Mon 27/04 off. 30/4 Thu, 1/5 Fri.
 * - Quốc khánh: Tue 01/09 and Wed 02/09; Mon 31/08 off, swapped with Sat 22/08 worked.
 */
const national2026: CalendarYear = {
  year: 2026,
  province: null,
  source: 'official',
  holidays: [
    { date: '2026-01-01', name: 'Tết Dương lịch' },
    { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' },
    { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)' },
    { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)' },
    { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)' },
    { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2026-04-30', name: 'Ngày Chiến thắng' },
    { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2026-09-02', name: 'Quốc khánh' },
  ],
  extraDaysOff: [
    { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)' },
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)' },
    { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)' },
  ],
  workedWeekendDays: [
    { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 2/1' },
    { date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8' },
  ],
  sessions: DEFAULT_SESSIONS,
  sameDayCutoff: DEFAULT_SAME_DAY_CUTOFF,
};

/** The schedules shipped with the app; sync and the admin screen add or replace entries. */
export const officialCalendars: readonly CalendarYear[] = [national2025, national2026];
