import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDate } from '../../../main/core/vn-time';
import { DAT_DAI, HO_KINH_DOANH, KHAI_SINH, startReportWeek, WEEK, XAC_NHAN, type ReportWeek } from '../../support/report-week';

/** Every figure of the reports checked against the hand-built week (test/support/report-week.ts), worked out by hand. */
describe('reports over a hand-built week', () => {
  let w: ReportWeek;
  beforeAll(async () => {
    w = await startReportWeek();
  });
  afterAll(async () => {
    await w?.hub.close();
  });

  it('computed the due times the scenario is built on (swapped Saturday, holidays)', () => {
    expect(w.dues.d1).toBe(new Date('2026-08-26T09:00:00+07:00').toISOString());
    expect(w.dues.d2).toBe(new Date('2026-08-27T09:30:00+07:00').toISOString());
    expect(w.dues.d3).toBe(new Date('2026-08-27T10:00:00+07:00').toISOString());
    expect(vnDate(Date.parse(w.dues.d4!))).toBe('2026-09-11');
    expect(w.dues.d5).toBe(new Date('2026-09-03T17:00:00+07:00').toISOString());
    expect(w.dues.d6).toBe(new Date('2026-09-03T09:00:00+07:00').toISOString());
  });

  it('queue: counts, wait and service times, the target, counters and arrivals', async () => {
    const r = await (await w.as('truong'))['reports.queue'](WEEK);
    expect(r.scope).toEqual({ ...WEEK, staffId: null, ownFiguresOnly: false });
    expect(r.targetWaitMinutes).toBe(10);
    // Nine turns: T1–T8 and T6's turn at Đất đai (a continuation, not a new arrival).
    expect(r.counts).toEqual({ issued: 8, served: 6, noShow: 1, cancelled: 1, unfinished: 1, transferred: 2 });
    // Waits to the first call: 1, 2, 3, 5, 20, 20, 30 → mean 81/7.
    expect(r.wait).toEqual({ count: 7, meanMinutes: 11.6, p50Minutes: 5, p90Minutes: 30 });
    // Service: 3, 4, 5, 7, 8, 10 → mean 37/6.
    expect(r.service).toEqual({ count: 6, meanMinutes: 6.2, p50Minutes: 5, p90Minutes: 10 });
    // Served within 10 minutes: T1, T4, T6, T7 of six.
    expect(r.servedWithinTarget).toEqual({ count: 4, share: 0.6667 });
    expect(r.counters).toEqual([
      // Serving 10 + 7 + 3 + 5 of 240 open minutes; 4 + 8 of 180.
      { counterId: w.counter[0], number: 1, label: 'Quầy số 1', served: 4, openHours: 4, servedPerHour: 1, utilisation: 0.1042 },
      { counterId: w.counter[1], number: 2, label: 'Quầy số 2', served: 2, openHours: 3, servedPerHour: 0.7, utilisation: 0.0667 },
    ]);
    // Every wait had a counter open for it but T6's turn at Đất đai (counter 3 never opened): 08:40–11:30.
    expect(r.unstaffedWaiting!.map((u) => [u.name, u.minutes])).toEqual([['Hộ tịch', 0], ['Chứng thực', 0], ['Đất đai', 170], ['Kinh doanh', 0]]);
    const arrivals = r.arrivals.flatMap((hours, weekday) => hours.flatMap((n, hour) => (n > 0 ? [[weekday, hour, n]] : [])));
    expect(arrivals).toEqual([[1, 8, 3], [1, 9, 1], [5, 8, 1], [6, 8, 3]]);
  });

  it('queue filters: a service, a counter, an officer', async () => {
    const boss = await w.as('truong');
    const ct = await boss['reports.queue']({ ...WEEK, serviceId: w.service.ct });
    expect(ct.counts).toEqual({ issued: 2, served: 1, noShow: 0, cancelled: 1, unfinished: 0, transferred: 0 });
    expect(ct.unstaffedWaiting).toEqual([{ serviceId: w.service.ct, name: 'Chứng thực', minutes: 0 }]);
    const second = await boss['reports.queue']({ ...WEEK, counterId: w.counter[1] });
    expect(second.counts).toEqual({ issued: 2, served: 2, noShow: 0, cancelled: 0, unfinished: 0, transferred: 1 });
    expect(second.counters.map((c) => c.number)).toEqual([2]);
    expect(second.unstaffedWaiting).toBeNull(); // a site figure, not a counter's
    const binh = await boss['reports.queue']({ ...WEEK, staffId: w.staffIds.binh });
    expect(binh.scope).toEqual({ ...WEEK, staffId: w.staffIds.binh, ownFiguresOnly: false });
    expect(binh.counts.served).toBe(2);
    expect(binh.counters).toEqual([{ counterId: w.counter[1], number: 2, label: 'Quầy số 2', served: 2, openHours: 3, servedPerHour: 0.7, utilisation: 0.0667 }]);
  });

  it('dossiers: received, intake, QĐ 766 timeliness, digitised, processing days, overdue and due soon', async () => {
    const r = await (await w.as('truong'))['reports.dossiers'](WEEK);
    expect(r.asOf).toBe(new Date('2026-09-03T10:00:00+07:00').toISOString());
    expect(r.received.total).toBe(7);
    expect(r.received.byProcedure.map((p) => [p.procedureCode, p.count])).toEqual([[XAC_NHAN, 3], [KHAI_SINH, 2], [DAT_DAI, 1], [HO_KINH_DOANH, 1]]);
    expect(r.received.byField).toEqual([{ field: 'Hộ tịch', count: 5 }, { field: 'Đất đai', count: 1 }, { field: 'Kinh doanh', count: 1 }]);
    expect(r.received.byChannel).toEqual([{ channel: 'direct', count: 6 }, { channel: 'postal', count: 1 }]);
    expect(r.intake).toEqual({ total: 9, supplementRequested: 2, refused: 1, supplementRate: 0.2222, refusalRate: 0.1111 });
    expect(r.handled).toEqual({ total: 4, early: 1, onTime: 2, late: 1, onTimeShare: 0.75 });
    expect(r.digitised).toEqual({ received: 7, withScans: 1, share: 0.1429 });
    // D1 2, D2 3, D3 4, D9 0 working days.
    expect(r.processingDays).toEqual({ count: 4, meanWorkingDays: 2.3 });
    expect(r.overdue.map((d) => [d.dossierId, d.status, d.officerName])).toEqual([[w.ids.d0, 'received', 'Cán bộ anh'], [w.ids.d6, 'forwarded', 'Cán bộ binh']]);
    expect(r.dueSoon.map((d) => [d.dossierId, d.dueAt])).toEqual([[w.ids.d5, w.dues.d5]]);
  });

  it('dossier filters: a procedure, a channel', async () => {
    const boss = await w.as('truong');
    const xn = await boss['reports.dossiers']({ ...WEEK, procedureCode: XAC_NHAN });
    expect([xn.received.total, xn.intake.total, xn.handled.early, xn.handled.onTime, xn.handled.late]).toEqual([3, 5, 1, 0, 1]);
    const post = await boss['reports.dossiers']({ ...WEEK, channel: 'postal' });
    expect([post.received.total, post.handled.onTime, post.overdue.length, post.dueSoon.length]).toEqual([1, 1, 0, 0]);
  });

  it('satisfaction: by level, per counter and officer, with reasons; the share satisfied', async () => {
    const r = await (await w.as('truong'))['reports.satisfaction'](WEEK);
    expect(r.satisfiedLevels).toEqual(['very_satisfied', 'satisfied']);
    const levels = (s: { levels: { code: string; count: number }[] }) => s.levels.map((l) => [l.code, l.count]);
    expect(r.all).toMatchObject({ total: 4, satisfied: 3, satisfiedShare: 0.75 });
    expect(levels(r.all)).toEqual([['very_satisfied', 1], ['satisfied', 2], ['unsatisfied', 1]]);
    expect(r.all.reasons.filter((x) => x.count > 0)).toEqual([
      { code: 'long_wait', label: 'Thời gian chờ lâu', count: 1 },
      { code: 'attitude', label: 'Thái độ phục vụ chưa tốt', count: 1 },
    ]);
    expect(r.byCounter.map((c) => [c.number, c.total, c.satisfiedShare])).toEqual([[1, 2, 1], [2, 2, 0.5]]);
    expect(r.byOfficer.map((o) => [o.name, o.total, o.satisfied, levels(o)])).toEqual([
      ['Cán bộ anh', 2, 2, [['very_satisfied', 1], ['satisfied', 1], ['unsatisfied', 0]]],
      ['Cán bộ binh', 2, 1, [['very_satisfied', 0], ['satisfied', 1], ['unsatisfied', 1]]],
    ]);
  });

  it('an officer sees only his own figures, whatever filter he sends', async () => {
    const an = await w.as('anh');
    const own = { ...WEEK, staffId: w.staffIds.anh, ownFiguresOnly: true };
    const q = await an['reports.queue']({ ...WEEK, staffId: w.staffIds.binh });
    expect(q.scope).toEqual(own);
    expect(q.unstaffedWaiting).toBeNull();
    // T1, T3, T5 (cancelled by him), T6 and its turn at Đất đai (he sent it there), T7, T8.
    expect(q.counts).toEqual({ issued: 6, served: 4, noShow: 1, cancelled: 1, unfinished: 1, transferred: 1 });
    expect(q.counters).toEqual([{ counterId: w.counter[0], number: 1, label: 'Quầy số 1', served: 4, openHours: 4, servedPerHour: 1, utilisation: 0.1042 }]);
    const d = await an['reports.dossiers']({ ...WEEK, staffId: w.staffIds.binh });
    expect(d.scope).toEqual(own);
    expect([d.received.total, d.intake.total, d.intake.supplementRequested, d.intake.refused]).toEqual([5, 6, 2, 0]);
    expect(d.handled).toEqual({ total: 3, early: 1, onTime: 1, late: 1, onTimeShare: 0.6667 });
    expect(d.overdue.map((x) => x.dossierId)).toEqual([w.ids.d0]);
    expect(d.dueSoon.map((x) => x.dossierId)).toEqual([w.ids.d5]);
    const s = await an['reports.satisfaction'](WEEK);
    expect(s.scope).toEqual(own);
    expect([s.all.total, s.all.satisfied, s.byOfficer.map((o) => o.name)]).toEqual([2, 2, ['Cán bộ anh']]);
  });

  it("offers the supervisor's filters every service, counter and staff member", async () => {
    const f = await (await w.as('truong'))['reports.filters']({});
    expect(f.services.map((s) => s.name)).toEqual(expect.arrayContaining(['Hộ tịch', 'Chứng thực', 'Đất đai', 'Kinh doanh']));
    expect(f.counters.map((c) => c.counterId)).toEqual(expect.arrayContaining(w.counter));
    expect(f.staff.map((s) => s.staffId)).toEqual(expect.arrayContaining([w.staffIds.anh, w.staffIds.binh, w.staffIds.truong]));
  });

  it("answers for a year (366 days) from the week's first day: the same figures, nothing else happened since", async () => {
    const boss = await w.as('truong');
    const YEAR = { from: WEEK.from, to: '2027-08-22' };
    const withoutScope = <T extends { scope: unknown }>({ scope: _s, ...rest }: T) => rest;
    expect(withoutScope(await boss['reports.queue'](YEAR))).toEqual(withoutScope(await boss['reports.queue'](WEEK)));
    expect(withoutScope(await boss['reports.dossiers'](YEAR))).toEqual(withoutScope(await boss['reports.dossiers'](WEEK)));
    expect(withoutScope(await boss['reports.satisfaction'](YEAR))).toEqual(withoutScope(await boss['reports.satisfaction'](WEEK)));
    await expect(boss['reports.queue']({ from: WEEK.from, to: '2027-08-23' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('dài nhất là 366 ngày (một năm)') });
  });

  it('refuses devices, officers the settings and the filters, and bad periods in Vietnamese', async () => {
    await expect(w.kiosk['reports.queue'](WEEK)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.rating[0]['reports.satisfaction'](WEEK)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await w.as('anh'))['reports.settings']({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await w.as('anh'))['reports.filters']({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await w.as('truong'))['admin.saveReportSettings']({ targetWaitMinutes: 20 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await (await w.as('truong'))['reports.settings']({})).toEqual({ targetWaitMinutes: 10 });
    const boss = await w.as('truong');
    await expect(boss['reports.queue']({ from: '2026-08-28', to: '2026-08-22' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Ngày kết thúc phải bằng hoặc sau ngày bắt đầu') });
    await expect(boss['reports.dossiers']({ from: '2024-01-01', to: '2026-08-28' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('dài nhất là 366 ngày (một năm)') });
  });
});
