/** Realistic desk data for the form tests: long names with every kind of diacritic. */
import type {
  Applicant,
  ApologyFormData,
  FormHeader,
  HandoverFormData,
  ReceiptFormData,
  RefusalFormData,
  RegisterFormData,
  RegisterRow,
  SupplementRequestFormData,
  WithdrawalFormData,
} from '../../../main/node/forms/form-data';

export const at = (iso: string): number => Date.parse(iso);

export const header: FormHeader = {
  agencyLines: ['UBND PHƯỜNG HỘI THƯƠNG', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HỘI THƯƠNG'],
  place: 'Hội Thương',
  issuedAt: at('2026-11-26T14:05:00+07:00'),
};

export const person: Applicant = {
  kind: 'person',
  name: 'Nguyễn Thị Ngọc Ánh',
  address: 'Số 128/7 đường Trần Hưng Đạo, tổ dân phố 5, Phường Hội Thương, tỉnh Gia Lai',
  phone: '0905 123 456',
  email: 'ngocanh.nguyen@example.vn',
};

export const organisation: Applicant = {
  kind: 'organisation',
  name: 'Công ty TNHH Thương mại và Dịch vụ Nông sản Đắk Đoa - Ia Grai',
  representative: 'Lê Hoàng Quốc Việt',
  address: 'Lô B2, Khu công nghiệp Trà Đa, Phường Thống Nhất, tỉnh Gia Lai',
};

const procedure = 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (liên thông)';

export const receipt: ReceiptFormData = {
  header,
  dossierCode: 'H21.123.45-261126-0042',
  receivingUnit: 'Trung tâm Phục vụ hành chính công phường Hội Thương',
  applicant: person,
  procedureName: procedure,
  documents: [
    { name: 'Tờ khai đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế', kind: 'original', count: 1 },
    { name: 'Giấy chứng sinh do Bệnh viện Đa khoa tỉnh Gia Lai cấp', kind: 'original', count: 1 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ', kind: 'certified-copy', count: 1 },
    { name: 'Văn bản ủy quyền có chứng thực (trường hợp ủy quyền nộp hồ sơ)', kind: 'copy', count: 2 },
  ],
  sets: 1,
  processingTime: '05 ngày làm việc',
  receivedAt: at('2026-11-26T14:05:00+07:00'),
  returnAt: at('2026-12-03T14:05:00+07:00'),
  resultDelivery: { kind: 'desk', place: 'Trung tâm Phục vụ hành chính công phường Hội Thương' },
  register: { book: '03', sequence: '1.284' },
  fees: [
    { name: 'Lệ phí đăng ký khai sinh (miễn theo quy định)', amountVnd: 0 },
    { name: 'Phí cấp bản sao Trích lục khai sinh (02 bản)', amountVnd: 16_000 },
  ],
  lookup: { code: 'K7Q2-M9XA', qrPayload: 'https://motcua.local/tra-cuu?ma=H21.123.45-261126-0042&k=K7Q2M9XA' },
  officerName: 'Trần Thị Thu Hường',
};

export const supplement: SupplementRequestFormData = {
  header,
  receivingUnit: 'Trung tâm Phục vụ hành chính công phường Hội Thương',
  applicant: organisation,
  procedureName: 'Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm',
  items: [
    {
      what: 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm',
      reason: 'Bản nộp thiếu phần mô tả khu vực sơ chế và kho bảo quản nông sản.',
    },
    {
      what: 'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm',
      reason: 'Giấy xác nhận của ông Đặng Quốc Hưng đã hết hạn (cấp ngày 02/03/2025).',
    },
    { what: 'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm', reason: 'Chưa nộp.' },
  ],
  officerName: 'Trần Thị Thu Hường',
  contactPhone: '0269 3823 456',
};

export const refusal: RefusalFormData = {
  header,
  receivingUnit: 'Trung tâm Phục vụ hành chính công phường Hội Thương',
  applicant: person,
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  reason:
    'Thủ tục đăng ký kết hôn có yếu tố nước ngoài không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường; đề nghị Ông/Bà nộp hồ sơ tại Sở Tư pháp tỉnh Gia Lai (số 18 Trần Hưng Đạo, Phường Quy Nhơn) theo quy định tại Điều 37 Luật Hộ tịch.',
  officerName: 'Trần Thị Thu Hường',
};

export const apology: ApologyFormData = {
  header: { ...header, agencyLines: ['UBND TỈNH GIA LAI', 'UBND PHƯỜNG HỘI THƯƠNG'], documentNumber: '125/TB-UBND', issuedAt: at('2026-12-02T09:30:00+07:00') },
  dossierCode: 'H21.123.45-261126-0042',
  authorityName: 'Ủy ban nhân dân phường Hội Thương',
  applicant: person,
  procedureName: procedure,
  receivedAt: at('2026-11-26T14:05:00+07:00'),
  dueAt: at('2026-12-03T14:05:00+07:00'),
  reason:
    'Hệ thống Cơ sở dữ liệu quốc gia về dân cư gián đoạn kết nối từ ngày 30/11/2026 đến ngày 02/12/2026, chưa thể cập nhật thông tin đăng ký thường trú cho trẻ.',
  newReturnAt: at('2026-12-08T10:00:00+07:00'),
  signer: { titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Phạm Đức Thắng' },
};

export const withdrawal: WithdrawalFormData = {
  header: { ...header, documentNumber: '37/TB-TTPVHCC', issuedAt: at('2026-11-30T10:15:00+07:00') },
  dossierCode: 'H21.123.45-261126-0042',
  authorityName: 'Trung tâm Phục vụ hành chính công phường Hội Thương',
  receivingUnit: 'Trung tâm Phục vụ hành chính công phường Hội Thương',
  applicant: person,
  procedureName: procedure,
  receivedAt: at('2026-11-26T14:05:00+07:00'),
  requestedAt: at('2026-11-30T08:40:00+07:00'),
  reason: 'gia đình chuyển về quê ngoại ở xã Ia Hrú, tỉnh Gia Lai và sẽ đăng ký khai sinh tại đó',
  signer: { titleLines: ['GIÁM ĐỐC'], name: 'Võ Thị Mỹ Duyên' },
};

export const handover: HandoverFormData = {
  header: { ...header, issuedAt: at('2026-12-03T09:20:00+07:00') },
  dossierCode: 'H21.123.45-261126-0042',
  receivingUnit: 'Trung tâm Phục vụ hành chính công phường Hội Thương',
  applicant: person,
  procedureName: procedure,
  receivedAt: at('2026-11-26T14:05:00+07:00'),
  dueAt: at('2026-12-03T14:05:00+07:00'),
  returnedAt: at('2026-12-03T09:20:00+07:00'),
  results: [
    { name: 'Giấy khai sinh (bản chính)', count: 1 },
    { name: 'Trích lục khai sinh (bản sao)', count: 2 },
    { name: 'Thẻ bảo hiểm y tế của trẻ em dưới 6 tuổi', count: 1 },
  ],
  receiver: { name: 'Huỳnh Văn Đức', idNumber: '064089001234', relation: 'Cha của trẻ, được ủy quyền' },
  officerName: 'Trần Thị Thu Hường',
};

const names = ['Nguyễn Thị Ngọc Ánh', 'Rơ Châm Hyơk', 'Lê Hoàng Quốc Việt', 'Phạm Thị Thùy Dương', 'Ksor Nay Blơng', 'Đặng Quốc Hưng'];
const procedures = [
  procedure,
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
  'Đăng ký hộ kinh doanh',
  'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu',
];

/** Enough dossiers to fill three landscape pages. */
export const registerRows: RegisterRow[] = Array.from({ length: 40 }, (_, i) => {
  // Three dossiers a day, in office hours.
  const received = at('2026-11-02T07:45:00+07:00') + Math.floor(i / 3) * 86_400_000 + (i % 3) * 130 * 60_000;
  return {
    dossierCode: `H21.123.45-2611${String(2 + Math.floor(i / 3)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
    applicantName: names[i % names.length],
    applicantAddress: `Tổ dân phố ${(i % 9) + 1}, Phường Hội Thương, tỉnh Gia Lai`,
    procedureName: procedures[i % procedures.length],
    receivedAt: received,
    dueAt: received + 5 * 86_400_000,
    returnedAt: i % 4 === 3 ? undefined : received + (4 + (i % 3)) * 86_400_000,
    status: i % 4 === 3 ? 'Đang giải quyết' : i % 3 === 2 ? 'Quá hạn' : 'Đúng hạn',
    note: i % 5 === 0 ? 'Đã bổ sung hồ sơ một lần' : undefined,
  };
});

export const register: RegisterFormData = {
  agencyLines: header.agencyLines,
  book: '03',
  period: 'Từ ngày 01/11/2026 đến ngày 30/11/2026',
  rows: registerRows,
};
