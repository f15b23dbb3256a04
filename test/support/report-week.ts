import type { HubClient } from '../../contract/client';
import type { IntakeInput } from '../../contract/dossier';
import { intake } from '../integration/dossier/intake-input';
import { FakeClock } from './clock';
import { ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from './hub';

export const XAC_NHAN = '1.004873.000.00.00.H21'; // 3 working days, Hộ tịch
export const HO_KINH_DOANH = '2.000720.000.00.00.H21'; // 3 working days, Kinh doanh
export const DAT_DAI = '1.003003.000.00.00.H21'; // 10 working days, Đất đai
export const KHAI_SINH = '1.001193.000.00.00.H21'; // same day, Hộ tịch
const papers: Record<string, IntakeInput['documents']> = {
  [XAC_NHAN]: [{ index: 0, count: 1 }],
  [HO_KINH_DOANH]: [{ index: 0, count: 1 }, { index: 1, count: 1 }],
  [DAT_DAI]: [{ index: 0, count: 1 }, { index: 1, count: 1 }, { index: 2, count: 1 }],
  [KHAI_SINH]: [{ index: 0, count: 1 }, { index: 1, count: 1 }, { index: 2, count: 1 }],
};
export const WEEK = { from: '2026-08-22', to: '2026-08-28' };

export interface ReportWeek {
  readonly hub: TestHub;
  readonly clock: FakeClock;
  /** Counters 1 and 2. */
  readonly counter: [string, string];
  readonly service: { ht: string; ct: string; dd: string };
  readonly kiosk: HubClient;
  /** The rating tablets of counters 1 and 2. */
  readonly rating: [HubClient, HubClient];
  /** By username: anh and binh (officers), truong (supervisor), admin. */
  readonly staffIds: Record<string, string>;
  /** Dossiers the figures name (d0, d1, d4, d5, d6) and their due times. */
  readonly ids: Record<string, string>;
  readonly dues: Record<string, string>;
  /** A fresh login: the clock jumps days, past any session's lifetime. */
  readonly as: (username: string) => Promise<HubClient>;
}

/**
 * A hand-built week at a commune desk, every figure of the reports checked against what was
 * worked out by hand. The week of the 2026 calendar that has it all: Saturday 22 August is worked
 * (làm bù for Monday 31), which is off; 1–2 September are Quốc khánh. The reports are read on
 * Thursday 3 September at 10:00, the first working day after the holidays. The hub runs on a
 * clock the test moves, so nothing depends on the hour the suite runs at.
 *
 * The hub is left on that Thursday at 10:00 with every counter closed. Shared by the report
 * tests (test/integration/reports/week.test.ts) and the supervisor screens' end-to-end test.
 */
export async function startReportWeek(options: { screens?: boolean } = {}): Promise<ReportWeek> {
  const clock = new FakeClock('2026-08-21T09:00:00+07:00');
  const go = (local: string) => clock.set(`${local}+07:00`);
  let hub: TestHub;
  let counter: [string, string];
  let service: { ht: string; ct: string; dd: string };
  let kiosk: HubClient;
  let rating: [HubClient, HubClient];
  const staffIds: Record<string, string> = {};
  const as = async (username: string) => hub.client((await hub.client()['auth.login']({ username, password: STAFF_PASSWORD })).token);

  // ── the queue ──────────────────────────────────────────────────────────────
  const issue = async (local: string, serviceId: string) => {
    go(local);
    return (await kiosk['tickets.issue']({ serviceId, priorityClassId: null })).ticket.id;
  };
  const call = async (who: string, local: string, ticketId: string) => {
    go(local);
    await (await as(who))['counter.callSpecific']({ ticketId });
  };
  const act = async (who: string, local: string, action: 'counter.start' | 'counter.finish' | 'counter.skip', ticketId: string) => {
    go(local);
    await (await as(who))[action]({ ticketId });
  };
  const openCounters = async (local: string, who: readonly ('anh' | 'binh')[]) => {
    go(local);
    for (const name of who) await (await as(name))['counter.open']({ counterId: counter[name === 'anh' ? 0 : 1] });
  };
  const closeCounters = async (local: string, who: readonly ('anh' | 'binh')[]) => {
    go(local);
    for (const name of who) await (await as(name))['counter.close']({});
  };
  const rate = async (local: string, at: 0 | 1, ticketId: string, score: string, reasons: string[] = []) => {
    go(local);
    await rating[at]['rating.submit']({ ticketId, score, reasons });
  };

  // ── the dossiers ───────────────────────────────────────────────────────────
  const receive = async (who: string, local: string, procedureCode: string, over: Partial<IntakeInput> = {}) => {
    go(local);
    return (await as(who))['dossiers.receive'](intake({ procedureCode, documents: papers[procedureCode]!, ...over }));
  };
  const advance = async (who: string, local: string, dossierId: string, step: 'forward' | 'resultReady') => {
    go(local);
    await (await as(who))['dossiers.advance']({ dossierId, step, note: '' });
  };
  const scan = async (who: string, local: string, dossierId: string) => {
    go(local);
    const officer = await as(who);
    const pdf = (await officer['dossiers.form']({ dossierId, form: 'receipt' })).pdfBase64;
    await officer['dossiers.attachScan']({ dossierId, documentIndex: 0, fileName: 'to-khai.pdf', mime: 'application/pdf', dataBase64: pdf });
  };
  const ids: Record<string, string> = {};
  const dues: Record<string, string> = {};

    hub = await startTestHub({ clock: clock.now, ...options });
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    const catalog = await admin['catalog.get']({});
    counter = [catalog.counters.find((c) => c.number === 1)!.id, catalog.counters.find((c) => c.number === 2)!.id];
    const byCode = (code: string) => catalog.services.find((s) => s.code === code)!.id;
    // Đất đai takes numbers in the mornings only: a ticket left waiting there counts until 11:30.
    const land = catalog.services.find((s) => s.code === 'DD')!;
    await admin['admin.saveService']({ ...land, hours: Array.from({ length: 7 }, () => [{ from: '07:00', to: '11:30' }]) });
    service = { ht: byCode('HT'), ct: byCode('CT'), dd: byCode('DD') };
    for (const name of ['anh', 'binh']) await hub.staff(name, 'officer', true);
    await hub.staff('truong', 'supervisor');
    for (const s of await admin['admin.listStaff']({})) staffIds[s.username] = s.id;
    kiosk = (await hub.device('kiosk')).client;
    rating = [(await hub.device('rating', counter[0])).client, (await hub.device('rating', counter[1])).client];
    await admin['admin.saveReportSettings']({ targetWaitMinutes: 10 });

    // Everything happens in the order of the clock. Friday 21, the day before the period: a
    // ticket, a rating and a dossier the reports must leave out.
    await openCounters('2026-08-21T09:00', ['anh']);
    const t0 = await issue('2026-08-21T09:00', service.ht);
    await call('anh', '2026-08-21T09:01', t0);
    await act('anh', '2026-08-21T09:05', 'counter.finish', t0);
    await rate('2026-08-21T09:06', 0, t0, 'unsatisfied');
    await closeCounters('2026-08-21T10:00', ['anh']);
    // Never handled: due Tue 25 10:00, so overdue now — the overdue list is not bounded by the period.
    const d0 = await receive('anh', '2026-08-21T10:00', XAC_NHAN);

    // Saturday 22 (worked): counters 1 and 2 open 08:00–09:00.
    await openCounters('2026-08-22T08:00', ['anh', 'binh']);
    const t1 = await issue('2026-08-22T08:00', service.ht);
    await call('anh', '2026-08-22T08:05', t1); // wait 5
    await act('anh', '2026-08-22T08:06', 'counter.start', t1);
    const t2 = await issue('2026-08-22T08:10', service.ct);
    await act('anh', '2026-08-22T08:16', 'counter.finish', t1); // service 10
    await rate('2026-08-22T08:17', 0, t1, 'very_satisfied');
    const t3 = await issue('2026-08-22T08:20', service.ht);
    await call('binh', '2026-08-22T08:30', t2); // wait 20
    await act('binh', '2026-08-22T08:34', 'counter.finish', t2); // service 4, from the call
    await rate('2026-08-22T08:35', 1, t2, 'satisfied');
    await call('anh', '2026-08-22T08:40', t3); // wait 20
    await act('anh', '2026-08-22T08:42', 'counter.skip', t3); // no-show
    await closeCounters('2026-08-22T09:00', ['anh', 'binh']);
    // D1: 3 working days → Wed 26 09:00; scanned at once; ready Tue 25: early, 2 working days.
    const d1 = await receive('anh', '2026-08-22T09:00', XAC_NHAN);
    await scan('anh', '2026-08-22T09:05', d1.id);

    // Monday 24: counters 1 and 2 open 08:00–10:00.
    await openCounters('2026-08-24T08:00', ['anh', 'binh']);
    const t4 = await issue('2026-08-24T08:00', service.ht);
    await call('anh', '2026-08-24T08:03', t4); // wait 3
    await act('anh', '2026-08-24T08:04', 'counter.start', t4);
    const t5 = await issue('2026-08-24T08:05', service.ct);
    go('2026-08-24T08:06');
    await (await as('anh'))['counter.transfer']({ ticketId: t4, counterId: counter[1] });
    go('2026-08-24T08:07');
    await (await as('anh'))['tickets.cancel']({ ticketId: t5, reason: 'Công dân về trước' });
    await call('binh', '2026-08-24T08:10', t4);
    await act('binh', '2026-08-24T08:11', 'counter.start', t4);
    await act('binh', '2026-08-24T08:19', 'counter.finish', t4); // service 8
    await rate('2026-08-24T08:20', 1, t4, 'unsatisfied', ['long_wait', 'attitude']);
    const t6 = await issue('2026-08-24T08:30', service.ht);
    await call('anh', '2026-08-24T08:32', t6); // wait 2
    await act('anh', '2026-08-24T08:33', 'counter.start', t6);
    go('2026-08-24T08:40');
    // Served here (7 minutes), then sent to the back of Đất đai, where nobody calls it: unfinished.
    await (await as('anh'))['counter.redirect']({ ticketId: t6, serviceId: service.dd });
    const t7 = await issue('2026-08-24T09:00', service.ht);
    await call('anh', '2026-08-24T09:01', t7); // wait 1 (to the first call)
    await act('anh', '2026-08-24T09:03', 'counter.skip', t7);
    go('2026-08-24T09:10');
    await (await as('truong'))['tickets.returnToQueue']({ ticketId: t7 });
    await call('anh', '2026-08-24T09:12', t7);
    await act('anh', '2026-08-24T09:15', 'counter.finish', t7); // service 3, from the last call
    await rate('2026-08-24T09:16', 0, t7, 'satisfied');
    // D2 (by post): → Thu 27 09:30; ready Thu 27 08:30: on time, 3 working days.
    const d2 = await receive('binh', '2026-08-24T09:30', HO_KINH_DOANH, { channel: 'postal', returnMethod: 'post', deliveryAddress: 'Thôn 3, xã Ia Dom' });
    await closeCounters('2026-08-24T10:00', ['anh', 'binh']);
    // D3: → Thu 27 10:00, extended before it passed; ready Fri 28: late, 4 working days.
    const d3 = await receive('anh', '2026-08-24T10:00', XAC_NHAN);
    // D7: papers missing at intake, never completed.
    go('2026-08-24T11:00');
    await (await as('anh'))['dossiers.requestSupplement']({ ...intake({ procedureCode: XAC_NHAN, documents: [] }), items: [{ what: 'Tờ khai', reason: 'Chưa có' }] });

    // Tuesday 25.
    await scan('anh', '2026-08-25T08:00', d3.id); // the next day: not digitised at intake
    // D4: 10 working days → Fri 11 September: neither overdue nor due soon on the 3rd.
    const d4 = await receive('anh', '2026-08-25T09:00', DAT_DAI);
    await advance('anh', '2026-08-25T10:00', d1.id, 'resultReady');
    // D8: refused at intake.
    go('2026-08-25T14:00');
    await (await as('binh'))['dossiers.refuse']({ ...intake({ procedureCode: XAC_NHAN, documents: papers[XAC_NHAN]! }), reason: 'Không thuộc thẩm quyền giải quyết của xã' });

    // Wednesday 26. D9: papers missing at 08:00, complete at 08:30 (received then: same day →
    // 17:00); ready 16:00: on time, 0 working days.
    go('2026-08-26T08:00');
    const d9 = await (await as('anh'))['dossiers.requestSupplement']({ ...intake({ procedureCode: KHAI_SINH, documents: [{ index: 0, count: 1 }] }), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa có' }] });
    go('2026-08-26T08:30');
    await (await as('anh'))['dossiers.completeSupplement']({ dossierId: d9.id, documents: papers[KHAI_SINH]! });
    // D6: → 27, 28, then (31 swapped off, 1–2 September Quốc khánh) Thu 3 Sep 09:00: overdue at 10:00 that day.
    const d6 = await receive('binh', '2026-08-26T09:00', XAC_NHAN);
    await advance('binh', '2026-08-26T10:00', d6.id, 'forward');
    await advance('anh', '2026-08-26T16:00', d9.id, 'resultReady');

    // Thursday 27.
    await advance('binh', '2026-08-27T08:30', d2.id, 'resultReady');
    go('2026-08-27T09:00');
    await (await as('anh'))['dossiers.extend']({ dossierId: d3.id, newDueAt: '2026-08-28T16:00:00+07:00', reason: 'Cần xác minh thêm thông tin tại nơi cư trú trước đây' });

    // Friday 28: counter 1 open 08:00–09:00.
    await openCounters('2026-08-28T08:00', ['anh']);
    const t8 = await issue('2026-08-28T08:00', service.ht);
    await call('anh', '2026-08-28T08:30', t8); // wait 30: over the target
    await act('anh', '2026-08-28T08:35', 'counter.finish', t8); // service 5
    await closeCounters('2026-08-28T09:00', ['anh']);
    await advance('anh', '2026-08-28T11:00', d3.id, 'resultReady');
    // D5: same day, received 15:30, after the cut-off → the next working day, Thu 3 Sep 17:00: due soon.
    const d5 = await receive('anh', '2026-08-28T15:30', KHAI_SINH);
    Object.assign(ids, { d0: d0.id, d1: d1.id, d4: d4.id, d5: d5.id, d6: d6.id });
    Object.assign(dues, { d1: d1.dueAt!, d2: d2.dueAt!, d3: d3.dueAt!, d4: d4.dueAt!, d5: d5.dueAt!, d6: d6.dueAt! });
    go('2026-09-03T10:00');
  return { hub, clock, counter, service, kiosk, rating, staffIds, ids, dues, as };
}
