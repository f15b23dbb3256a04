import type { Site, WeeklyHours } from '../../../contract/queue';
import type { HubDeps } from '../hub/context';

/**
 * The hours the office is open, as the updater must respect them: the site's hours for taking
 * numbers and those of every active service that has its own (a service may open earlier or
 * close later than the site). Read at each decision, so a change in the admin screen counts at once.
 */
export function officeHours(deps: Pick<HubDeps, 'site' | 'catalog'>): WeeklyHours[] {
  const own = deps.catalog.services().flatMap((s) => (s.active && s.hours !== null ? [s.hours] : []));
  // Before setup there are no hours yet: nobody is served, an update may come at any time.
  const site = deps.site.get<Site>('site');
  return [...(site ? [site.queueHours] : []), ...own];
}
