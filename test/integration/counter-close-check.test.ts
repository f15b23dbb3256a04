import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { catalogNames } from '../support/catalog-names';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';

/** The warning before "Đóng quầy" (issue 13): the hub counts who would be left with no counter. */
describe('closing a counter while people wait for what only it serves', () => {
  const clock = new FakeClock('2026-11-25T09:00:00+07:00');
  let hub: TestHub;
  let names: ReturnType<typeof catalogNames>;
  let kiosk: HubClient;
  let officer2: HubClient;
  let officer3: HubClient;
  const issue = (service: string) => kiosk['tickets.issue']({ serviceId: names.svc(service), priorityClassId: null });
  const left = async () => (await officer3['counter.closeCheck']({})).services.map((s) => `${s.name} ${s.waiting}`);

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    names = catalogNames(await hub.catalog());
    kiosk = (await hub.device('kiosk')).client;
    officer2 = await hub.staff('canbo2');
    officer3 = await hub.staff('canbo3');
    // Counter 3 serves Đất đai and Kinh doanh; counter 2 serves Kinh doanh too (the sample site).
    await officer3['counter.open']({ counterId: names.counter(3) });
  });
  afterAll(async () => hub?.close());

  it('says nothing when nobody waits', async () => {
    expect(await officer3['counter.closeCheck']({})).toEqual({ services: [], reservedHere: 0, warning: null });
  });

  it('names each service only this counter serves now, with how many wait', async () => {
    await issue('Đất đai');
    await issue('Đất đai');
    await issue('Kinh doanh');
    await issue('Hộ tịch'); // not served here: not this counter's to warn about
    expect(await left()).toEqual(['Đất đai 2', 'Kinh doanh 1']);
    expect((await officer3['counter.closeCheck']({})).warning).toBe(
      'Còn 2 người chờ dịch vụ Đất đai, 1 người chờ dịch vụ Kinh doanh mà không quầy nào khác đang mở phục vụ. Nếu đóng quầy, những người này sẽ không được gọi.',
    );
  });

  it('leaves out a service another working counter serves, and counts a paused one as not serving', async () => {
    await officer2['counter.open']({ counterId: names.counter(2) });
    expect(await left()).toEqual(['Đất đai 2']);
    await officer2['counter.setPaused']({ paused: true });
    expect(await left()).toEqual(['Đất đai 2', 'Kinh doanh 1']);
  });

  it('warns of a ticket transferred to this counter even when its service is served elsewhere', async () => {
    await officer2['counter.setPaused']({ paused: false });
    await issue('Kinh doanh');
    const called = await officer2['counter.callNext']({});
    await officer2['counter.transfer']({ ticketId: called.ticket!.id, counterId: names.counter(3) });
    const check = await officer3['counter.closeCheck']({});
    expect(check.reservedHere).toBe(1);
    expect(check.warning).toContain('1 số được chuyển riêng đến quầy này');
  });

  it('still lets the officer close', async () => {
    expect(await officer3['counter.close']({})).toEqual({ ok: true });
  });
});
