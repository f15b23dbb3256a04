import { describe, expect, it } from 'vitest';
import '../../../contract/locale';
import { DossierStatus } from '../../../contract/dossier';
import { dossierCodeOf, dossierStatusLabels, processingText } from '../../../contract/dossier-texts';
import { HubError } from '../../../contract/errors';
import { formatDossierCode } from '../../../main/core/dossier/code';
import { importRejection } from '../../../main/core/dossier/import-problems';
import { allowedDossierActions, closedDossierStatuses, dossierTransition, extensionOf, printableForms } from '../../../main/core/dossier/lifecycle';
import { procedureVersionState } from '../../../main/core/dossier/procedure-state';
import { dossierEventText } from '../../../main/core/dossier/texts';
import { ImportedProcedure } from '../../../main/node/catalog/procedure-import';

describe('what may be done with a dossier in each status', () => {
  it('offers exactly the steps the lifecycle table allows, and an extension only once there is a return time', () => {
    const table = Object.fromEntries(DossierStatus.options.map((status) => [status, allowedDossierActions({ status, hasDueTime: true })]));
    expect(table).toEqual({
      supplement_requested: ['receive', 'refuse', 'withdraw', 'extend'],
      refused: [],
      received: ['requestSupplement', 'forward', 'startProcessing', 'resultReady', 'withdraw', 'extend'],
      forwarded: ['requestSupplement', 'startProcessing', 'resultReady', 'withdraw', 'extend'],
      processing: ['requestSupplement', 'resultReady', 'withdraw', 'extend'],
      result_ready: ['returnResult'],
      returned: [],
      withdrawn: [],
    });
    // Nothing leads out of these: their scans may be purged after the retention period.
    expect(closedDossierStatuses).toEqual(['refused', 'returned', 'withdrawn']);
    // Waiting for its first papers: no return time yet, nothing to extend.
    expect(allowedDossierActions({ status: 'supplement_requested', hasDueTime: false })).toEqual(['receive', 'refuse', 'withdraw']);
  });

  it('agrees with the transition check: every offered step passes, every other one is refused in words', () => {
    for (const status of DossierStatus.options) {
      const allowed = allowedDossierActions({ status, hasDueTime: true });
      for (const action of ['receive', 'requestSupplement', 'refuse', 'forward', 'startProcessing', 'resultReady', 'returnResult', 'withdraw', 'extend'] as const) {
        if (allowed.includes(action)) expect(() => dossierTransition(status, action, 'X')).not.toThrow();
        else expect(() => dossierTransition(status, action, 'X')).toThrow(HubError);
      }
    }
    expect(() => dossierTransition('returned', 'forward', 'H21-261126-0001')).toThrow('Không thể chuyển xử lý hồ sơ H21-261126-0001 vì hồ sơ đã trả kết quả.');
    expect(() => dossierTransition('refused', 'withdraw', null)).toThrow('Không thể dừng giải quyết (rút hồ sơ) hồ sơ vì hồ sơ đã từ chối tiếp nhận.');
  });
});

describe('forms a dossier can print (again)', () => {
  it('offers each form once what it records has happened', () => {
    const none = { status: 'supplement_requested' as const, hasCode: false, supplementRequested: true, extended: false };
    expect(printableForms(none)).toEqual(['supplementRequest']); // waiting for its first papers: no receipt yet
    expect(printableForms({ ...none, status: 'processing', hasCode: true, extended: true })).toEqual(['receipt', 'supplementRequest', 'apology']);
    expect(printableForms({ status: 'refused', hasCode: false, supplementRequested: false, extended: false })).toEqual(['refusal']);
    expect(printableForms({ status: 'returned', hasCode: true, supplementRequested: false, extended: false })).toEqual(['receipt', 'handover']);
    expect(printableForms({ status: 'withdrawn', hasCode: true, supplementRequested: false, extended: false })).toEqual(['receipt', 'withdrawal']);
  });
});

describe('extending the return time', () => {
  it('only moves it later, and is late when asked for after the time it extends', () => {
    const due = Date.parse('2026-12-01T09:00:00Z');
    expect(extensionOf(due, due + 86_400_000, due - 1)).toEqual({ previousDue: due, late: false });
    expect(extensionOf(due, due + 86_400_000, due + 1)).toEqual({ previousDue: due, late: true });
    expect(() => extensionOf(due, due, due - 1)).toThrow('Thời gian trả mới phải sau thời gian hẹn trả hiện tại.');
    expect(() => extensionOf(null, due, 0)).toThrow(HubError);
  });
});

describe('history in Vietnam time', () => {
  it('says when an extension ends, in Vietnam time, with the reason', () => {
    expect(dossierEventText('extended', { newDueAt: '2026-12-06T09:00:00.000Z', reason: 'Cần xác minh thêm' })).toBe('Gia hạn đến 16 giờ 00 phút, ngày 06/12/2026: Cần xác minh thêm');
    // Just after midnight in Vietnam is still the day before in UTC.
    expect(dossierEventText('extended', { newDueAt: '2026-12-06T17:30:00.000Z', reason: 'x' })).toBe('Gia hạn đến 00 giờ 30 phút, ngày 07/12/2026: x');
  });

  it('shows the return time the officer set, with the reason; older entries with the reason only', () => {
    expect(dossierEventText('received', {})).toBe('Tiếp nhận hồ sơ');
    expect(dossierEventText('received', { dueOverride: 'Công dân xin hẹn ngày mai', dueOverrideAt: '2026-11-27T09:00:00.000Z' })).toBe(
      'Tiếp nhận hồ sơ — hẹn trả do cán bộ ấn định: 16 giờ 00 phút, ngày 27/11/2026 (lý do: Công dân xin hẹn ngày mai)',
    );
    expect(dossierEventText('received', { dueOverride: 'Công dân xin hẹn ngày mai' })).toBe('Tiếp nhận hồ sơ — hẹn trả do cán bộ ấn định (lý do: Công dân xin hẹn ngày mai)');
    expect(dossierEventText('forward', { note: 'Công chức tư pháp' })).toBe('Chuyển cơ quan giải quyết: Công chức tư pháp');
    expect(dossierEventText('dossier.future_kind', {})).toBe('dossier.future_kind');
  });
});

