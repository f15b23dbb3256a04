import type { CalendarYear } from '../../../contract/calendar';
import type { DossierSettings } from '../../../contract/dossier';
import { officialCalendars } from '../../core/calendar/calendar-data';
import { workingCalendar, type WorkingCalendar } from '../../core/calendar/working-time';
import type { HubDeps } from './context';

/** The site's dossier settings (code pattern, calendar province, signer, scan retention). */
export const dossierSettings = (deps: HubDeps): DossierSettings => deps.site.get<DossierSettings>('dossiers')!;

/** Calendars edited at the site (or synced) win over the shipped official ones, which win over computed defaults. */
export const siteCalendarSources = (deps: HubDeps): { province: string | null; calendars: CalendarYear[] } => ({
  province: dossierSettings(deps).calendarProvince,
  calendars: [...deps.dossiers.calendars(), ...officialCalendars],
});
export const siteCalendar = (deps: HubDeps): WorkingCalendar => workingCalendar(siteCalendarSources(deps));
