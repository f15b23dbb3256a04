import type { ProcessingTime } from '../../../contract/dossier';

/** "05 ngày làm việc", "16 giờ làm việc", "Trong ngày": how the receipt states the processing time. */
export function processingText(p: ProcessingTime): string {
  if (p.unit === 'same_day') return 'Trong ngày';
  const n = String(p.value).padStart(2, '0');
  return p.unit === 'working_days' ? `${n} ngày làm việc` : `${n} giờ làm việc`;
}