describe('one copy of the words and the code for hub and screens', () => {
  const code = { pattern: '{agency}-{yymmdd}-{desk}{seq}', deskPart: '2', sequenceWidth: 4 };
  it('makes the same dossier code for the preview and the hub, and the hub insists on an agency code', () => {
    expect(dossierCodeOf(code, ' 000.00.00.H21 ', '2026-11-26', 7)).toBe('000.00.00.H21-261126-20007');
    expect(formatDossierCode(code, '000.00.00.H21', '2026-11-26', 12345)).toBe('000.00.00.H21-261126-212345');
    expect(() => formatDossierCode(code, ' ', '2026-11-26', 1)).toThrow(/mã định danh cơ quan/);
  });
  it('states processing times and statuses as the receipt does', () => {
    expect([processingText({ unit: 'working_days', value: 5 }), processingText({ unit: 'working_hours', value: 16 }), processingText({ unit: 'same_day' })]).toEqual(['05 ngày làm việc', '16 giờ làm việc', 'Trong ngày']);
    expect(dossierStatusLabels.supplement_requested).toBe('Chờ bổ sung');
  });
});

describe('procedure versions in the admin list', () => {
  it('tells in force, replaced, future-dated and switched-off versions apart', () => {
    const today = '2026-11-26';
    expect(procedureVersionState({ version: 3, active: true, validFrom: '2026-01-01' }, 3, today)).toBe('in_force');
    expect(procedureVersionState({ version: 2, active: true, validFrom: '2025-01-01' }, 3, today)).toBe('superseded');
    expect(procedureVersionState({ version: 4, active: true, validFrom: '2027-01-01' }, 3, today)).toBe('future');
    expect(procedureVersionState({ version: 5, active: false, validFrom: '2025-01-01' }, 3, today)).toBe('inactive');
  });
});

describe('import rejections a commune admin can act on', () => {
  const reason = (row: number, record: Record<string, unknown>, source: 'table' | 'json' = 'table') => {
    const parsed = ImportedProcedure.safeParse(record);
    if (parsed.success) throw new Error('expected problems');
    return importRejection(row, parsed.error.issues, record, source);
  };
  const good = {
    code: '1.001193.000.00.00.H21', name: 'Đăng ký khai sinh', field: 'Hộ tịch', authority: 'UBND cấp xã', processing: { unit: 'working_days', value: 3 },
    documents: [{ name: 'Tờ khai', form: 'original', count: 1, mandatory: true }], fees: [], result: 'Giấy khai sinh', validFrom: '2025-07-01', active: true,
  };

  it('names the row, the field and its column, in Vietnamese, without schema jargon', () => {
    expect(reason(12, { ...good, name: '' })).toBe('Dòng 12: thiếu tên thủ tục (cột name).');
    expect(reason(3, { ...good, code: 'X', processing: { unit: 'fortnight', value: 1 } })).toBe(
      'Dòng 3: mã thủ tục (cột code) “X” không đúng dạng mã thủ tục (ví dụ 1.001193.000.00.00.H21); đơn vị thời hạn (cột processing_unit) “fortnight” không hợp lệ; dùng working_days (ngày làm việc), working_hours (giờ làm việc) hoặc same_day (trong ngày).',
    );
    expect(reason(4, { ...good, validFrom: '01/07/2025', processing: { unit: 'working_days', value: Number.NaN } })).toBe(
      'Dòng 4: thời hạn giải quyết (cột processing_value) phải là một số; ngày bắt đầu áp dụng (cột valid_from) “01/07/2025” không phải ngày hợp lệ; viết năm-tháng-ngày, ví dụ 2025-07-01.',
    );
    expect(reason(5, { ...good, documents: [{ name: 'Tờ khai', form: 'photo', count: 0, mandatory: true }], fees: [{ name: 'Lệ phí', amount: -1 }] })).toBe(
      'Dòng 5: hình thức nộp của giấy tờ thứ 1 (cột documents) “photo” không hợp lệ; dùng original (bản chính), copy (bản sao), certified_copy (bản sao chứng thực) hoặc original_or_copy (bản chính hoặc bản sao); số lượng của giấy tờ thứ 1 (cột documents) phải từ 1 trở lên; số tiền của khoản phí thứ 1 (cột fees) không được âm.',
    );
    expect(reason(2, { code: good.code }, 'json')).toMatch(/^Thủ tục thứ 2: thiếu tên thủ tục \(mục name\); /);
    expect(reason(2, { code: good.code }, 'json')).not.toMatch(/string|undefined|mong đợi|>=/);
  });
});
