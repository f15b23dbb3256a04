import { z } from 'zod';

/**
 * Every error that crosses a transport (HTTP, WebSocket, IPC) is this envelope. `code` is stable
 * and meant for programs; `message` is Vietnamese and meant for the person at the screen.
 */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** Stable codes, their HTTP status and a default Vietnamese message. */
export const errorCatalog = {
  VALIDATION_FAILED: [400, 'Dữ liệu gửi lên không hợp lệ.'],
  BAD_REQUEST: [400, 'Yêu cầu không hợp lệ (địa chỉ hoặc cú pháp sai).'],
  METHOD_NOT_ALLOWED: [405, 'Phương thức không được hỗ trợ ở địa chỉ này.'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Nội dung phải được gửi ở dạng JSON (Content-Type: application/json).'],
  CROSS_ORIGIN: [403, 'Yêu cầu đến từ một trang web khác, không phải màn hình của Một Cửa: bị từ chối.'],
  UPGRADE_REQUIRED: [426, 'Địa chỉ này chỉ nhận kết nối WebSocket.'],
  UNAUTHENTICATED: [401, 'Vui lòng đăng nhập hoặc ghép nối thiết bị.'],
  SESSION_EXPIRED: [401, 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.'],
  DEVICE_REVOKED: [401, 'Thiết bị này đã bị thu hồi quyền truy cập. Liên hệ quản trị viên để ghép nối lại.'],
  LOGIN_FAILED: [401, 'Tên đăng nhập hoặc mật khẩu không đúng.'],
  LOGIN_THROTTLED: [429, 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.'],
  TOO_MANY_ATTEMPTS: [429, 'Nhập sai mã quá nhiều lần. Vui lòng thử lại sau ít phút.'],
  PASSWORD_CHANGE_REQUIRED: [403, 'Bạn cần đổi mật khẩu trước khi tiếp tục.'],
  PASSWORD_TOO_WEAK: [400, 'Mật khẩu mới phải có ít nhất 8 ký tự và khác mật khẩu cũ.'],
  FORBIDDEN: [403, 'Bạn không có quyền thực hiện thao tác này.'],
  NOT_FOUND: [404, 'Không tìm thấy dữ liệu yêu cầu.'],
  CONFLICT: [409, 'Dữ liệu đã bị thay đổi bởi thao tác khác, vui lòng tải lại.'],
  PAIRING_CODE_INVALID: [400, 'Mã ghép nối không đúng hoặc đã hết hạn.'],
  SERVICE_CLOSED: [409, 'Dịch vụ hiện không nhận số thứ tự.'],
  SERVICE_INACTIVE: [409, 'Dịch vụ này đã ngừng hoạt động.'],
  PRIORITY_NOT_ACCEPTED: [409, 'Dịch vụ này không nhận số ưu tiên.'],
  PRIORITY_REQUIRED: [409, 'Dịch vụ này chỉ dành cho đối tượng ưu tiên.'],
  DAILY_CAP_REACHED: [409, 'Dịch vụ đã hết số thứ tự trong ngày hôm nay.'],
  NUMBERS_EXHAUSTED: [409, 'Dãy số thứ tự của dịch vụ đã dùng hết trong ngày hôm nay.'],
  RECOVERY_PENDING: [503, 'Đang khôi phục dữ liệu từ máy chủ tỉnh sau khi phục hồi bản sao lưu: chưa cấp số thứ tự và mã hồ sơ để không trùng số đã cấp. Vui lòng chờ trong giây lát.'],
  RESTORE_IN_PROGRESS: [503, 'Đang khôi phục bản sao lưu, máy chủ sẽ khởi động lại trong giây lát: chưa cấp số thứ tự và mã hồ sơ để không trùng số đã cấp. Vui lòng chờ rồi thử lại.'],
  COUNTER_NOT_OPEN: [409, 'Bạn chưa mở quầy. Hãy chọn quầy để bắt đầu làm việc.'],
  COUNTER_IN_USE: [409, 'Quầy này đang được cán bộ khác sử dụng.'],
  STAFF_ALREADY_AT_COUNTER: [409, 'Bạn đang làm việc tại một quầy khác. Hãy đóng quầy đó trước.'],
  COUNTER_PAUSED: [409, 'Quầy đang tạm dừng. Hãy tiếp tục làm việc trước khi gọi số.'],
  COUNTER_BUSY: [409, 'Quầy đang có số được gọi hoặc đang phục vụ. Hãy kết thúc, chuyển hoặc bỏ qua số đó trước.'],
  COUNTER_NO_SKILL: [409, 'Quầy này không phục vụ dịch vụ đã chọn.'],
  UNDO_EXPIRED: [409, 'Đã quá thời gian hoàn tác thao tác này.'],
  UNDO_SUPERSEDED: [409, 'Số này đã được xử lý tiếp sau thao tác đó, không thể hoàn tác.'],
  NOT_CURRENT_TICKET: [409, 'Số này không còn là số hiện tại của quầy. Màn hình đã được cập nhật.'],
  ILLEGAL_TRANSITION: [409, 'Không thể thực hiện thao tác này với số thứ tự ở trạng thái hiện tại.'],
  TICKET_NOT_TODAY: [409, 'Số thứ tự này thuộc ngày khác, không thể gọi.'],
  SLOT_UNAVAILABLE: [409, 'Khung giờ này không nhận đặt lịch hẹn (ngoài giờ làm việc, ngày nghỉ, đã qua hoặc quá xa).'],
  SLOT_FULL: [409, 'Khung giờ này đã hết chỗ đặt tại bộ phận một cửa. Vui lòng chọn khung giờ khác.'],
  BOOKING_LIMIT: [409, 'Số định danh này đã có đủ số lịch hẹn được phép. Hãy hủy hoặc dùng lịch hẹn đã đặt trước khi đặt thêm.'],
  APPOINTMENT_NOT_FOUND: [404, 'Không tìm thấy lịch hẹn. Vui lòng kiểm tra lại mã lịch hẹn và số định danh.'],
  APPOINTMENT_TOO_EARLY: [409, 'Chưa đến giờ nhận lịch hẹn. Vui lòng quay lại gần giờ hẹn.'],
  APPOINTMENT_MISSED: [409, 'Đã quá giờ nhận lịch hẹn. Ông/Bà vui lòng lấy số thứ tự thông thường.'],
  APPOINTMENT_CANCELLED: [409, 'Lịch hẹn này đã được hủy. Ông/Bà vui lòng lấy số thứ tự thông thường.'],
  APPOINTMENT_NOT_TODAY: [409, 'Lịch hẹn này không phải hôm nay.'],
  APPOINTMENT_USED: [409, 'Lịch hẹn này đã được nhận số thứ tự rồi.'],
  DB_FROM_FUTURE: [500, 'Cơ sở dữ liệu được tạo bởi phiên bản phần mềm mới hơn. Hãy cập nhật phần mềm.'],
  DB_CORRUPT: [500, 'Tệp cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu gần nhất.'],
  BACKUP_INVALID: [409, 'Bản sao lưu bị hỏng hoặc không đầy đủ, không dùng để khôi phục được.'],
  BACKUP_LOCATION_UNAVAILABLE: [409, 'Không ghi được vào nơi sao lưu thứ hai (ổ USB chưa cắm, hoặc thư mục không ghi được).'],
  BACKUP_WRONG_PASSPHRASE: [400, 'Mật khẩu sao lưu không đúng.'],
  PAYLOAD_TOO_LARGE: [413, 'Dữ liệu gửi lên quá lớn.'],
  SETUP_NEEDED: [409, 'Đơn vị chưa được thiết lập. Quản trị viên hãy mở trang Quản trị để nhập thông tin đơn vị (hoặc chọn dùng thử với dữ liệu mẫu).'],
  SAMPLE_DATA: [409, 'Máy chủ đang chạy với DỮ LIỆU MẪU nên không tiếp nhận hồ sơ thật. Quản trị viên hãy nhập thông tin thật của đơn vị (Quản trị → Đơn vị) trước.'],
  AGENCY_CODE_INVALID: [400, 'Mã định danh cơ quan không đúng định dạng (ví dụ 000.00.15.H21 hoặc H21.123.45).'],
  AGENCY_CODE_TAKEN: [409, 'Mã định danh cơ quan này đã được một đơn vị khác đăng ký với hệ thống của tỉnh. Hãy kiểm tra lại mã của đơn vị mình.'],
  DOSSIER_INCOMPLETE: [409, 'Hồ sơ chưa đủ giấy tờ bắt buộc. Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.'],
  PROCEDURE_UNKNOWN: [404, 'Không tìm thấy thủ tục hành chính này trong danh mục.'],
  ALREADY_RATED: [409, 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà.'],
  RATING_NOT_OPEN: [409, 'Hồ sơ này chưa thể đánh giá: Ông/Bà đánh giá sau khi nhận kết quả.'],
  SCAN_UNREADABLE: [400, 'Không đọc được mã vừa quét. Vui lòng quét lại hoặc nhập tay.'],
  PRINTER_NOT_FOUND: [404, 'Chưa có máy in phù hợp. Quản trị viên cần khai báo máy in.'],
  CLOCK_SKEW_CONFIRM: [409, 'Đồng hồ của máy chủ Một Cửa đang lệch: cần xác nhận trước khi tiếp nhận hồ sơ.'],
  DISK_FULL: [507, 'Ổ đĩa của máy chủ Một Cửa đã đầy nên chưa lưu được thao tác này. Hãy báo quản trị viên giải phóng dung lượng; dữ liệu đã lưu không bị mất.'],
  HUB_UNREACHABLE: [503, 'Không kết nối được với máy chủ Một Cửa. Đang thử kết nối lại…'],
  REPORT_FAILED: [500, 'Không lập được báo cáo do lỗi khi đọc dữ liệu. Vui lòng thử lại; nếu vẫn lỗi, liên hệ quản trị viên.'],
  INTERNAL: [500, 'Đã có lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, liên hệ quản trị viên.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof errorCatalog;

/** The one error type the hub throws on purpose. Anything else becomes INTERNAL at a transport. */
export class HubError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalog[code][1]);
    this.name = 'HubError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCatalog[this.code][0];
  }
  toEnvelope(): ErrorEnvelope {
    return {
      error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) },
    };
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorCatalog, code);
}

/**
 * The only answers that mean "this credential is gone": a screen forgets its token (back to login
 * or pairing) on these and on nothing else. Everything else — a full disk, an internal error, a
 * hub that cannot be reached — is trouble to wait out with the credential kept.
 */
export const credentialLostCodes: readonly ErrorCode[] = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'DEVICE_REVOKED'];

export function isCredentialLost(code: string): boolean {
  return (credentialLostCodes as readonly string[]).includes(code);
}
