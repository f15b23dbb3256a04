import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REPORT_RETRY_AFTER_SECONDS } from '../../central/http/report-gate';
import { centralPerSuite } from './central-per-suite';
import { readyAccount, sessionCall, type Answer } from './helpers';
import { cancelWaiting, lockSiteDays, waitingForSiteDays } from './lock-site-days';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const YEAR = 'from=2026-01-01&to=2026-12-31';

/**
 * At most two province computations at once (the page's figures and the export together), shown
 * without a clock: another connection holds the site_days table locked (lock-site-days.ts), so the
 * reports that reach their SQL wait there, holding their slots. PostgreSQL only.
 */
describe("the province's reports are computed two at a time (postgres)", () => {
  const central = centralPerSuite('postgres');

  const report = (cookie: string, xlsx = false) => sessionCall(central.url, `/admin/api/province${xlsx ? '.xlsx' : ''}?${YEAR}`, cookie);
  const expectBusy = (r: Answer<Record<string, unknown>>) => {
    expect(r.status).toBe(503);
    expect(r.json).toMatchObject({ code: 'REPORT_BUSY', message: 'Máy chủ đang tính báo cáo cho người khác; vui lòng thử lại sau ít giây.' });
    expect(r.json.message).toMatch(VIETNAMESE);
    expect(r.headers.get('retry-after')).toBe(String(REPORT_RETRY_AFTER_SECONDS));
  };

  it('refuses a third at once with 503 REPORT_BUSY, gives the slots back when a computation fails, and computes again once free', async () => {
    const clerk = await readyAccount(central.url, `canbo${randomUUID().slice(0, 6)}`, 'clerk');
    // sessionCall reads the body as JSON: the export's 200 is checked by its status only.
    const xlsx = (cookie: string) => fetch(`${central.url}/admin/api/province.xlsx?${YEAR}`, { headers: { cookie } });
    let unlock = await lockSiteDays(central.db);

    // Two computations wait at the lock, holding both slots; a third, of either kind, is refused.
    const first = [report(clerk.cookie), xlsx(clerk.cookie)];
    await expect.poll(() => waitingForSiteDays(central.db)).toBe(2);
    expectBusy(await report(clerk.cookie));
    expectBusy(await report(clerk.cookie, true));
    // A wrong period is still told as such: it is checked before a slot is asked for.
    expect((await sessionCall(central.url, '/admin/api/province?from=2026-02-30&to=2026-03-01', clerk.cookie)).json).toMatchObject({ code: 'PERIOD_INVALID' });

    // Both fail (their statements cancelled): their slots are given back, so two more may wait at the lock.
    await cancelWaiting(central.db);
    const failed = await Promise.all(first);
    expect(failed.map((r) => r.status)).toEqual([500, 500]);
    const second = [report(clerk.cookie), xlsx(clerk.cookie)];
    await expect.poll(() => waitingForSiteDays(central.db)).toBe(2);
    expectBusy(await report(clerk.cookie));

    // The lock released, both finish; then a fourth has a slot again.
    await unlock();
    const done = await Promise.all(second);
    expect(done.map((r) => r.status)).toEqual([200, 200]);
    const again = await report(clerk.cookie);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });

    // Nothing is left holding a slot: two wait again, the third is refused, and all is well after.
    unlock = await lockSiteDays(central.db);
    const third = [report(clerk.cookie), report(clerk.cookie)];
    await expect.poll(() => waitingForSiteDays(central.db)).toBe(2);
    expectBusy(await report(clerk.cookie, true));
    await unlock();
    expect((await Promise.all(third)).map((r) => r.status)).toEqual([200, 200]);
  });
});
