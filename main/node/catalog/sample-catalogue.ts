import type { ImportedProcedure } from './procedure-import';

/**
 * SAMPLE DATA — a few commune-level procedures so a new site can try intake at once. The names
 * and papers follow the usual commune procedures, but codes, fees and times are illustrative:
 * replace them with the province's published catalogue (Quản trị → Thủ tục → Nhập danh mục, or
 * sync from the province). Stored with source "sample" and shown as such.
 */
const paper = (name: string, form: 'original' | 'copy' | 'certified_copy' | 'original_or_copy', mandatory = true, count = 1) => ({ name, form, count, mandatory });

export const sampleProcedures: ImportedProcedure[] = [
  {
    code: '1.001193.000.00.00.H21', name: 'Đăng ký khai sinh', field: 'Hộ tịch', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'same_day' },
    documents: [paper('Tờ khai đăng ký khai sinh', 'original'), paper('Giấy chứng sinh', 'original'), paper('Giấy tờ tùy thân của người đi đăng ký (xuất trình)', 'original_or_copy')],
    fees: [], result: 'Giấy khai sinh (bản chính)', validFrom: '2025-07-01', active: true,
  },
  {
    code: '1.000894.000.00.00.H21', name: 'Đăng ký kết hôn', field: 'Hộ tịch', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'same_day' },
    documents: [paper('Tờ khai đăng ký kết hôn', 'original'), paper('Giấy tờ tùy thân của hai bên nam, nữ (xuất trình)', 'original_or_copy', true, 2)],
    fees: [], result: 'Giấy chứng nhận kết hôn', validFrom: '2025-07-01', active: true,
  },
  {
    code: '1.000656.000.00.00.H21', name: 'Đăng ký khai tử', field: 'Hộ tịch', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'same_day' },
    documents: [paper('Tờ khai đăng ký khai tử', 'original'), paper('Giấy báo tử hoặc giấy tờ thay Giấy báo tử', 'original_or_copy')],
    fees: [], result: 'Trích lục khai tử', validFrom: '2025-07-01', active: true,
  },
  {
    code: '1.004873.000.00.00.H21', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'working_days', value: 3 },
    documents: [paper('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'original'), paper('Bản án, quyết định ly hôn (nếu đã ly hôn)', 'copy', false)],
    fees: [{ name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', amount: 5000 }], result: 'Giấy xác nhận tình trạng hôn nhân', validFrom: '2025-07-01', active: true,
  },
  {
    code: '2.000815.000.00.00.H21', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'same_day' },
    documents: [paper('Bản chính giấy tờ, văn bản cần chứng thực', 'original'), paper('Bản sao cần chứng thực', 'copy')],
    fees: [{ name: 'Phí chứng thực bản sao (mỗi trang)', amount: 2000 }], result: 'Bản sao được chứng thực', validFrom: '2025-07-01', active: true,
  },
  {
    code: '2.000884.000.00.00.H21', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', field: 'Chứng thực', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'working_hours', value: 4 },
    documents: [paper('Giấy tờ, văn bản cần chứng thực chữ ký', 'original'), paper('Giấy tờ tùy thân của người yêu cầu chứng thực (xuất trình)', 'original_or_copy')],
    fees: [{ name: 'Phí chứng thực chữ ký', amount: 10000 }], result: 'Giấy tờ, văn bản được chứng thực chữ ký', validFrom: '2025-07-01', active: true,
  },
  {
    code: '2.000720.000.00.00.H21', name: 'Đăng ký thành lập hộ kinh doanh', field: 'Kinh doanh', authority: 'Ủy ban nhân dân cấp xã',
    processing: { unit: 'working_days', value: 3 },
    documents: [paper('Giấy đề nghị đăng ký hộ kinh doanh', 'original'), paper('Bản sao giấy tờ pháp lý của các thành viên hộ gia đình', 'copy'), paper('Văn bản ủy quyền (nếu có)', 'original', false)],
    fees: [{ name: 'Lệ phí đăng ký hộ kinh doanh', amount: 100000 }], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', validFrom: '2025-07-01', active: true,
  },
  {
    code: '1.003003.000.00.00.H21', name: 'Đăng ký biến động quyền sử dụng đất, tài sản gắn liền với đất', field: 'Đất đai', authority: 'Văn phòng đăng ký đất đai',
    processing: { unit: 'working_days', value: 10 },
    documents: [paper('Đơn đăng ký biến động đất đai', 'original'), paper('Giấy chứng nhận quyền sử dụng đất đã cấp', 'original'), paper('Hợp đồng, văn bản về việc chuyển quyền', 'certified_copy')],
    fees: [{ name: 'Lệ phí cấp Giấy chứng nhận', amount: 50000 }], result: 'Giấy chứng nhận đã xác nhận thay đổi', validFrom: '2025-07-01', active: true,
  },
];
