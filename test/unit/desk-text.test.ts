import { describe, expect, it } from 'vitest';
import { cleanText } from '../../contract/safe-text';
import { deskJson } from '../../main/core/desk-text';

describe('text from the desk, as the province can store it', () => {
  it('drops control characters (C0 and C1), keeps lines and tabs, and replaces a lone surrogate', () => {
    expect(cleanText('Nguyễn\u0000 Văn\u0007 An\u001b')).toBe('Nguyễn Văn An');
    expect(cleanText('Thôn 3\r\nxã Ia Grai\tGia Lai')).toBe('Thôn 3\r\nxã Ia Grai\tGia Lai');
    expect(cleanText('a\ud800b\udc00c 😀')).toBe('a\ufffdb\ufffdc 😀');
    expect(cleanText('x\u0085y\u009f')).toBe('xy');
  });

  it('cleans every string of an event payload, at any depth', () => {
    const payload = { applicant: { fullName: 'Lê\u0000 Thị Hoa', papers: ['Tờ khai\u0008'] }, note: null, n: 3 };
    expect(JSON.parse(deskJson(payload))).toEqual({ applicant: { fullName: 'Lê Thị Hoa', papers: ['Tờ khai'] }, note: null, n: 3 });
  });
});
