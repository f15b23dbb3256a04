import { z } from 'zod';

/**
 * Pictograms beside citizen-facing words (issue 13): drawn as SVG the app ships
 * (renderer/src/ui/pictograms/), never emoji, which the kiosk's and TV's fonts show as empty
 * boxes. The data holds only these keys; the admin picks one per service and per priority group.
 */
export const serviceIcons = ['generic', 'civil_status', 'certification', 'land', 'business', 'social', 'justice', 'construction', 'transport', 'health', 'education'] as const;
export const ServiceIcon = z.enum(serviceIcons);
export type ServiceIcon = z.infer<typeof ServiceIcon>;

/** The priority groups of the law (domain-vn.md) each have their sign; `generic` for any other. */
export const priorityIcons = ['generic', 'elderly', 'disabled', 'pregnant', 'child', 'merit'] as const;
export const PriorityIcon = z.enum(priorityIcons);
export type PriorityIcon = z.infer<typeof PriorityIcon>;

/** The rating scale's faces, happiest first like the scale itself. */
export const faces = ['very_happy', 'happy', 'neutral', 'unhappy', 'very_unhappy'] as const;
export const Face = z.enum(faces);
export type Face = z.infer<typeof Face>;

/** What the admin's pickers call each pictogram (staff words: Vietnamese). */
export const serviceIconNames: Record<ServiceIcon, string> = {
  generic: 'Chung (giấy tờ)',
  civil_status: 'Hộ tịch (gia đình)',
  certification: 'Chứng thực (con dấu)',
  land: 'Đất đai (bản đồ)',
  business: 'Kinh doanh (cửa hàng)',
  social: 'Lao động – xã hội (bàn tay)',
  justice: 'Tư pháp (cán cân)',
  construction: 'Xây dựng (ngôi nhà)',
  transport: 'Giao thông (xe)',
  health: 'Y tế (chữ thập)',
  education: 'Giáo dục (mũ tốt nghiệp)',
};

export const priorityIconNames: Record<PriorityIcon, string> = {
  generic: 'Chung',
  elderly: 'Người cao tuổi',
  disabled: 'Người khuyết tật',
  pregnant: 'Phụ nữ mang thai',
  child: 'Người đưa trẻ nhỏ',
  merit: 'Người có công',
};
