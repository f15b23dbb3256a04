import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { catalogNames } from '../support/catalog-names';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';

/** The TV's large call (issue 13): a number marked absent leaves it, instead of staying until the next call. */
describe('the display’s current call', () => {
  const clock = new FakeClock('2026-11-25T09:00:00+07:00');
  let hub: TestHub;
  let names: ReturnType<typeof catalogNames>;
  let kiosk: HubClient;
  let display: HubClient;
  let officer1: HubClient;
  let officer2: HubClient;
  const issue = async (service: string) => (await kiosk['tickets.issue']({ serviceId: names.svc(service), priorityClassId: null })).ticket;
  const current = async () => (await display['display.state']({})).current?.displayCode ?? null;

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    names = catalogNames(await hub.catalog());
    kiosk = (await hub.device('kiosk')).client;
    display = (await hub.device('display')).client;
    officer1 = await hub.staff('canbo1');
    officer2 = await hub.staff('canbo2');
    await officer1['counter.open']({ counterId: names.counter(1) });
    await officer2['counter.open']({ counterId: names.counter(2) });
  });
  afterAll(async () => hub?.close());

  it('shows the newest call, then the one still inviting when the newest is marked absent, then none', async () => {
    const a = await issue('Hộ tịch');
    const b = await issue('Chứng thực');
    await officer1['counter.callNext']({});
    clock.advanceMinutes(1);
    await officer2['counter.callNext']({});
    expect(await current()).toBe(b.displayCode);
    await officer2['counter.skip']({ ticketId: b.id });
    expect(await current()).toBe(a.displayCode);
    await officer1['counter.skip']({ ticketId: a.id });
    expect(await current()).toBeNull();
    // The absent numbers stay in the list below, marked.
    const recent = (await display['display.state']({})).recent;
    expect(recent.map((r) => `${r.call.displayCode} ${r.mark}`)).toEqual([`${b.displayCode} absent`, `${a.displayCode} absent`]);
  });

  it('keeps a served number large until the next call, as before', async () => {
    const c = await issue('Hộ tịch');
    await officer1['counter.callNext']({});
    await officer1['counter.finish']({ ticketId: c.id });
    expect(await current()).toBe(c.displayCode);
  });
});
