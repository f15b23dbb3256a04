import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';

describe('20 kiosks issuing at once', () => {
  const clock = new FakeClock();
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
  });
  afterAll(async () => hub?.close());

  it('hands out 1,000 unique, gap-free numbers per service, each one stored with its issue event', async () => {
    const cat = await hub.catalog();
    const services = cat.services.slice(0, 2);
    const kiosks = await Promise.all(Array.from({ length: 20 }, () => hub.device('kiosk')));
    const issued = (
      await Promise.all(
        kiosks.map(async ({ client }, k) => {
          const mine = [];
          for (let i = 0; i < 50; i++) {
            const serviceId = services[(k + i) % 2]!.id;
            mine.push((await client['tickets.issue']({ serviceId, priorityClassId: null })).ticket);
          }
          return mine;
        }),
      )
    ).flat();
    expect(issued).toHaveLength(1000);
    for (const s of services) {
      const numbers = issued.filter((t) => t.serviceId === s.id).map((t) => t.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    }
    expect(new Set(issued.map((t) => t.displayCode)).size).toBe(1000);
    const db = hub.running.hub.deps.db;
    expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1000 });
    expect(db.prepare("SELECT count(*) AS n FROM ticket_events WHERE type = 'issued'").get()).toEqual({ n: 1000 });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ticket.issued'").get()).toEqual({ n: 1000 });
    // The A-numbers 1000th and beyond keep every digit.
    expect(issued.find((t) => t.number === 500)?.displayCode).toMatch(/^[AB]500$/);
  });
});
