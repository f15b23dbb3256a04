import { describe, expect, it } from 'vitest';
import { citizenDossierView, maskedName } from '../../../contract/citizen-dossier';
import { citizenLinkBase, receiptLinkBase } from '../../../main/core/citizen-links';
import { citizenTicketView } from '../../../main/core/citizen-ticket';

describe('where the QR codes printed for citizens lead', () => {
  it("takes the admin's address first, without a trailing slash", () => {
    expect(citizenLinkBase('http://motcua.lan/', ['http://192.168.1.10:8686'])).toBe('http://motcua.lan');
  });
  it("else the hub's address on the LAN, never the loopback a phone cannot reach", () => {
    expect(citizenLinkBase(null, ['http://127.0.0.1:8686'])).toBeNull();
    expect(citizenLinkBase(null, ['http://localhost:8686', 'http://[::1]:8686'])).toBeNull();
    expect(citizenLinkBase(null, ['http://127.0.0.1:8686', 'http://192.168.1.10:8686'])).toBe('http://192.168.1.10:8686');
  });
  it("sends a receipt to the province's public page when the province gave one, else where a ticket goes", () => {
    expect(receiptLinkBase('https://motcua.gialai.gov.vn/', 'http://motcua.lan', ['http://192.168.1.10:8686'])).toBe('https://motcua.gialai.gov.vn');
    expect(receiptLinkBase(null, 'http://motcua.lan', ['http://192.168.1.10:8686'])).toBe('http://motcua.lan');
    expect(receiptLinkBase(null, null, ['http://192.168.1.10:8686'])).toBe('http://192.168.1.10:8686');
  });
});

describe("the ticket's page, in the citizen's words", () => {
  const today = '2026-12-04';
  const view = (status: Parameters<typeof citizenTicketView>[0]['status'], more: Partial<Parameters<typeof citizenTicketView>[0]> = {}) =>
    citizenTicketView({ status, serviceDate: today, today, peopleAhead: null, counterNumber: null, ...more });

  it('counts the people ahead, and says when the citizen is next', () => {
    expect(view('waiting', { peopleAhead: 3 }).headline).toBe('Còn 3 người trước Ông/Bà');
    expect(view('waiting', { peopleAhead: 0 }).headline).toBe('Ông/Bà là người tiếp theo');
  });
  it('names the counter when called, "số" and the number kept on one line', () => {
    expect(view('called', { counterNumber: 3 })).toMatchObject({ stage: 'called', headline: 'Mời đến quầy số\u00a03' });
  });
  it("tells a no-show what to do, and a ticket from another day that it is spent", () => {
    expect(view('skipped').stage).toBe('missed');
    expect(view('waiting', { serviceDate: '2026-12-03', peopleAhead: null })).toMatchObject({ stage: 'other_day', headline: 'Phiếu của ngày 03/12/2026' });
    expect(view('finished', { serviceDate: '2026-12-03' }).stage).toBe('finished');
  });
  it('says apart that no counter serves the service yet, for a waiting ticket only', () => {
    const wait = { kind: 'noCounter', opensAt: null, text: 'Chưa có quầy nào đang mở cho dịch vụ này.' } as const;
    expect(view('waiting', { peopleAhead: 2, wait }).notice).toBe('Chưa có quầy nào đang mở cho dịch vụ này.');
    expect(view('waiting', { peopleAhead: 2, wait: { kind: 'range', minMinutes: 5, maxMinutes: 10, text: 'khoảng 5–10 phút' } }).notice).toBeNull();
    expect(view('waiting', { serviceDate: '2026-12-03', peopleAhead: null, wait }).notice).toBeNull();
    expect(view('called', { counterNumber: 1, wait }).notice).toBeNull();
  });
});

describe("the receipt's page", () => {
  it('shows initials only, letter by letter (Vietnamese letters and apostrophes included)', () => {
    expect(maskedName('Nguyễn Thị Hường')).toBe('N***** T** H****');
    expect(maskedName("  Rơ Châm H'Bia ")).toBe('R* C*** H****');
  });
  it('says that a ready result is to be collected', () => {
    expect(citizenDossierView('result_ready').headline).toBe('Đã có kết quả');
    expect(citizenDossierView('supplement_requested').headline).toBe('Hồ sơ cần bổ sung giấy tờ');
  });
});
