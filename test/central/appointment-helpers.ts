import { randomUUID } from 'node:crypto';
import type { RulesEventPayload } from '../../contract/appointments';
import type { CalendarYear } from '../../contract/calendar';
import { vnDate } from '../../central/reports/period';
import { adminCall, pushBatch, SiteOutbox } from './helpers';

/** Appointments at the central (issue 14): a site that pushed its rules, and the citizen's forms. */

const DAY_MS = 86_400_000;
/** The Vietnam date `n` days from today. */
export const vnDay = (n: number): string => vnDate(Date.now() + n * DAY_MS);

const ALL_WEEK = Array.from({ length: 7 }, () => [{ from: '07:00', to: '17:00' }]);

/**
 * The province's calendar for this year and the next, every day a working day but `holidays`:
 * the tests' dates then never depend on the weekday they run on.
 */
export async function publishCalendars(url: string, holidays: readonly string[]): Promise<void> {
  const thisYear = Number(vnDay(0).slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) {
    const calendar = {
      year, province: 'Gia Lai', source: 'official', holidays: holidays.filter((d) => d.startsWith(String(year))).map((date) => ({ date, name: 'Ngày lễ thử' })),
      extraDaysOff: [], workedWeekendDays: [], sessions: ALL_WEEK, sameDayCutoff: '15:00',
    };
    const r = await adminCall(url, '/admin/calendar', { calendar });
    if (r.status !== 201) throw new Error(`calendar: ${r.status} ${JSON.stringify(r.json)}`);
  }
}

export const SERVICE_ID = '0193a000-0000-7000-8000-000000000001';

/** Rules for one service: 08:00–10:00 in 30-minute slots (4 a day), `capacity` seats of which `siteSeats` the desk's. */
export function rulesPayload(o: { capacity?: number; siteSeats?: number; maxActivePerId?: number; daysAhead?: number; siteCalendars?: CalendarYear[] } = {}): RulesEventPayload {
  return {
    settings: {
      earlyMinutes: 30, lateMinutes: 15, maxInARow: 2, maxActivePerId: o.maxActivePerId ?? 2,
      rules: [{ serviceId: SERVICE_ID, enabled: true, windows: [{ from: '08:00', to: '10:00' }], slotMinutes: 30, capacity: o.capacity ?? 5, siteSeats: o.siteSeats ?? 2, daysAhead: o.daysAhead ?? 7 }],
    },
    siteName: 'UBND xã Ia Dom',
    services: [{ id: SERVICE_ID, name: 'Chứng thực bản sao', nameEn: 'Certified copies', hours: null }],
    hours: ALL_WEEK,
    calendars: o.siteCalendars ?? [],
  };
}

/** Pushes the site's rules (as the hub does when the admin saves them); the outbox to push more with. */
export async function pushRules(url: string, siteId: string, credential: string, rules: RulesEventPayload = rulesPayload()): Promise<SiteOutbox> {
  const o = new SiteOutbox(siteId);
  o.raw('appointment.rules', 1, 'appointment-rules', JSON.stringify(rules));
  const r = await pushBatch(url, credential, o.request(o.events));
  if (r.status !== 200 || (r.json.rejections as unknown[]).length > 0) throw new Error(`push rules: ${r.status} ${JSON.stringify(r.json)}`);
  return o;
}

export interface FormAnswer {
  readonly status: number;
  readonly location: string | null;
  readonly html: string;
  /** The `data-code` of the refusal the page shows, if any. */
  readonly error: string | null;
}

export async function postForm(url: string, path: string, fields: Record<string, string>): Promise<FormAnswer> {
  const res = await fetch(url + path, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  const html = await res.text();
  return { status: res.status, location: res.headers.get('location'), html, error: /data-code="([A-Z_]+)"/.exec(html)?.[1] ?? null };
}

export const getPage = async (url: string, path: string): Promise<{ status: number; html: string }> => {
  const res = await fetch(url + path, { redirect: 'manual' });
  return { status: res.status, html: await res.text() };
};

/** The free slots a booking page offers (its radio values). */
export const slotsOn = (html: string): string[] => [...html.matchAll(/name="slot" value="([^"]+)"/g)].map((m) => m[1]!);

/** A 12-digit CCCD number of its own per call. */
export const idNumber = (): string => `0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;

export const bookForm = (siteId: string, slot: string, id = idNumber(), fullName = 'Nguyễn Thị Hường') =>
  ({ site: siteId, service: SERVICE_ID, day: slot.slice(0, 10), slot, idNumber: id, fullName, phone: '' });

/** The code of a booking from its confirmation's address. */
export const codeOf = (location: string | null): string => /\/hen\/[^/]+\/([A-Z0-9]+)/.exec(location ?? '')![1]!;

export const newSiteId = (): string => `xa-${randomUUID().slice(0, 8)}`;
