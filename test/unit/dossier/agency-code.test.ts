import { describe, expect, it } from 'vitest';
import { AgencyCode, agencyCodeProblem } from '../../../contract/agency-code';
import { DossierCodeSettings } from '../../../contract/dossier';
import { dossierCodeOf } from '../../../contract/dossier-texts';
import { formatDossierCode } from '../../../main/core/dossier/code';

describe('the agency code (mã định danh cơ quan)', () => {
  it('takes both shapes in use: QCVN 102:2016 and the electronic ID of QĐ 20/2020', () => {
    for (const good of ['000.00.15.H21', '000.00.00.H21', '123.45.67.G01', 'H21.123.45', 'H21.12', 'H21.25.10.01', 'H01.001']) {
      expect(agencyCodeProblem(good), good).toBeNull();
    }
  });
  it('refuses anything else with a message that shows the expected shape', () => {
    for (const bad of ['', 'H21', '000.00.15', '000.00.15.h21', '00.00.15.H21', '000.0.15.H21', '000.00.15.H21 ', '000.00.15.H2', 'H21-123', 'H21.1', 'H21.1234', 'H21.12.34.56.78', '{seq}', '000.00.00.H21{seq}']) {
      expect(agencyCodeProblem(bad), bad).not.toBeNull();
    }
    expect(agencyCodeProblem('H21.{seq}')).toMatch(/000\.00\.15\.H21/);
    expect(agencyCodeProblem('000.00.00.H64')).toMatch(/H01 đến H63/);
    expect(agencyCodeProblem('H00.12')).toMatch(/không có thật/);
  });
  it('trims what an admin typed around the code before checking it', () => {
    expect(AgencyCode.parse('  000.00.15.H21 ')).toBe('000.00.15.H21');
    expect(AgencyCode.safeParse('000.00.15 .H21').success).toBe(false);
  });
  it('is checked again before a dossier code is issued', () => {
    const code = { pattern: '{agency}-{yymmdd}-{seq}', deskPart: '', sequenceWidth: 4 };
    expect(() => formatDossierCode(code, '000.00.00.H21{seq}', '2026-12-02', 1)).toThrow(/không phải mã định danh/);
  });
});

describe('the dossier code pattern', () => {
  const settings = (pattern: string) => DossierCodeSettings.safeParse({ pattern, deskPart: '', sequenceWidth: 4 });
  it('must name the agency, the date and the sequence, and nothing unknown', () => {
    expect(settings('{agency}-{yymmdd}-{desk}{seq}').success).toBe(true);
    expect(settings('HS-{yymmdd}-{seq}').error?.issues[0]?.message).toBe('Mẫu mã hồ sơ phải có {agency}.');
    expect(settings('{agency}-{yymmdd}').error?.issues[0]?.message).toBe('Mẫu mã hồ sơ phải có {seq}.');
    expect(settings('{agency}-{yymmdd}-{so}{seq}').error?.issues[0]?.message).toMatch(/không có \{so\}/);
  });
  it('is filled in one pass: a value that looks like a placeholder is printed as it is', () => {
    const s = { pattern: '{agency}-{yymmdd}-{desk}{seq}', deskPart: '', sequenceWidth: 4 };
    // Before the fix, `{seq}` inside the agency code became the sequence number.
    expect(dossierCodeOf(s, 'X{seq}{desk}', '2026-12-02', 7)).toBe('X{seq}{desk}-261202-0007');
    expect(dossierCodeOf({ ...s, pattern: '{seq}/{agency}' }, '{yymmdd}', '2026-12-02', 7)).toBe('0007/{yymmdd}');
  });
});
