import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { codeOf } from '../support/outcome';

describe('kiosk self-service: the kiosk’s token reads the public catalogue through its own ops, not the staff ones', () => {
  const clock = new FakeClock();
  let hub: TestHub;
  let kiosk: HubClient;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    kiosk = (await hub.device('kiosk')).client;
  });
  afterAll(async () => hub?.close());

  it('finds procedures by words typed without diacritics, and browses them by field', async () => {
    const found = await kiosk['kiosk.procedures']({ q: 'khai sinh' });
    expect(found.procedures.map((p) => p.name)).toEqual(['Đăng ký khai sinh']);
    expect(found.fields).toContain('Hộ tịch');
    expect((await kiosk['kiosk.procedures']({ q: 'KET HON' })).procedures.map((p) => p.name)).toEqual(['Đăng ký kết hôn']);
    const field = await kiosk['kiosk.procedures']({ field: 'Chứng thực' });
    expect(field.procedures.length).toBeGreaterThan(0);
    expect(field.procedures.every((p) => p.field === 'Chứng thực')).toBe(true);
  });

  it('shows a procedure’s papers, fees and time in words', async () => {
    const [marriage] = (await kiosk['kiosk.procedures']({ q: 'tinh trang hon nhan' })).procedures;
    const p = await kiosk['kiosk.procedure']({ code: marriage!.code });
    expect(p.processing).toBe('3 ngày làm việc');
    expect(p.fees).toEqual(['Lệ phí cấp Giấy xác nhận tình trạng hôn nhân: 5.000 đồng']);
    expect(p.papers[0]).toEqual({ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', howMany: '1 bản chính', mandatory: true });
    expect(p.submitAt).toContain(p.siteName);
    expect(await codeOf(kiosk['kiosk.procedure']({ code: '9.999999.H99' }))).toBe('PROCEDURE_UNKNOWN');
  });

  it('keeps the staff ops closed to the kiosk, and the kiosk ops closed to the other devices and to anonymous callers', async () => {
    expect(await codeOf(kiosk['procedures.search']({ q: 'khai sinh' }))).toBe('FORBIDDEN');
    expect(await codeOf(kiosk['procedures.get']({ code: '1.001193.000.00.00.H21' }))).toBe('FORBIDDEN');
    expect(await codeOf(kiosk['dossiers.search']({ q: 'a' }))).toBe('FORBIDDEN');
    const display = (await hub.device('display')).client;
    expect(await codeOf(display['kiosk.procedures']({ q: 'khai sinh' }))).toBe('FORBIDDEN');
    expect(await codeOf(display['kiosk.printProcedure']({ code: '1.001193.000.00.00.H21' }))).toBe('FORBIDDEN');
    expect(await codeOf(hub.client()['kiosk.procedure']({ code: '1.001193.000.00.00.H21' }))).toBe('UNAUTHENTICATED');
  });

  it('prints nothing where no ticket printer is set up, and says so', async () => {
    expect(await kiosk['kiosk.printProcedure']({ code: '1.001193.000.00.00.H21' })).toEqual({ print: null });
    expect(await codeOf(kiosk['kiosk.printProcedure']({ code: '9.999999.H99' }))).toBe('PROCEDURE_UNKNOWN');
  });

  it('lets the kiosk check a dossier with the receipt’s codes (the lookup is public)', async () => {
    expect(await codeOf(kiosk['dossiers.lookup']({ code: 'H21-000000-0000', lookupCode: 'ABCDEF' }))).toBe('NOT_FOUND');
  });
});
