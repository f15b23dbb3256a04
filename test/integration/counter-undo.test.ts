import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { catalogNames } from '../support/catalog-names';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { codeOf } from '../support/outcome';

/** Undo at the counter (issue 13, "Counter care"): the window and who acted last are the hub's to judge, on the hub's clock. */
describe('undoing an absent mark or a transfer at the counter', () => {
  const clock = new FakeClock('2026-11-25T09:00:00+07:00'); // a Wednesday, in the site's hours
  let hub: TestHub;
  let names: ReturnType<typeof catalogNames>;
  let kiosk: HubClient;
  let officer1: HubClient;
  let officer2: HubClient;
  const svc = (name: string) => names.svc(name);
  const counter = (n: number) => names.counter(n);
  const db = () => hub.running.hub.deps.db;
  const eventTypes = (ticketId: string) =>
    (db().prepare('SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as { type: string }[]).map((e) => e.type);
  const outboxTypes = (ticketId: string) =>
    (db().prepare('SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY seq').all(ticketId) as { type: string }[]).map((e) => e.type);

  /** A fresh Hộ tịch ticket called at counter 1. */
  const calledAtCounter1 = async () => {
    const issued = await kiosk['tickets.issue']({ serviceId: svc('Hộ tịch'), priorityClassId: null });
    const r = await officer1['counter.callSpecific']({ ticketId: issued.ticket.id });
    return r.ticket!;
  };

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    names = catalogNames(await hub.catalog());
    kiosk = (await hub.device('kiosk')).client;
    officer1 = await hub.staff('canbo1', 'officer', true);
    officer2 = await hub.staff('canbo2');
    await officer1['counter.open']({ counterId: counter(1) });
    await officer2['counter.open']({ counterId: counter(2) });
  });
  afterAll(async () => hub?.close());

  it('brings an absent ticket back as called at this counter within the window, with existing event types only', async () => {
    const t = await calledAtCounter1();
    await officer1['counter.skip']({ ticketId: t.id });
    const offered = (await officer1['counter.state']({})).undo;
    expect(offered).toMatchObject({ ticketId: t.id, action: 'skip', text: `Đã đánh dấu vắng ${t.displayCode}` });
    expect(Date.parse(offered!.until)).toBe(clock.now() + 8_000);
    clock.advanceSeconds(7);
    const back = await officer1['counter.undo']({ ticketId: t.id });
    expect(back.status).toBe('called');
    const state = await officer1['counter.state']({});
    expect(state.current?.ticket.id).toBe(t.id);
    expect(state.skipped.map((s) => s.id)).not.toContain(t.id);
    expect(state.undo).toBeNull();
    expect(eventTypes(t.id)).toEqual(['issued', 'called', 'skipped', 'returned', 'called']);
    expect(outboxTypes(t.id)).toEqual(['ticket.issued', 'ticket.called', 'ticket.skipped', 'ticket.returned', 'ticket.called']);
    // No second announcement: the citizen is at the desk already.
    const { calls } = await officer1['calls.since']({ after: 0 });
    expect(calls.filter((c) => c.ticketId === t.id)).toHaveLength(1);
    await officer1['counter.finish']({ ticketId: t.id });
  });

  it('refuses once the window has passed, and stops offering it', async () => {
    const t = await calledAtCounter1();
    await officer1['counter.skip']({ ticketId: t.id });
    clock.advanceSeconds(9);
    expect((await officer1['counter.state']({})).undo).toBeNull();
    expect(await codeOf(officer1['counter.undo']({ ticketId: t.id }))).toBe('UNDO_EXPIRED');
    expect((await officer1['counter.state']({})).skipped.map((s) => s.id)).toContain(t.id);
  });

  it('refuses when someone else acted on the ticket meanwhile', async () => {
    const t = await calledAtCounter1();
    await officer1['counter.transfer']({ ticketId: t.id, counterId: counter(2) });
    const called = await officer2['counter.callNext']({});
    expect(called.ticket?.id).toBe(t.id);
    expect((await officer1['counter.state']({})).undo).toBeNull();
    const refused = await codeOf(officer1['counter.undo']({ ticketId: t.id }));
    expect(refused).toBe('UNDO_SUPERSEDED');
    await officer2['counter.finish']({ ticketId: t.id });
  });

  it('refuses while the counter holds another ticket', async () => {
    const t = await calledAtCounter1();
    await officer1['counter.skip']({ ticketId: t.id });
    const next = await calledAtCounter1();
    expect((await officer1['counter.state']({})).undo).toBeNull();
    expect(await codeOf(officer1['counter.undo']({ ticketId: t.id }))).toBe('COUNTER_BUSY');
    await officer1['counter.finish']({ ticketId: next.id });
  });

  it('brings a transferred ticket back to this counter, being served as before, in its own service', async () => {
    const t = await calledAtCounter1();
    await officer1['counter.start']({ ticketId: t.id });
    await officer1['counter.transfer']({ ticketId: t.id, serviceId: svc('Chứng thực') });
    expect((await officer1['counter.state']({})).undo).toMatchObject({ action: 'transfer', text: `Đã chuyển ${t.displayCode}` });
    clock.advanceSeconds(3);
    const back = await officer1['counter.undo']({ ticketId: t.id });
    expect(back).toMatchObject({ status: 'serving', serviceId: svc('Hộ tịch'), counterNumber: 1 });
    expect(eventTypes(t.id).slice(-3)).toEqual(['transferred', 'transferred', 'called']);
    // Undone once: the undo is not itself undoable.
    expect(await codeOf(officer1['counter.undo']({ ticketId: t.id }))).toBe('UNDO_SUPERSEDED');
  });
});
