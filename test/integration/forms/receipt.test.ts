import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentForms, renderFormPdf, type ReceiptFormData } from '../../../main/node/forms';
import { organisation, receipt } from './fixtures';
import { expectLaidOutOnPaper } from './layout-checks';
import { flat, pageRgba, pdfFonts, readPdf, savePng, type ReadPdf } from './pdf-tools';

describe('Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  let pdf: Buffer;
  let read: ReadPdf;
  beforeAll(async () => {
    pdf = await renderFormPdf(currentForms.receipt, receipt);
    read = await readPdf(pdf);
    await savePng(pdf, 'mau-01-tiep-nhan');
  });

  it('prints the two copies as two pages, Liên 1 then Liên 2', () => {
    expect(read.pages).toHaveLength(2);
    expect(read.text(1)).toContain('(Liên 1: Lưu)');
    expect(read.text(2)).toContain('(Liên 2: Giao người nộp)');
    expect(read.text(1)).not.toContain('Liên 2');
  });

  it.each([1, 2])('prints every field of the form on copy %i, in order', (page) => {
    const text = flat(read.text(page));
    const fields = [
      'UBND PHƯỜNG HỘI THƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hội Thương, ngày 26 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: H21.123.45-261126-0042',
      'Trung tâm Phục vụ hành chính công phường Hội Thương',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Ngọc Ánh',
      'Địa chỉ: Số 128/7 đường Trần Hưng Đạo, tổ dân phố 5, Phường Hội Thương, tỉnh Gia Lai',
      'Số điện thoại: 0905 123 456',
      'Email: ngocanh.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (liên thông)',
      '1. Thành phần hồ sơ nộp gồm:',
      '(1) Tờ khai đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế (Bản chính: 01)',
      '(2) Giấy chứng sinh do Bệnh viện Đa khoa tỉnh Gia Lai cấp (Bản chính: 01)',
      '(3) Giấy chứng nhận kết hôn của cha, mẹ (Bản sao chứng thực: 01)',
      '(4) Văn bản ủy quyền có chứng thực (trường hợp ủy quyền nộp hồ sơ) (Bản sao: 02)',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định: 05 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 14 giờ 05 phút, ngày 26 tháng 11 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 14 giờ 05 phút, ngày 03 tháng 12 năm 2026',
      '6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công phường Hội Thương',
      '7. Phí, lệ phí: 16.000 đồng',
      '- Phí cấp bản sao Trích lục khai sinh (02 bản): 16.000 đồng',
      'Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 1.284',
      'Mã tra cứu: K7Q2-M9XA',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Trần Thị Thu Hường',
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 2 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ',
      'một liên giao cho cá nhân, tổ chức nộp hồ sơ',
    ];
    let from = 0;
    for (const field of fields) {
      const at = text.indexOf(field, from);
      expect(at, `"${field}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('keeps each copy on one A4 page inside the margins, in Be Vietnam Pro only', async () => {
    for (const page of read.pages) expect([page.width, page.height]).toEqual([595.28, 841.89]); // A4 in points
    expectLaidOutOnPaper(read);
    expect(new Set((await pdfFonts(pdf)).map((f) => f.replace(/^[A-Z]{6}\+/, '')))).toEqual(
      new Set(['BeVietnamPro-Regular', 'BeVietnamPro-Bold', 'BeVietnamPro-Italic', 'BeVietnamPro-BoldItalic']),
    );
  });

  it('draws a QR that a scanner reads back as the lookup payload', async () => {
    // 150 dpi: what a cheap office printer gives, scanned back by a phone.
    const { data, width, height } = await pageRgba(pdf, 2, 150);
    expect(jsQR(data, width, height)?.data).toBe(receipt.lookup!.qrPayload);
  });

  it('names the template version in the PDF metadata', () => {
    expect(read.title).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(read.subject).toBe('Mẫu số 01 (mau-01@tt03-2025)');
  });

  it('reprints only the copies asked for', async () => {
    const again = await renderFormPdf(currentForms.receipt, receipt, { copies: ['Liên 2: Giao người nộp (in lại)'] });
    const copy = await readPdf(again);
    expect(copy.pages).toHaveLength(1);
    expect(copy.text()).toContain('(Liên 2: Giao người nộp (in lại))');
  });

  it('prints an organisation with its representative, by post, with no fees, lookup, phone or e-mail', async () => {
    const data: ReceiptFormData = {
      ...receipt,
      applicant: organisation,
      resultDelivery: { kind: 'post', address: organisation.address },
      fees: undefined,
      lookup: undefined,
    };
    const out = await renderFormPdf(currentForms.receipt, data);
    const read = await readPdf(out);
    const text = flat(read.text(1));
    expect(text).toContain(
      'Tiếp nhận hồ sơ của: Công ty TNHH Thương mại và Dịch vụ Nông sản Đắk Đoa - Ia Grai (người đại diện: Lê Hoàng Quốc Việt)',
    );
    expect(text).toContain('Số điện thoại: ……………………');
    expect(text).toContain(
      '6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, đến địa chỉ: Lô B2, Khu công nghiệp Trà Đa, Phường Thống Nhất, tỉnh Gia Lai',
    );
    expect(text).not.toContain('Phí, lệ phí');
    expect(text).not.toContain('Mã tra cứu');
    expect(text).toContain('Lê Hoàng Quốc Việt'); // signs for the organisation
    await savePng(out, 'mau-01-to-chuc');
    expectLaidOutOnPaper(read);
  });

  it('wraps overlong names and runs onto a second page per copy, numbering the pages', async () => {
    const data: ReceiptFormData = {
      ...receipt,
      applicant: {
        ...receipt.applicant,
        name: 'Nguyễn Thị Ngọc Ánh Huyền Trân Tôn Nữ Hoàng Phương Thảo Nguyên Khánh Linh Đặng Huỳnh Bảo Ngọc',
        email: 'nguyenthingocanhhuyentrantonnuhoangphuongthao.phuonghoithuong@example.gialai.gov.vn',
      },
      documents: Array.from({ length: 14 }, (_, i) => ({
        name: `Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất số ${i + 1}`,
        kind: 'certified-copy' as const,
        count: i + 1,
      })),
    };
    const out = await renderFormPdf(currentForms.receipt, data);
    await savePng(out, 'mau-01-dai');
    const read = await readPdf(out);
    expect(read.pages).toHaveLength(4);
    expect(read.text(1)).toContain('Trang 1/2');
    expect(read.text(3)).toContain('(Liên 2: Giao người nộp)');
    expect(read.text(4)).toContain('Trang 2/2');
    const text = flat(read.text());
    expect(text).toContain('(14) Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất số 14 (Bản sao chứng thực: 14)');
    expect(text.replace(/ /g, '')).toContain(data.applicant.email!);
    expectLaidOutOnPaper(read);
  });
});
