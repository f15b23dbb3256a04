import { describe, expect, it } from 'vitest';
import type { ProcedureVersion } from '../../../contract/dossier';
import { feeLines, kioskProcedureView, paperWords, processingWords, submitPlace, vndWords } from '../../../main/core/kiosk-procedure';

describe('what the kiosk says of a procedure', () => {
  it('says the processing time in words, without the receipt’s zero padding', () => {
    expect(processingWords({ unit: 'working_days', value: 3 })).toBe('3 ngày làm việc');
    expect(processingWords({ unit: 'working_days', value: 15 })).toBe('15 ngày làm việc');
    expect(processingWords({ unit: 'working_hours', value: 8 })).toBe('8 giờ làm việc');
    expect(processingWords({ unit: 'same_day' })).toBe('Trong ngày');
  });

  it('writes amounts with the Vietnamese thousands dot, and says when there is nothing to pay', () => {
    expect(vndWords(0)).toBe('0 đồng');
    expect(vndWords(5000)).toBe('5.000 đồng');
    expect(vndWords(1_250_000)).toBe('1.250.000 đồng');
    expect(feeLines([])).toEqual(['Không mất phí, lệ phí']);
    expect(feeLines([{ name: 'Lệ phí cấp giấy', amount: 5000 }, { name: 'Phí bản sao', amount: 0 }])).toEqual(['Lệ phí cấp giấy: 5.000 đồng', 'Phí bản sao: miễn phí']);
  });

  it('says how many of each paper and in which form, and marks the optional ones', () => {
    expect(paperWords({ name: 'Tờ khai', form: 'original', count: 1, mandatory: true })).toBe('1 bản chính');
    expect(paperWords({ name: 'Giấy tờ tùy thân', form: 'original_or_copy', count: 2, mandatory: true })).toBe('2 bản chính hoặc bản sao');
    expect(paperWords({ name: 'Bản án ly hôn', form: 'certified_copy', count: 1, mandatory: false })).toBe('1 bản sao chứng thực (nếu có)');
  });

  it('names the one-stop desk once, whether or not the site is named for it', () => {
    expect(submitPlace('UBND xã Tân Phú')).toBe('Bộ phận Một cửa — UBND xã Tân Phú');
    expect(submitPlace('Bộ phận Một cửa xã Ia Dom')).toBe('Bộ phận Một cửa xã Ia Dom');
    expect(submitPlace('Trung tâm Phục vụ hành chính công tỉnh Gia Lai')).toBe('Trung tâm Phục vụ hành chính công tỉnh Gia Lai');
  });

  it('puts the papers, fees, time, result and where to submit in one view', () => {
    const p: ProcedureVersion = {
      id: '00000000-0000-7000-8000-000000000001', code: '1.004873.H21', version: 2, name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', authority: 'Ủy ban nhân dân cấp xã',
      processing: { unit: 'working_days', value: 3 }, documents: [{ name: 'Tờ khai', form: 'original', count: 1, mandatory: true }],
      fees: [{ name: 'Lệ phí', amount: 5000 }], result: 'Giấy xác nhận tình trạng hôn nhân', validFrom: '2025-07-01', active: true, source: 'admin',
    };
    expect(kioskProcedureView(p, { name: 'UBND xã Tân Phú', sampleData: true })).toEqual({
      code: '1.004873.H21', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch',
      papers: [{ name: 'Tờ khai', howMany: '1 bản chính', mandatory: true }], fees: ['Lệ phí: 5.000 đồng'], processing: '3 ngày làm việc',
      result: 'Giấy xác nhận tình trạng hôn nhân', authority: 'Ủy ban nhân dân cấp xã', submitAt: 'Bộ phận Một cửa — UBND xã Tân Phú', siteName: 'UBND xã Tân Phú', sampleData: true,
    });
  });
});
