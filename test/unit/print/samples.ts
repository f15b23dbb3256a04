import type { ReceiptSlipData, TicketPrintData } from '../../../main/node/print/layout-types';

/** A ticket with everything a real one carries, names long enough to wrap on 58 mm paper. */
export const sampleTicket: TicketPrintData = {
  siteName: 'Trung tâm Phục vụ hành chính công huyện Đồng Hỷ',
  displayCode: 'A015',
  serviceName: 'Chứng thực bản sao, chữ ký',
  priorityLabel: 'Người cao tuổi',
  peopleAhead: 7,
  waitText: 'khoảng 15–20 phút',
  issuedAt: Date.parse('2026-11-25T09:05:00+07:00'),
  qrPayload: 'http://192.168.1.10:8686/tra-cuu-so?ngay=2026-11-25&so=A015',
  footer: 'Vui lòng chú ý màn hình và loa gọi số. Xin cảm ơn!',
};

export const sampleReceipt: ReceiptSlipData = {
  siteName: 'UBND xã Ấp Đồng, tỉnh Thái Nguyên',
  dossierCode: '000.00.12.H01-261125-0001',
  applicantName: 'Nguyễn Thị Hường',
  procedureName: 'Đăng ký khai sinh kết hợp đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  receivedAt: Date.parse('2026-11-25T09:05:00+07:00'),
  returnAt: Date.parse('2026-11-27T14:00:00+07:00'),
  lookupCode: 'K7P9QT',
};
