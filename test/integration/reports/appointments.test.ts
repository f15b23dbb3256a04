import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../contract/appointments';
import type { HubClient } from '../../../contract/client';
import { FakeClock } from '../../support/clock';
import { startTestHub, type TestHub } from '../../support/hub';
import { codeOf } from '../../support/outcome';
import { rowStarting, sheetOf } from '../../support/xlsx';

const DAY = { from: '2026-12-10', to: '2026-12-10' };

/**
 * The bookings report on the hub's real API and file: Thursday 10 December 2026's bookings, made
 * the day before, checked in at the kiosk early, within the window, or not at all — worked out by
 * hand below — then read back as JSON and as the spreadsheet.
 */
describe('reports.appointments: bookings and check-in punctuality per service', () => {
  const clock = new FakeClock('2026-12-09T08:00:00+07:00');
  let hub: TestHub;
  let kiosk: HubClient;
  let hoTich: string;
  let chungThuc: string;

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const services = (await hub.catalog()).services;
    hoTich = services.find((s) => s.name === 'Hộ tịch')!.id;
    chungThuc = services.find((s) => s.name === 'Chứng thực')!.id;
    const admin = await hub.admin();
    const rule = { enabled: true, windows: [{ from: '08:00', to: '11:00' }], slotMinutes: 30, capacity: 4, siteSeats: 4, daysAhead: 7 };
    await admin['appointments.saveSettings']({ earlyMinutes: 30, lateMinutes: 15, maxInARow: 2, maxActivePerId: 5, rules: [{ serviceId: hoTich, ...rule }, { serviceId: chungThuc, ...rule }] });
    kiosk = (await hub.device('kiosk')).client;

    const officer = await hub.staff('hen-bao-cao');
    const book = (serviceId: string, slot: string, idNumber: string): Promise<Appointment> =>
      officer['appointments.book']({ serviceId, slotStart: `${slot}:00+07:00`, idNumber, fullName: 'Nguyễn Văn An', phone: null });
    const early = await book(hoTich, '2026-12-10T08:00', '001099000001');
    const within = await book(hoTich, '2026-12-10T08:30', '001099000002');
    const atStart = await book(hoTich, '2026-12-10T09:00', '001099000003');
    const cancelled = await book(hoTich, '2026-12-10T09:30', '001099000004');
    await book(hoTich, '2026-12-10T10:30', '001099000005'); // still to come at 10:00
    await book(chungThuc, '2026-12-10T08:00', '001099000006'); // never comes
    await book(hoTich, '2026-12-11T08:00', '001099000007'); // the next day: outside the period
    await officer['appointments.cancel']({ code: cancelled.code, idNumber: '001099000004' });

    const checkIn = async (at: string, a: Appointment) => {
      clock.set(`${at}:00+07:00`);
      await kiosk['appointments.checkIn']({ by: 'code', text: a.code });
    };
    await checkIn('2026-12-10T07:45', early); // 15 minutes before its slot
    await checkIn('2026-12-10T08:40', within); // 10 minutes after
    await checkIn('2026-12-10T09:03', atStart); // 3 minutes after
    // The admin narrows the late window to 5 minutes: the report judges by the window set now,
    // so the check-in 10 minutes after its slot counts as late.
    await (await hub.admin())['appointments.saveSettings']({ earlyMinutes: 30, lateMinutes: 5, maxInARow: 2, maxActivePerId: 5, rules: [{ serviceId: hoTich, ...rule }, { serviceId: chungThuc, ...rule }] });
    clock.set('2026-12-10T10:00:00+07:00');
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('counts per service: booked = cancelled + checked in + no-shows + upcoming; check-ins early, on time, late', async () => {
    const boss = await hub.staff('truong-bo-phan', 'supervisor');
    const r = await boss['reports.appointments'](DAY);
    expect(r.lateMinutes).toBe(5);
    expect(r.services).toEqual([
      { serviceId: hoTich, name: 'Hộ tịch', booked: 5, cancelled: 1, checkedIn: 3, noShows: 0, upcoming: 1, early: 1, onTime: 1, late: 1 },
      { serviceId: chungThuc, name: 'Chứng thực', booked: 1, cancelled: 0, checkedIn: 0, noShows: 1, upcoming: 0, early: 0, onTime: 0, late: 0 },
    ]);
    expect(r.total).toEqual({ booked: 6, cancelled: 1, checkedIn: 3, noShows: 1, upcoming: 1, early: 1, onTime: 1, late: 1 });
    const one = await boss['reports.appointments']({ ...DAY, serviceId: chungThuc });
    expect(one.services.map((s) => s.name)).toEqual(['Chứng thực']);
    expect((await boss['reports.appointments']({ from: '2026-12-10', to: '2026-12-11' })).total.booked).toBe(7);
  });

  it('gives an officer the site’s figures (bookings belong to no officer); a device may not ask', async () => {
    const officer = await hub.staff('can-bo-xem');
    const r = await officer['reports.appointments'](DAY);
    expect(r.scope).toEqual({ ...DAY, staffId: null, ownFiguresOnly: false });
    expect(r.total.booked).toBe(6);
    expect(await codeOf(kiosk['reports.appointments'](DAY))).toBe('FORBIDDEN');
  });

  it('exports as XLSX: one row per service and the total, every figure a number', async () => {
    const boss = await hub.staff('truong-xuat', 'supervisor');
    const file = await boss['reports.export']({ ...DAY, report: 'appointments', format: 'xlsx' });
    expect(file.fileName).toBe('bao-cao-lich-hen_2026-12-10_2026-12-10.xlsx');
    const { name, rows } = await sheetOf(file.dataBase64);
    expect(name).toBe('Lịch hẹn');
    expect(rows.some((r) => r[0] === 'BÁO CÁO LỊCH HẸN')).toBe(true);
    // Dịch vụ, đã đặt, đã hủy, đã đến, đến sớm, đúng giờ, đến muộn, không đến, chưa đến giờ.
    expect(rowStarting(rows, 'Hộ tịch')).toEqual(['Hộ tịch', 5, 1, 3, 1, 1, 1, 0, 1]);
    expect(rowStarting(rows, 'Tổng cộng')).toEqual(['Tổng cộng', 6, 1, 3, 1, 1, 1, 1, 1]);
  });
});
