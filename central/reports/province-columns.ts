import type { SiteScore } from './scoring';

/**
 * The measures of the province's table, in order, with their Vietnamese headers and the group each
 * belongs to: written once for the page (embedded in its script) and the export.
 */
export const PROVINCE_COLUMNS = [
  { key: 'received', label: 'Hồ sơ tiếp nhận', kind: 'count', group: 'Hồ sơ' },
  // The result became ready in the period, as the hub's reports count "Đã giải quyết" (site-days.ts).
  { key: 'handled', label: 'Đã giải quyết', kind: 'count', group: 'Hồ sơ' },
  { key: 'early', label: 'Trước hạn', kind: 'count', group: 'Hồ sơ' },
  { key: 'onTime', label: 'Đúng hạn', kind: 'count', group: 'Hồ sơ' },
  { key: 'late', label: 'Quá hạn', kind: 'count', group: 'Hồ sơ' },
  { key: 'onTimeShare', label: 'Tỉ lệ đúng hạn', kind: 'share', group: 'Hồ sơ' },
  // Today's count, whatever period is shown.
  { key: 'overdue', label: 'Đang quá hạn (hôm nay)', kind: 'count', group: 'Hồ sơ' },
  { key: 'issued', label: 'Số thứ tự đã cấp', kind: 'count', group: 'Lượt phục vụ' },
  { key: 'served', label: 'Đã phục vụ', kind: 'count', group: 'Lượt phục vụ' },
  { key: 'noShow', label: 'Vắng mặt', kind: 'count', group: 'Lượt phục vụ' },
  { key: 'meanWaitMinutes', label: 'Chờ trung bình (phút)', kind: 'minutes', group: 'Lượt phục vụ' },
  { key: 'ratings', label: 'Lượt đánh giá', kind: 'count', group: 'Đánh giá' },
  { key: 'satisfiedShare', label: 'Tỉ lệ hài lòng', kind: 'share', group: 'Đánh giá' },
] as const;

export type ProvinceColumn = (typeof PROVINCE_COLUMNS)[number];

/** A site's value in a column (null: nothing to measure, shown as a dash). */
export function columnValue(s: SiteScore, key: ProvinceColumn['key']): number | null {
  switch (key) {
    case 'issued': case 'served': case 'noShow': case 'meanWaitMinutes': return s.tickets[key];
    case 'ratings': return s.ratings.count;
    case 'satisfiedShare': return s.ratings.satisfiedShare;
    default: return s.dossiers[key];
  }
}
