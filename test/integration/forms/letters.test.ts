import { describe, expect, it } from 'vitest';
import { currentForms, renderFormPdf, type FormTemplate } from '../../../main/node/forms';
import { apology, handover, refusal, supplement, withdrawal } from './fixtures';
import { expectLaidOutOnPaper } from './layout-checks';
import { flat, readPdf, savePng } from './pdf-tools';

async function render<D>(template: FormTemplate<D>, data: D, png: string): Promise<{ pdf: Buffer; text: string }> {
  const pdf = await renderFormPdf(template, data);
  await savePng(pdf, png);
  const read = await readPdf(pdf);
  expect(read.pages).toHaveLength(1);
  expectLaidOutOnPaper(read);
  return { pdf, text: flat(read.text()) };
}

function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at;
  }
}

describe('the desk’s other forms, one A4 page each', () => {
  it('Phiếu yêu cầu bổ sung lists everything missing once, each with its reason', async () => {
    const { text } = await render(currentForms.supplementRequest, supplement, 'mau-02-bo-sung');
    expectInOrder(text, [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Hồ sơ của: Công ty TNHH Thương mại và Dịch vụ Nông sản Đắk Đoa - Ia Grai (người đại diện: Lê Hoàng Quốc Việt)',
      'Nội dung yêu cầu giải quyết: Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm',
      'Yêu cầu Quý tổ chức bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      '1. Bản thuyết minh về cơ sở vật chất',
      'Lý do: Bản nộp thiếu phần mô tả khu vực sơ chế và kho bảo quản nông sản.',
      '2. Giấy xác nhận đủ sức khỏe',
      'Lý do: Giấy xác nhận của ông Đặng Quốc Hưng đã hết hạn (cấp ngày 02/03/2025).',
      '3. Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm',
      'Lý do: Chưa nộp.',
      'hướng dẫn một lần, đầy đủ bằng văn bản này',
      'liên hệ với Trần Thị Thu Hường, số điện thoại 0269 3823 456',
      'NGƯỜI HƯỚNG DẪN',
      'Trần Thị Thu Hường',
    ]);
    expect(text).not.toContain('Mã hồ sơ'); // never received, so no code yet
  });

  it('Phiếu từ chối gives the reason in words', async () => {
    const { text } = await render(currentForms.refusal, refusal, 'mau-03-tu-choi');
    expectInOrder(text, [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Ngọc Ánh',
      'Nội dung yêu cầu giải quyết: Đăng ký kết hôn có yếu tố nước ngoài',
      'không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      refusal.reason,
      'Xin thông báo để Ông/Bà được biết và thực hiện./.',
    ]);
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('Văn bản xin lỗi names the delay, its reason and the new return time', async () => {
    const { text } = await render(currentForms.apology, apology, 'mau-04-xin-loi');
    expectInOrder(text, [
      'UBND PHƯỜNG HỘI THƯƠNG',
      'Số: 125/TB-UBND',
      'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      'Kính gửi: Ông/Bà Nguyễn Thị Ngọc Ánh',
      'Ngày 26 tháng 11 năm 2026, Ủy ban nhân dân phường Hội Thương tiếp nhận hồ sơ',
      'mã hồ sơ H21.123.45-261126-0042; thời gian hẹn trả kết quả: 14 giờ 05 phút, ngày 03 tháng 12 năm 2026.',
      'Lý do: Hệ thống Cơ sở dữ liệu quốc gia về dân cư gián đoạn kết nối',
      'trân trọng xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ; thời gian trả kết quả mới: 10 giờ 00 phút, ngày 08 tháng 12 năm 2026.',
    ]);
    expect(text).toContain('Hội Thương, ngày 02 tháng 12 năm 2026');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    expect(text).toContain('Phạm Đức Thắng');
  });

  it('Thông báo dừng giải quyết records the applicant’s request', async () => {
    const { text } = await render(currentForms.withdrawal, withdrawal, 'mau-05-dung-giai-quyet');
    expectInOrder(text, [
      'Số: 37/TB-TTPVHCC',
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: H21.123.45-261126-0042',
      'Kính gửi: Ông/Bà Nguyễn Thị Ngọc Ánh',
      'Lúc 08 giờ 40 phút, ngày 30 tháng 11 năm 2026, Ông/Bà đã đề nghị dừng giải quyết hồ sơ nêu trên với lý do: gia đình chuyển về quê ngoại ở xã Ia Hrú',
      'thông báo dừng giải quyết hồ sơ theo đề nghị của Ông/Bà',
      'GIÁM ĐỐC',
      'Võ Thị Mỹ Duyên',
    ]);
  });

  it('Phiếu trả kết quả records who received what, and when', async () => {
    const { text } = await render(currentForms.handover, handover, 'phieu-tra-ket-qua');
    expectInOrder(text, [
      'PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: H21.123.45-261126-0042',
      'Hồ sơ của: Nguyễn Thị Ngọc Ánh',
      '1. Thời gian nhận hồ sơ: 14 giờ 05 phút, ngày 26 tháng 11 năm 2026',
      '2. Thời gian hẹn trả kết quả: 14 giờ 05 phút, ngày 03 tháng 12 năm 2026',
      '3. Thời gian trả kết quả: 09 giờ 20 phút, ngày 03 tháng 12 năm 2026',
      '(1) Giấy khai sinh (bản chính) (số lượng: 01)',
      '(2) Trích lục khai sinh (bản sao) (số lượng: 02)',
      '(3) Thẻ bảo hiểm y tế của trẻ em dưới 6 tuổi (số lượng: 01)',
      '5. Người nhận kết quả: Huỳnh Văn Đức (Cha của trẻ, được ủy quyền); số định danh cá nhân: 064089001234',
    ]);
    expect(text).toContain('NGƯỜI NHẬN KẾT QUẢ');
    expect(text).toContain('NGƯỜI TRẢ KẾT QUẢ');
  });

  it('every template has a distinct versioned id', () => {
    const ids = Object.values(currentForms).map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+@[a-z0-9-]+$/);
  });
});
