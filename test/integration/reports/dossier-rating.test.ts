import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { FakeClock } from '../../support/clock';
import { STAFF_PASSWORD, startTestHub, type TestHub } from '../../support/hub';
import { intake } from '../dossier/intake-input';

const PROCEDURE = '1.004873.000.00.00.H21';
const RECEIVER = { name: 'Nguyễn Thị Hường', idNumber: '', relation: '' };

/** The outbox rows of one dossier, as the central will receive them. */
function sentEvents(dataDir: string, dossierId: string): { type: string; payload: { event: { type: string; data: Record<string, unknown> } } }[] {
  const db = new Database(join(dataDir, 'motcua.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT type, payload FROM outbox WHERE aggregate_id = ? ORDER BY seq').all(dossierId) as { type: string; payload: string }[])
      .map((r) => ({ type: r.type, payload: JSON.parse(r.payload) as { event: { type: string; data: Record<string, unknown> } } }));
  } finally {
    db.close();
  }
}

describe('a citizen rates a dossier at the rating tablet when the result is handed over', () => {
  const clock = new FakeClock('2026-11-24T09:00:00+07:00');
  let hub: TestHub;
  // nhan takes the dossiers in, tra hands the results over, truong supervises.
  let tablet: HubClient; // the rating tablet of counter 2
  let counter2: string;
  const ids: Record<string, string> = {};
  /** A fresh login: the clock jumps a month, past any session's lifetime. */
  const as = async (username: string) => hub.client((await hub.client()['auth.login']({ username, password: STAFF_PASSWORD })).token);

  /** A dossier received now, its result ready and (unless told) handed over an hour later. */
  const dossier = async (returned = true) => {
    const receiving = await as('nhan');
    const d = await receiving['dossiers.receive'](intake({ procedureCode: PROCEDURE, documents: [{ index: 0, count: 1 }] }));
    await receiving['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    if (returned) {
      clock.advanceMinutes(60);
      await (await as('tra'))['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy xác nhận tình trạng hôn nhân', count: 1 }], receiver: RECEIVER });
    }
    return { id: d.id, code: d.code!, lookupCode: d.lookupCode! };
  };

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    for (const name of ['nhan', 'tra']) await hub.staff(name);
    await hub.staff('truong', 'supervisor');
    for (const s of await admin['admin.listStaff']({})) ids[s.username] = s.id;
    counter2 = (await hub.catalog()).counters.find((c) => c.number === 2)!.id;
    tablet = (await hub.device('rating', counter2)).client;
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('finds the dossier by the receipt’s two codes (a scan’s lower case too), takes one rating, keeps it in the history and sends it to the central', async () => {
    const d = await dossier();
    const found = await tablet['rating.findDossier']({ code: d.code.toLowerCase(), lookupCode: ` ${d.lookupCode.toLowerCase()} ` });
    expect(found).toMatchObject({ code: d.code, procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân' });

    await tablet['rating.submitDossier']({ code: d.code, lookupCode: d.lookupCode, score: 'unsatisfied', reasons: ['long_wait'] });
    await expect(tablet['rating.submitDossier']({ code: d.code, lookupCode: d.lookupCode, score: 'satisfied', reasons: [] })).rejects.toMatchObject({ code: 'ALREADY_RATED', message: 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà.' });
    await expect(tablet['rating.findDossier']({ code: d.code, lookupCode: d.lookupCode })).rejects.toMatchObject({ code: 'ALREADY_RATED' });

    const view = await (await as('truong'))['dossiers.get']({ dossierId: d.id });
    expect(view.status).toBe('returned');
    expect(view.history.at(-1)).toMatchObject({ text: 'Công dân đánh giá: Không hài lòng' });

    const sent = sentEvents(hub.dataDir, d.id).at(-1)!;
    expect(sent.type).toBe('dossier.rated');
    expect(sent.payload.event).toMatchObject({ type: 'rated', data: { score: 'unsatisfied', satisfied: false, reasons: ['long_wait'], counterId: counter2, officerId: ids.tra } });
  });

  it('counts the dossier’s rating in the satisfaction report, for the officer who handed the result over and the tablet’s counter', async () => {
    const today = { from: '2026-11-24', to: '2026-11-24' };
    const r = await (await as('truong'))['reports.satisfaction'](today);
    expect(r.bySubject.dossiers).toMatchObject({ total: 1, satisfied: 0 });
    expect(r.bySubject.tickets.total).toBe(0);
    expect(r.all.total).toBe(1);
    expect(r.all.reasons.find((x) => x.code === 'long_wait')?.count).toBe(1);
    expect(r.byOfficer).toEqual([expect.objectContaining({ staffId: ids.tra, total: 1 })]);
    expect(r.byCounter).toEqual([expect.objectContaining({ counterId: counter2, total: 1 })]);
    // The officer who took it in is not scored for the hand-over; he sees his own figures only.
    expect((await (await as('nhan'))['reports.satisfaction'](today)).all.total).toBe(0);
    expect((await (await as('tra'))['reports.satisfaction'](today)).all.total).toBe(1);
  });

  it('refuses a dossier whose result was not handed over, one handed over more than 30 days ago, and wrong codes', async () => {
    const ready = await dossier(false);
    await expect(tablet['rating.findDossier']({ code: ready.code, lookupCode: ready.lookupCode })).rejects.toMatchObject({ code: 'RATING_NOT_OPEN', message: 'Hồ sơ này chưa thể đánh giá: Ông/Bà đánh giá sau khi nhận kết quả.' });
    await expect(tablet['rating.submitDossier']({ code: ready.code, lookupCode: ready.lookupCode, score: 'satisfied', reasons: [] })).rejects.toMatchObject({ code: 'RATING_NOT_OPEN' });

    const old = await dossier();
    clock.advanceMinutes(31 * 24 * 60);
    await expect(tablet['rating.submitDossier']({ code: old.code, lookupCode: old.lookupCode, score: 'satisfied', reasons: [] })).rejects.toMatchObject({
      code: 'RATING_NOT_OPEN', message: 'Hồ sơ đã trả kết quả hơn 30 ngày trước: không còn đánh giá tại máy này.',
    });
    await expect(tablet['rating.findDossier']({ code: old.code, lookupCode: 'BBBBBB' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Mã hồ sơ hoặc mã tra cứu không đúng.' });
    await expect(tablet['rating.submitDossier']({ code: old.code, lookupCode: old.lookupCode, score: 'no-such-level', reasons: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is open to rating tablets only, and throttles guesses of the lookup code', async () => {
    const d = await dossier();
    const kiosk = (await hub.device('kiosk')).client;
    await expect(kiosk['rating.findDossier']({ code: d.code, lookupCode: d.lookupCode })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await as('tra'))['rating.submitDossier']({ code: d.code, lookupCode: d.lookupCode, score: 'satisfied', reasons: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const guesses = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => tablet['rating.findDossier']({ code: d.code, lookupCode: `ZZZZ${String(i).padStart(2, '0')}` })));
    const codes = guesses.map((g) => (g.status === 'rejected' ? (g.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'NOT_FOUND').length).toBeLessThanOrEqual(5);
    expect(codes).toContain('TOO_MANY_ATTEMPTS');
    // The real codes wait out the throttle like any other try.
    await expect(tablet['rating.findDossier']({ code: d.code, lookupCode: d.lookupCode })).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });
  it('tells the central whether a rating is satisfied on the site’s own scale, which the central does not hold', async () => {
    const admin = await hub.admin();
    const { rating } = await admin['site.update']({});
    const own = [
      { code: 'tot', label: 'Tốt', labelEn: 'Good' }, { code: 'kha', label: 'Khá', labelEn: 'Fair' },
      { code: 'trung_binh', label: 'Trung bình', labelEn: 'Average' }, { code: 'kem', label: 'Kém', labelEn: 'Poor' },
    ];
    await admin['site.update']({ rating: { ...rating, scale: own } });
    try {
      // "Khá", the second of four, is in the upper half; "Trung bình", the third, is not.
      for (const [score, satisfied] of [['kha', true], ['trung_binh', false]] as const) {
        const d = await dossier();
        await tablet['rating.submitDossier']({ code: d.code, lookupCode: d.lookupCode, score, reasons: [] });
        expect(sentEvents(hub.dataDir, d.id).at(-1)!.payload.event.data).toMatchObject({ score, satisfied });
      }
    } finally {
      await admin['site.update']({ rating });
    }
  });
});
