import type { ComponentType } from 'react';
import type { StaffAccount } from '../../../../contract/people';
import { CalendarSection } from './CalendarSection';
import { CountersSection } from './CountersSection';
import { DevicesSection } from './DevicesSection';
import { DossierSettingsSection } from './DossierSettingsSection';
import { HoursSection } from './HoursSection';
import { PrintersSection } from './PrintersSection';
import { PriorityClassesSection } from './PriorityClassesSection';
import { ProceduresSection } from './ProceduresSection';
import { RatingSection } from './RatingSection';
import { ReportSettingsSection } from './ReportSettingsSection';
import { RulesSection } from './RulesSection';
import { ServicesSection } from './ServicesSection';
import { SiteSection } from './SiteSection';
import { StaffSection } from './StaffSection';
import { SyncSection } from './SyncSection';
import { AboutSection } from '../about/AboutSection';
import { BackupSection } from './BackupSection';
import { AppointmentSettingsSection } from './AppointmentSettingsSection';

export interface AdminSection {
  /** Used in the address (`/admin#dich-vu`), so a reload stays on the same section. */
  readonly id: string;
  readonly title: string;
  /** One line under the title saying what the section is for. */
  readonly intro: string;
  readonly Component: ComponentType<{ staff: StaffAccount }>;
}

/** The admin's sections, in menu order. A new section (printers, calendar, sync) is one line here. */
export const adminSections: readonly AdminSection[] = [
  { id: 'don-vi', title: 'Đơn vị', intro: 'Tên, địa chỉ và thông tin hiển thị của đơn vị.', Component: SiteSection },
  { id: 'gio-lay-so', title: 'Giờ lấy số', intro: 'Các khung giờ kiosk cấp số thứ tự trong tuần.', Component: HoursSection },
  { id: 'quy-tac-goi-so', title: 'Quy tắc gọi số', intro: 'Cách quầy chọn số tiếp theo khi cán bộ nhấn "Gọi số tiếp theo".', Component: RulesSection },
  { id: 'dich-vu', title: 'Dịch vụ', intro: 'Các dịch vụ công dân lấy số, tiền tố và dãy số của từng dịch vụ.', Component: ServicesSection },
  { id: 'doi-tuong-uu-tien', title: 'Đối tượng ưu tiên', intro: 'Các nhóm được ưu tiên gọi trước và mức ưu tiên của từng nhóm.', Component: PriorityClassesSection },
  { id: 'quay', title: 'Quầy', intro: 'Các quầy, dịch vụ mỗi quầy phục vụ và cán bộ đang làm việc.', Component: CountersSection },
  { id: 'can-bo', title: 'Cán bộ', intro: 'Tài khoản đăng nhập của cán bộ và quyền của từng người.', Component: StaffSection },
  { id: 'thiet-bi', title: 'Thiết bị', intro: 'Ghép nối kiosk, màn hình chờ, máy đánh giá; mã PIN mở khóa kiosk.', Component: DevicesSection },
  { id: 'may-in', title: 'Máy in', intro: 'Máy in phiếu số, phiếu tiếp nhận và trạng thái giấy của từng máy.', Component: PrintersSection },
  { id: 'thu-tuc', title: 'Thủ tục', intro: 'Danh mục thủ tục hành chính: nhập từ tệp, thêm phiên bản mới với giấy tờ, thời hạn và phí.', Component: ProceduresSection },
  { id: 'lich-lam-viec', title: 'Lịch làm việc', intro: 'Ngày nghỉ lễ, nghỉ bù, làm bù và giờ làm việc: dùng để tính thời hạn trả kết quả; kiosk không cấp số vào ngày nghỉ và cấp số vào ngày làm bù.', Component: CalendarSection },
  { id: 'lich-hen', title: 'Lịch hẹn', intro: 'Dịch vụ nhận đặt lịch hẹn, khung giờ, số chỗ mỗi lượt (phần của bộ phận một cửa và phần đặt trực tuyến), giờ nhận lịch hẹn tại kiosk.', Component: AppointmentSettingsSection },
  { id: 'ho-so', title: 'Hồ sơ', intro: 'Mã hồ sơ, thông tin in trên giấy tiếp nhận và các phiếu, lịch nghỉ và bản quét.', Component: DossierSettingsSection },
  { id: 'danh-gia', title: 'Đánh giá', intro: 'Câu hỏi, thang đánh giá và lý do trên máy đánh giá tại quầy.', Component: RatingSection },
  { id: 'bao-cao', title: 'Báo cáo', intro: 'Thời gian chờ mục tiêu mà báo cáo hàng chờ đo theo; báo cáo xem ở màn hình Giám sát.', Component: ReportSettingsSection },
  { id: 'dong-bo', title: 'Đồng bộ với tỉnh', intro: 'Kết nối với hệ thống của tỉnh, tình trạng gửi dữ liệu và các sự kiện bị từ chối.', Component: SyncSection },
  { id: 'sao-luu', title: 'Sao lưu', intro: 'Sao lưu tự động dữ liệu và bản quét vào thư mục dữ liệu và một nơi thứ hai (ổ USB, ổ đĩa khác); khôi phục khi cần.', Component: BackupSection },
  { id: 'gioi-thieu', title: 'Giới thiệu', intro: 'Phiên bản, máy chủ, cập nhật, thư viện sử dụng, và gói chẩn đoán gửi bộ phận kỹ thuật khi có sự cố.', Component: AboutSection },
];
