import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { FakeClock } from '../support/clock';
import { EventClient } from '../support/events';
import { startTestHub, type TestHub } from '../support/hub';

describe('displays receive every call, including the ones they missed', () => {
  const clock = new FakeClock();
  let hub: TestHub;
  let displayToken: string;
  let officers: HubClient[];
  let kiosk: HubClient;
  let serviceId: string;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const cat = await hub.catalog();
    serviceId = cat.services[1]!.id; // Chứng thực: counters 1 and 2 serve it
    displayToken = (await hub.device('display')).token;
    kiosk = (await hub.device('kiosk')).client;
    officers = [await hub.staff('quay1'), await hub.staff('quay2')];
    await officers[0]!['counter.open']({ counterId: cat.counters[0]!.id });
    await officers[1]!['counter.open']({ counterId: cat.counters[1]!.id });
  });
  afterAll(async () => hub?.close());

  const callAndFinish = async (o: HubClient) => {
    const { ticket } = await o['counter.callNext']({});
    await o['counter.finish']({ ticketId: ticket!.id });
    return ticket!;
  };

  it('pushes calls that happen close together, in order, to 20 connected displays', async () => {
    for (let i = 0; i < 6; i++) await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
    const displays = Array.from({ length: 20 }, () => new EventClient(hub.url, displayToken));
    await Promise.all(displays.map((d) => d.until((c) => c.messages.some((m) => m.type === 'hello'))));
    // Two counters call at the same moment.
    const [a, b] = await Promise.all([officers[0]!['counter.callNext']({}), officers[1]!['counter.callNext']({})]);
    await Promise.all(displays.map((d) => d.until((c) => c.calls().length === 2)));
    for (const d of displays) {
      expect(d.calls().map((c) => c.displayCode).sort()).toEqual([a.ticket!.displayCode, b.ticket!.displayCode].sort());
      expect(d.calls()[0]!.id).toBeLessThan(d.calls()[1]!.id);
      d.close();
    }
    await officers[0]!['counter.finish']({ ticketId: a.ticket!.id });
    await officers[1]!['counter.finish']({ ticketId: b.ticket!.id });
  });

  it('replays the three calls made while a display was offline, exactly once, then continues live', async () => {
    const first = new EventClient(hub.url, displayToken);
    await first.until((c) => c.messages.some((m) => m.type === 'hello'));
    const seen = first.calls().at(-1)?.id ?? 0;
    expect(seen).toBeGreaterThan(0); // it caught up with the calls of the previous test
    first.close();
    await first.closed;

    const missed = [await callAndFinish(officers[0]!), await callAndFinish(officers[1]!), await callAndFinish(officers[0]!)];
    const again = new EventClient(hub.url, displayToken, seen);
    await again.until((c) => c.calls().length === 3);
    expect(again.calls().map((c) => c.displayCode)).toEqual(missed.map((t) => t.displayCode));
    expect(again.calls().map((c) => c.kind)).toEqual(['call', 'call', 'call']);

    const live = await officers[1]!['counter.callNext']({});
    await again.until((c) => c.calls().length === 4);
    expect(again.calls()[3]!.displayCode).toBe(live.ticket!.displayCode);
    // Nothing twice.
    expect(new Set(again.calls().map((c) => c.id)).size).toBe(4);
    again.close();
  });

  it('lets a display catch up over HTTP too, page by page', async () => {
    const display = hub.client(displayToken);
    const all = await display['calls.since']({ after: 0, limit: 500 });
    const page1 = await display['calls.since']({ after: 0, limit: 3 });
    const page2 = await display['calls.since']({ after: page1.lastId, limit: 500 });
    expect([...page1.calls, ...page2.calls]).toEqual(all.calls);
    const state = await display['display.state']({});
    expect(state.lastCallId).toBe(all.lastId);
    expect(state.recent[0]!.mark).toBe('called');
    expect(state.recent.slice(1).every((r) => r.mark === 'served')).toBe(true);
  });
});
