import { describe, expect, it } from 'vitest';
import { formatReceiptQr, parseReceiptQr } from '../../../contract/receipt-qr';

const qr = { dossierCode: '000.00.12.H01-261125-0001', lookupCode: 'K7P9QT' };

describe('receipt QR', () => {
  it('round-trips the compact form', () => {
    const text = formatReceiptQr(qr);
    expect(text).toBe('MC1|000.00.12.H01-261125-0001|K7P9QT');
    expect(parseReceiptQr(text)).toEqual({ ok: true, value: { ...qr, form: 'compact' } });
  });

  it('round-trips the URL form a phone opens', () => {
    const text = formatReceiptQr(qr, 'http://192.168.1.10:8686/');
    expect(text).toBe('http://192.168.1.10:8686/tra-cuu?hs=000.00.12.H01-261125-0001&ma=K7P9QT');
    expect(parseReceiptQr(text)).toEqual({ ok: true, value: { ...qr, form: 'url' } });
  });

  it('survives a wedge scanner with Caps Lock on and a trailing Enter', () => {
    expect(parseReceiptQr('mc1|000.00.12.h01-261125-0001|k7p9qt\r\n')).toEqual({ ok: true, value: { ...qr, form: 'compact' } });
    expect(parseReceiptQr('HTTP://192.168.1.10:8686/TRA-CUU?HS=000.00.12.H01-261125-0001&MA=K7P9QT').ok).toBe(true);
  });

  it('tells other QR codes from damaged receipt codes', () => {
    expect(parseReceiptQr('https://example.com/')).toMatchObject({ ok: false, code: 'RECEIPT_QR_UNKNOWN' });
    expect(parseReceiptQr('001099012345|||')).toMatchObject({ ok: false, code: 'RECEIPT_QR_UNKNOWN' });
    for (const bad of ['MC1|000.00.12.H01-261125-0001', 'MC1|x|y|z', 'MC1|000 001|K7P9QT', 'MC1|0001|K7', 'http://h/tra-cuu?hs=0001', 'http://h/tra-cuu?hs=%E0%A4%A&ma=K7P9QT']) {
      const result = parseReceiptQr(bad);
      expect(result).toMatchObject({ ok: false, code: 'RECEIPT_QR_INVALID' });
      expect(result.ok || result.message).toMatch(/giấy tiếp nhận/);
    }
  });

  it('refuses to format values a scanner could not read back', () => {
    expect(() => formatReceiptQr({ dossierCode: 'HỒ SƠ 1', lookupCode: 'K7P9QT' })).toThrow(RangeError);
  });
});
