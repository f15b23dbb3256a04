import { randomUUID } from 'node:crypto';
import type { HubClient } from '../../contract/client';
import type { OpOutput } from '../../contract/ops';
import { ALL_DAY, STAFF_PASSWORD, type HubAccounts } from './hub';

const KHAI_SINH = '1.001193.000.00.00.H21';

/** A site at work through its API: a kiosk, an officer at counter 1 and its rating tablet. */
export interface SiteWorkload {
  officer: HubClient;
  readonly kiosk: HubClient;
  /** A number taken at the kiosk (1 event). */
  issue(): Promise<OpOutput<'tickets.issue'>>;
  /** A citizen served from start to end: ticket, call, start, finish, rating (5 events). */
  serve(count?: number): Promise<void>;
  /** A dossier received at the counter (1 event). */
  receive(name?: string): Promise<OpOutput<'dossiers.receive'>>;
  /** The officer logs in again (after the site's clock jumped past the session's end). */
  relogin(): Promise<void>;
}

/**
 * Sets a fresh site up for work (numbers day and night: a hub process runs on the real clock, and
 * tests and benchmarks run at any hour) and returns its users.
 */
export async function siteWorkload(accounts: HubAccounts): Promise<SiteWorkload> {
  const admin = await accounts.admin();
  await admin['site.update']({ queueHours: ALL_DAY });
  const cat = await accounts.catalog();
  const counter = cat.counters[0]!;
  const officer = await accounts.staff('tiepnhan');
  await officer['counter.open']({ counterId: counter.id });
  const kiosk = (await accounts.device('kiosk')).client;
  const rating = (await accounts.device('rating', counter.id)).client;
  const service = cat.services[0]!.id;
  const w: SiteWorkload = {
    officer, kiosk,
    issue: () => kiosk['tickets.issue']({ serviceId: service, priorityClassId: null }),
    serve: async (count = 1) => {
      for (let i = 0; i < count; i++) {
        await w.issue();
        const ticketId = (await w.officer['counter.callNext']({})).ticket!.id;
        await w.officer['counter.start']({ ticketId });
        await w.officer['counter.finish']({ ticketId });
        const { settings } = await rating['rating.pending']({});
        await rating['rating.submit']({ ticketId, score: settings.scale[0]!.code, reasons: [] });
      }
    },
    receive: (name = 'Nguyễn Thị Hường') =>
      w.officer['dossiers.receive']({
        requestId: randomUUID(), procedureCode: KHAI_SINH,
        applicant: { kind: 'person', fullName: name, idNumber: '064190012345', dateOfBirth: '1990-08-15', address: 'Thôn 3, xã Ia Grai', phone: '', email: '' },
        documents: [{ index: 0, count: 1 }, { index: 1, count: 1 }, { index: 2, count: 1 }],
        sets: 1, channel: 'direct', returnMethod: 'desk', deliveryAddress: '', ticketId: null, note: '', dueOverride: null,
        // An in-process site runs on a weekday morning of its own, days off the central's clock:
        // the officer confirms (the clock check has its own tests, test/sync/site-clock.test.ts).
        clockConfirmed: true,
      }),
    relogin: async () => {
      const { token } = await accounts.client()['auth.login']({ username: 'tiepnhan', password: STAFF_PASSWORD });
      w.officer = accounts.client(token);
    },
  };
  return w;
}
