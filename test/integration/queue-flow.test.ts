import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import type { OpOutput } from '../../contract/ops';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { HubError } from '../../contract/errors';
import { codeOf } from '../support/outcome';


describe('a day at the desk, through the real API', () => {
  const clock = new FakeClock('2026-11-25T08:00:00+07:00'); // a Wednesday
  let hub: TestHub;
  let cat: OpOutput<'catalog.get'>;
  let kiosk: HubClient;
  let officer1: HubClient;
  let officer2: HubClient;
  const svc = (name: string) => cat.services.find((s) => s.name === name)!.id;
  const counter = (n: number) => cat.counters.find((c) => c.number === n)!.id;
  const elderly = () => cat.priorityClasses.find((p) => p.code === 'NCT')!.id;
  const issue = (service: string, priority: string | null = null) => kiosk['tickets.issue']({ serviceId: svc(service), priorityClassId: priority });

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    cat = await hub.catalog();
    kiosk = (await hub.device('kiosk')).client;
    officer1 = await hub.staff('canbo1');
    officer2 = await hub.staff('canbo2');
    await officer1['counter.open']({ counterId: counter(1) });
    await officer2['counter.open']({ counterId: counter(2) });
  });
  afterAll(async () => hub?.close());

  it('numbers each service from 001 with its own prefix and estimates the wait as a range', async () => {
    const a1 = await issue('Hộ tịch');
    const a2 = await issue('Hộ tịch');
    const b1 = await issue('Chứng thực');
    expect([a1.ticket.displayCode, a2.ticket.displayCode, b1.ticket.displayCode]).toEqual(['A001', 'A002', 'B001']);
    expect(a1.peopleAhead).toBe(0);
    expect(a2.peopleAhead).toBe(1);
    expect(a2.waitEstimate.text).toMatch(/^khoảng \d+–\d+ phút$/);
    expect(a2.ticket.source).toBe('kiosk');
  });

  it('calls priority first with its reason, and the display payload carries no personal data', async () => {
    clock.advanceMinutes(1);
    const p = await issue('Hộ tịch', elderly());
    expect(p.ticket.priorityLabel).toBe('Người cao tuổi (từ 60 tuổi)');
    const r = await officer1['counter.callNext']({});
    expect(r.ticket?.displayCode).toBe(p.ticket.displayCode);
    expect(r.reason).toEqual({ code: 'priority', text: 'Ưu tiên: Người cao tuổi (từ 60 tuổi) (Hộ tịch)' });
    const { calls } = await officer1['calls.since']({ after: 0 });
    expect(Object.keys(calls[0]!).sort()).toEqual(['appointmentTime', 'at', 'counterId', 'counterLabel', 'counterNumber', 'displayCode', 'id', 'kind', 'language', 'serviceId', 'serviceName', 'ticketId']);
  });

  it('refuses a second call while a ticket is at the counter, then serves and finishes it', async () => {
    expect(await codeOf(officer1['counter.callNext']({}))).toBe('COUNTER_BUSY');
    const state = await officer1['counter.state']({});
    const current = state.current!.ticket;
    expect(state.current!.reason?.code).toBe('priority');
    // The desk offers what the hub would accept for a called ticket, with its keys and labels.
    expect(state.current!.statusText).toBe('Đang gọi — chờ công dân đến quầy');
    const offered = (s: typeof state) => s.actions.filter((a) => a.enabled).map((a) => `${a.key} ${a.label}`);
    expect(offered(state)).toContain('F6 Vắng mặt');
    expect(offered(state)).not.toContain('F1 Gọi số tiếp theo');
    await officer1['counter.recall']({ ticketId: current.id });
    const recalled = await officer1['counter.recall']({ ticketId: current.id });
    expect(recalled.recallCount).toBe(2);
    await officer1['counter.start']({ ticketId: current.id });
    // Once served, the citizen is here: no absent mark, no recall (the lifecycle allows neither).
    expect(offered(await officer1['counter.state']({}))).not.toContain('F6 Vắng mặt');
    clock.advanceMinutes(6);
    const done = await officer1['counter.finish']({ ticketId: current.id });
    expect(done.status).toBe('finished');
    expect(done.startedAt).not.toBeNull();
    // Two recalls were announced again: 1 call + 2 recalls for this ticket.
    const { calls } = await officer1['calls.since']({ after: 0 });
    expect(calls.filter((c) => c.ticketId === current.id).map((c) => c.kind)).toEqual(['call', 'recall', 'recall']);
  });

  it('rejects an action on a ticket that is not the counter’s current one (a stale screen)', async () => {
    const r = await officer1['counter.callNext']({});
    expect(r.ticket?.displayCode).toBe('A001');
    const other = (await officer2['counter.callNext']({})).ticket!;
    expect(other.displayCode).toBe('B001');
    expect(await codeOf(officer1['counter.finish']({ ticketId: other.id }))).toBe('NOT_CURRENT_TICKET');
  });

  it('marks a no-show, and returns it to the queue at its original place', async () => {
    const a1 = (await officer1['counter.state']({})).current!.ticket;
    const skipped = await officer1['counter.skip']({ ticketId: a1.id });
    expect(skipped.status).toBe('skipped');
    const state = await officer1['counter.state']({});
    expect(state.skipped.map((t) => t.displayCode)).toContain('A001');
    await issue('Hộ tịch');
    const back = await officer1['tickets.returnToQueue']({ ticketId: a1.id });
    expect(back.queueEnteredAt).toBe(a1.queueEnteredAt);
    const next = await officer1['counter.callNext']({});
    expect(next.ticket?.displayCode).toBe('A001');
    await officer1['counter.finish']({ ticketId: next.ticket!.id });
  });

  it('transfers a ticket to another service keeping its place, and redirects to the back with the same code', async () => {
    // B001 is at counter 2; move it to Hộ tịch: it is older than A002, so counter 1 gets it first.
    const b1 = (await officer2['counter.state']({})).current!.ticket;
    const moved = await officer2['counter.transfer']({ ticketId: b1.id, serviceId: svc('Hộ tịch') });
    expect(moved).toMatchObject({ status: 'waiting', serviceName: 'Hộ tịch', queueEnteredAt: b1.queueEnteredAt });
    const got = await officer1['counter.callNext']({});
    expect(got.ticket?.displayCode).toBe('B001');

    clock.advanceMinutes(1);
    const d = await issue('Kinh doanh');
    clock.advanceMinutes(1);
    const redirected = await officer1['counter.redirect']({ ticketId: got.ticket!.id, serviceId: svc('Kinh doanh') });
    expect(redirected).toMatchObject({ displayCode: 'B001', serviceName: 'Kinh doanh', status: 'waiting', parentTicketId: got.ticket!.id });
    // The citizen's page behind the paper's QR (the first ticket's id) follows them to the new queue.
    expect(await hub.client()['tickets.status']({ ticketId: got.ticket!.id })).toMatchObject({ displayCode: 'B001', serviceName: 'Kinh doanh', status: 'waiting', stage: 'waiting', peopleAhead: 1 });
    // Behind the Kinh doanh ticket that was already waiting.
    const kd = await officer2['counter.callNext']({ serviceId: svc('Kinh doanh') });
    expect(kd.ticket?.displayCode).toBe(d.ticket.displayCode);
    expect(kd.reason.code).toBe('service');
    await officer2['counter.finish']({ ticketId: kd.ticket!.id });
    expect((await officer2['counter.callNext']({ serviceId: svc('Kinh doanh') })).ticket?.displayCode).toBe('B001');
  });

  it('needs permission to call a specific ticket, and audits it', async () => {
    const waiting = (await officer1['tickets.list']({ statuses: ['waiting'] }))[0]!;
    expect(await codeOf(officer1['counter.callSpecific']({ ticketId: waiting.id }))).toBe('FORBIDDEN');
    const lead = await hub.staff('totruong', 'supervisor');
    await lead['counter.open']({ counterId: counter(3) });
    const r = await lead['counter.callSpecific']({ ticketId: waiting.id });
    expect(r.reason).toEqual({ code: 'specific', text: 'Gọi số chỉ định bởi cán bộ Cán bộ totruong' });
    const audit = hub.running.hub.deps.db.prepare("SELECT * FROM audit_log WHERE action = 'ticket.calledSpecific'").all();
    expect(audit).toHaveLength(1);
    await lead['counter.finish']({ ticketId: r.ticket!.id });
  });

  it('does not call while paused; one counter per officer and one officer per counter', async () => {
    await officer1['counter.setPaused']({ paused: true });
    expect(await codeOf(officer1['counter.callNext']({}))).toBe('COUNTER_PAUSED');
    await officer1['counter.setPaused']({ paused: false });
    expect(await codeOf(officer1['counter.open']({ counterId: counter(3) }))).toBe('STAFF_ALREADY_AT_COUNTER');
    const third = await hub.staff('canbo3');
    expect(await codeOf(third['counter.open']({ counterId: counter(1) }))).toBe('COUNTER_IN_USE');
    // Re-opening one's own counter (a reload) returns the same session.
    const s1 = (await officer1['counter.state']({})).session!;
    expect((await officer1['counter.open']({ counterId: counter(1) })).id).toBe(s1.id);
  });

  it('refuses numbers outside hours and past the daily cap, with a reason for the citizen', async () => {
    clock.set('2026-11-25T12:00:00+07:00');
    const lunch = await codeOf(issue('Đất đai'));
    expect(lunch).toBe('SERVICE_CLOSED');
    const menu = await kiosk['kiosk.menu']({});
    expect(menu.services.find((s) => s.name === 'Đất đai')).toMatchObject({ open: false, closedReason: 'Dịch vụ Đất đai chưa đến giờ lấy số. Mời quay lại lúc 13:00.' });
    clock.set('2026-11-25T14:00:00+07:00');
    const admin = await hub.admin();
    const land = cat.services.find((s) => s.name === 'Đất đai')!;
    await admin['admin.saveService']({ ...land, dailyCap: 2 });
    await issue('Đất đai');
    await issue('Đất đai');
    try {
      await issue('Đất đai');
      expect.fail('cap');
    } catch (e) {
      expect((e as HubError).code).toBe('DAILY_CAP_REACHED');
      expect((e as HubError).message).toContain('tối đa 2 số');
    }
    expect((await kiosk['kiosk.menu']({})).services.find((s) => s.name === 'Đất đai')?.open).toBe(false);
  });

  it('starts the next day at 001 again with no reset job, and does not call yesterday’s tickets', async () => {
    const left = await issue('Hộ tịch');
    clock.set('2026-11-26T08:00:00+07:00');
    const fresh = await issue('Hộ tịch');
    expect(fresh.ticket.displayCode).toBe('A001');
    expect(fresh.ticket.serviceDate).toBe('2026-11-26');
    const admin = await hub.admin();
    const c4 = await admin['admin.saveCounter']({ number: 4, label: 'Quầy số 4', kind: 'quay', mode: 'all', skills: [{ serviceId: svc('Hộ tịch'), weight: 1 }], active: true });
    const morning = await hub.staff('sang');
    await morning['counter.open']({ counterId: c4.id });
    const called = await morning['counter.callNext']({});
    expect(called.ticket?.id).toBe(fresh.ticket.id);
    expect((await morning['counter.callNext']({}).catch((e: HubError) => e.code))).toBe('COUNTER_BUSY');
    await morning['counter.finish']({ ticketId: fresh.ticket.id });
    expect((await morning['counter.callNext']({})).ticket).toBeNull();
    expect(left.ticket.serviceDate).toBe('2026-11-25');
  });
});
