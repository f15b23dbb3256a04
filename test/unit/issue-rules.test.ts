import { describe, expect, it } from 'vitest';
import { HubError } from '../../contract/errors';
import type { PriorityClass, Service, WeeklyHours } from '../../contract/queue';
import { hoursText, openStateAt } from '../../main/core/hours';
import { checkCanIssue } from '../../main/core/issue-rules';
import { USUAL_DAY } from '../../main/core/queue-day';

const office: WeeklyHours = [[], ...Array(5).fill([{ from: '07:30', to: '11:00' }, { from: '13:30', to: '16:30' }]), [{ from: '07:30', to: '11:00' }]] as WeeklyHours;
const at = (local: string) => Date.parse(`${local}+07:00`);
const service: Service = {
  id: '0190a5a0-0000-7000-8000-000000000001', code: 'HT', name: 'Hộ tịch', nameEn: '', hint: '', hintEn: '', icon: 'civil_status', prefix: 'A',
  sequenceId: '0190a5a0-0000-7000-8000-000000000002', priorityMode: 'both', dailyCap: 50, hours: null,
  defaultServiceMinutes: 10, maxWaitMinutes: null, active: true, sortOrder: 0,
};
const elderly: PriorityClass = { id: '0190a5a0-0000-7000-8000-000000000003', code: 'NCT', label: 'Người cao tuổi', labelEn: '', icon: 'elderly', weight: 3, active: true, sortOrder: 0 };

function codeOf(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof HubError ? e.code : 'OTHER';
  }
}

describe('hours for taking numbers', () => {
  it('is open inside a window and closed at lunch, in the evening and on Sunday, saying when to come back', () => {
    expect(openStateAt(office, at('2026-11-25T09:00:00'), 'Hộ tịch').open).toBe(true);
    const lunch = openStateAt(office, at('2026-11-25T12:00:00'), 'Hộ tịch');
    expect(lunch).toEqual({ open: false, reason: 'Dịch vụ Hộ tịch chưa đến giờ lấy số. Mời quay lại lúc 13:30.' });
    const evening = openStateAt(office, at('2026-11-25T16:30:00'), 'Hộ tịch');
    expect(evening.open).toBe(false);
    expect(!evening.open && evening.reason).toContain('đã hết giờ lấy số hôm nay');
    const sunday = openStateAt(office, at('2026-11-29T09:00:00'), 'Hộ tịch');
    expect(!sunday.open && sunday.reason).toContain('Chủ nhật');
  });

  it('can stay open all day: a window may end at 24:00', () => {
    const allDay: WeeklyHours = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]);
    expect(openStateAt(allDay, at('2026-11-25T23:59:30'), 'Hộ tịch').open).toBe(true);
    expect(openStateAt(allDay, at('2026-11-26T00:00:00'), 'Hộ tịch').open).toBe(true);
  });

  it('describes the week in words, grouping equal days', () => {
    expect(hoursText(office)).toBe('Thứ Hai – Thứ Sáu: 07:30–11:00, 13:30–16:30; Thứ Bảy: 07:30–11:00');
  });
});

describe('checkCanIssue', () => {
  const base = { service, priorityClass: null, siteHours: office, issuedToday: 0, now: at('2026-11-25T09:00:00'), day: USUAL_DAY };
  it('allows a normal ticket in hours', () => expect(codeOf(() => checkCanIssue(base))).toBeNull());
  it('refuses outside hours', () => expect(codeOf(() => checkCanIssue({ ...base, now: at('2026-11-25T18:00:00') }))).toBe('SERVICE_CLOSED'));
  it('uses the service hours over the site hours', () => {
    const evening: WeeklyHours = [[], [], [], [{ from: '17:00', to: '20:00' }], [], [], []];
    expect(codeOf(() => checkCanIssue({ ...base, service: { ...service, hours: evening }, now: at('2026-11-25T18:00:00') }))).toBeNull();
  });
  it('stops at the daily cap', () => {
    expect(codeOf(() => checkCanIssue({ ...base, issuedToday: 49 }))).toBeNull();
    expect(codeOf(() => checkCanIssue({ ...base, issuedToday: 50 }))).toBe('DAILY_CAP_REACHED');
  });
  it('honours normal-only and priority-only services', () => {
    expect(codeOf(() => checkCanIssue({ ...base, service: { ...service, priorityMode: 'normal' }, priorityClass: elderly }))).toBe('PRIORITY_NOT_ACCEPTED');
    expect(codeOf(() => checkCanIssue({ ...base, service: { ...service, priorityMode: 'priority' } }))).toBe('PRIORITY_REQUIRED');
    expect(codeOf(() => checkCanIssue({ ...base, service: { ...service, priorityMode: 'priority' }, priorityClass: elderly }))).toBeNull();
  });
  it('refuses an inactive service', () => expect(codeOf(() => checkCanIssue({ ...base, service: { ...service, active: false } }))).toBe('SERVICE_INACTIVE'));
});
