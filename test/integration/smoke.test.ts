import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';

describe('smoke', () => {
  const clock = new FakeClock();
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
  });
  afterAll(async () => hub?.close());

  it('issues and calls', async () => {
    const cat = await hub.catalog();
    const kiosk = await hub.device('kiosk');
    const t = await kiosk.client['tickets.issue']({ serviceId: cat.services[0]!.id, priorityClassId: null });
    expect(t.ticket.displayCode).toBe('A001');
    const officer = await hub.staff('canbo1');
    await officer['counter.open']({ counterId: cat.counters[0]!.id });
    const r = await officer['counter.callNext']({});
    expect(r.ticket?.displayCode).toBe('A001');
    console.log(r.reason, t.waitEstimate);
  });
});
