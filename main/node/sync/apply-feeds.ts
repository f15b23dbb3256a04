import type { z } from 'zod';
import { AppointmentFeedItem } from '../../../contract/appointments';
import { CalendarYear } from '../../../contract/calendar';
import { CatalogItem, DossierStatusItem, StaffItem, type Feed, type FeedItem } from '../../../contract/sync';
import { centralStatusApplies } from '../../core/sync-rules';
import type { Notifications } from '../hub/bus';
import type { HubDeps } from '../hub/context';
import { uuidv7 } from '../db/uuidv7';
import { applyAppointmentItem } from './apply-appointment';
import { pushRulesIfBooking } from '../hub/appointment-rules';

/** An account created from the province's list cannot log in until an admin at the site sets a password. */
const UNUSABLE_PASSWORD = '!sync-created';

/** A feed item the hub could not read: skipped (the feed goes on), logged and shown to staff. */
export interface SkippedFeedItem {
  readonly feed: Feed;
  readonly version: number;
  readonly reason: string;
  readonly at: number;
}

/** Why an item's payload is not what its feed carries (field paths only: no values, no personal data). */
function unreadable(error: z.ZodError): string {
  return `Mục không đúng định dạng (${error.issues.slice(0, 3).map((i) => i.path.join('.') || 'toàn bộ').join(', ')}).`;
}

/**
 * Applies one feed item at the site, in the caller's transaction, and notes in `notify` what the
 * screens must hear once it commits. Every apply is idempotent: a page applied twice (the hub was
 * killed before storing its cursor) changes nothing the second time. An item that cannot be read
 * is skipped — one bad item must not stop the feed — and returned, for the log and for staff.
 */
export function applyFeedItem(deps: HubDeps, feed: Feed, item: FeedItem, now: number, notify: Notifications): SkippedFeedItem | null {
  const skip = (reason: string): SkippedFeedItem => ({ feed, version: item.version, reason, at: now });
  let payload: unknown;
  try {
    payload = JSON.parse(item.payload);
  } catch {
    return skip('Mục không phải JSON hợp lệ.');
  }
  switch (feed) {
    case 'catalog': {
      const p = CatalogItem.safeParse(payload);
      if (!p.success) return skip(unreadable(p.error));
      // Applied already (a page pulled again, or older than a correction the site has): the feed
      // version says so; the central's version number does not, the site numbers its own.
      if (item.version <= deps.dossiers.appliedFeedVersion(p.data.code)) return null;
      const latest = deps.dossiers.latestVersion(p.data.code);
      const { version: _centralVersion, ...content } = p.data;
      deps.dossiers.insertProcedure({ ...content, version: (latest?.version ?? 0) + 1, source: 'sync' }, now, item.version);
      notify.changed('catalog');
      return null;
    }
    case 'calendar': {
      const c = CalendarYear.safeParse(payload);
      if (!c.success) return skip(unreadable(c.error));
      deps.dossiers.saveCalendar(c.data, 'sync', now);
      pushRulesIfBooking(deps, now);
      notify.changed('catalog');
      return null;
    }
    case 'staff': {
      const s = StaffItem.safeParse(payload);
      if (!s.success) return skip(unreadable(s.error));
      const existing = deps.people.staffByUsername(s.data.username);
      if (existing) deps.people.updateStaff({ id: existing.id, username: s.data.username, fullName: s.data.fullName, role: s.data.role, active: s.data.active, canCallSpecific: existing.canCallSpecific });
      else deps.people.insertStaff({ id: uuidv7(now), ...s.data, canCallSpecific: false, mustChangePassword: true }, UNUSABLE_PASSWORD, now);
      if (!s.data.active && existing) deps.people.endSessionsOfStaff(existing.id, now, null);
      notify.changed('staff');
      return null;
    }
    case 'dossier-status': {
      const d = DossierStatusItem.safeParse(payload);
      if (!d.success) return skip(unreadable(d.error));
      const row = deps.dossiers.row(d.data.dossierId);
      if (!row) return null; // a dossier of another desk, or not there yet: nothing to do here
      if (!centralStatusApplies(row.status, d.data)) return null;
      deps.dossiers.update(row.id, { status: d.data.status }, now);
      // Recorded in the history, not sent back: it came from the central.
      deps.dossiers.appendEvent({ ...row, status: d.data.status }, d.data.status === 'forwarded' ? 'forward' : d.data.status === 'processing' ? 'startProcessing' : 'resultReady', null, { note: d.data.note, from: 'central', at: d.data.at }, now, false);
      notify.dossier(row.id);
      return null;
    }
    case 'appointments': {
      const a = AppointmentFeedItem.safeParse(payload);
      if (!a.success) return skip(unreadable(a.error));
      const refused = applyAppointmentItem(deps, a.data, now);
      if (refused) return skip(refused);
      notify.changed('appointments');
      return null;
    }
  }
}

