import { CalendarYear } from '../../../contract/calendar';
import { CatalogItem, DossierStatusItem, StaffItem, type Feed, type FeedItem } from '../../../contract/sync';
import { centralStatusApplies } from '../../core/sync-rules';
import type { Notifications } from '../hub/bus';
import type { HubDeps } from '../hub/context';
import { uuidv7 } from '../db/uuidv7';

/** An account created from the province's list cannot log in until an admin at the site sets a password. */
const UNUSABLE_PASSWORD = '!sync-created';

/**
 * Applies one feed item at the site, in the caller's transaction, and notes in `notify` what the
 * screens must hear once it commits. Every apply is idempotent: a page applied twice (the hub was
 * killed before storing its cursor) changes nothing the second time. An item that cannot be read
 * is skipped: one bad item must not stop the feed.
 */
export function applyFeedItem(deps: HubDeps, feed: Feed, item: FeedItem, now: number, notify: Notifications): void {
  let payload: unknown;
  try {
    payload = JSON.parse(item.payload);
  } catch {
    return;
  }
  switch (feed) {
    case 'catalog': {
      const p = CatalogItem.safeParse(payload);
      if (!p.success) return;
      // Applied already (a page pulled again, or older than a correction the site has): the feed
      // version says so; the central's version number does not, the site numbers its own.
      if (item.version <= deps.dossiers.appliedFeedVersion(p.data.code)) return;
      const latest = deps.dossiers.latestVersion(p.data.code);
      const { version: _centralVersion, ...content } = p.data;
      deps.dossiers.insertProcedure({ ...content, version: (latest?.version ?? 0) + 1, source: 'sync' }, now, item.version);
      notify.changed('catalog');
      return;
    }
    case 'calendar': {
      const c = CalendarYear.safeParse(payload);
      if (!c.success) return;
      deps.dossiers.saveCalendar(c.data, 'sync', now);
      notify.changed('catalog');
      return;
    }
    case 'staff': {
      const s = StaffItem.safeParse(payload);
      if (!s.success) return;
      const existing = deps.people.staffByUsername(s.data.username);
      if (existing) deps.people.updateStaff({ id: existing.id, username: s.data.username, fullName: s.data.fullName, role: s.data.role, active: s.data.active, canCallSpecific: existing.canCallSpecific });
      else deps.people.insertStaff({ id: uuidv7(now), ...s.data, canCallSpecific: false, mustChangePassword: true }, UNUSABLE_PASSWORD, now);
      if (!s.data.active && existing) deps.people.endSessionsOfStaff(existing.id, now, null);
      notify.changed('staff');
      return;
    }
    case 'dossier-status': {
      const d = DossierStatusItem.safeParse(payload);
      if (!d.success) return;
      const row = deps.dossiers.row(d.data.dossierId);
      if (!row) return; // a dossier of another desk, or not there yet: nothing to do here
      if (!centralStatusApplies(row.status, d.data)) return;
      deps.dossiers.update(row.id, { status: d.data.status }, now);
      // Recorded in the history, not sent back: it came from the central.
      deps.dossiers.appendEvent({ ...row, status: d.data.status }, d.data.status === 'forwarded' ? 'forward' : d.data.status === 'processing' ? 'startProcessing' : 'resultReady', null, { note: d.data.note, from: 'central', at: d.data.at }, now, false);
      notify.dossier(row.id);
      return;
    }
  }
}

