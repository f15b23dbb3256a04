import { describe, expect, it } from 'vitest';
import { appointmentQrPayload } from '../../../contract/appointments';
import { formatReceiptQr } from '../../../contract/receipt-qr';
import { kioskScanOf } from '../../../renderer/src/screens/kiosk/kiosk-scan';

const CCCD = '079201000111|212345678|Trần Văn Bình|02031975|Nam|Số 5 đường Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh|10052021';

describe('what a scan at the kiosk opens', () => {
  it('a receipt’s QR: the dossier check', () => {
    expect(kioskScanOf(formatReceiptQr({ dossierCode: 'H21.123.45-261126-0042', lookupCode: 'K7Q2M9' }))).toEqual({ kind: 'receipt', keys: { code: 'H21.123.45-261126-0042', lookupCode: 'K7Q2M9' } });
  });

  it('a booking’s QR in either form, or its bare code: check-in by code, the text as scanned', () => {
    for (const text of [appointmentQrPayload('site-1', 'Q2B7KD', null), appointmentQrPayload('site-1', 'T2B7KD', 'https://dichvucong.gialai.gov.vn/'), 'Q2B7KD']) {
      expect(kioskScanOf(text)).toEqual({ kind: 'checkIn', input: { by: 'code', text } });
    }
  });

  it('a CCCD (12 digits, then |): check-in by card, the raw text for the hub to read', () => {
    expect(kioskScanOf(`${CCCD}\r\n`)).toEqual({ kind: 'checkIn', input: { by: 'cccd', raw: `${CCCD}\r\n` } });
  });

  it('anything else: nothing to check in, and the receipt reader’s words for the dossier page', () => {
    const other = kioskScanOf('https://example.com/khong-phai-ma');
    expect(other.kind).toBe('other');
    expect(kioskScanOf('0792010001|abc').kind).toBe('other');
  });
});
