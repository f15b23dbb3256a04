import { describe, expect, it } from 'vitest';
import { useSyncRigs } from './rig';

/**
 * An undo at the counter (issue 13) is written as ticket events the central already knows
 * (docs/SYNC.md): they reach it, nothing is refused, and its projection shows the ticket back at
 * the counter, as the site has it. PGlite only: the events, not the engine, are under test.
 */
describe('an undo at the counter, seen by the central', () => {
  const t = useSyncRigs('pglite');

  it('projects an undone absent mark and an undone transfer as the ticket back at the counter', async () => {
    const r = await t.rig();
    const absent = (await r.issue()).ticket;
    const moved = (await r.issue()).ticket;
    const cat = await r.officer['catalog.get']({});
    const other = cat.services.find((s) => s.id !== absent.serviceId)!.id;

    expect((await r.officer['counter.callNext']({})).ticket?.id).toBe(absent.id);
    await r.officer['counter.skip']({ ticketId: absent.id });
    await r.officer['counter.undo']({ ticketId: absent.id });
    await r.officer['counter.finish']({ ticketId: absent.id });

    expect((await r.officer['counter.callNext']({})).ticket?.id).toBe(moved.id);
    await r.officer['counter.start']({ ticketId: moved.id });
    await r.officer['counter.transfer']({ ticketId: moved.id, serviceId: other });
    await r.officer['counter.undo']({ ticketId: moved.id });

    await r.settle();
    await r.verify();
    expect(await t.central.db.query('SELECT code FROM rejections WHERE site_id = $1', [r.siteId])).toEqual([]);
    const rows = await t.central.db.query<{ ticket_id: string; status: string; service_id: string; last_event_type: string }>(
      'SELECT ticket_id, status, service_id, last_event_type FROM tickets WHERE site_id = $1', [r.siteId],
    );
    const byId = new Map(rows.map((x) => [x.ticket_id, x]));
    expect(byId.get(absent.id)).toMatchObject({ status: 'finished', last_event_type: 'finished' });
    expect(byId.get(moved.id)).toMatchObject({ status: 'serving', service_id: moved.serviceId, last_event_type: 'called' });
  });
});
