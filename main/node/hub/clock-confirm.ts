import { HubError } from '../../../contract/errors';
import { clockConfirmMessage, type ClockBasis } from '../../core/site-clock';
import type { HubDeps } from './context';

/**
 * Before a legal time is read from the hub's clock (a dossier's receipt and due time): while the
 * clock is off the central's, refused with CLOCK_SKEW_CONFIRM (the skew in the details) unless the
 * officer confirmed. Returns what the audit log records of a confirmation, or null when the clock
 * is fine.
 */
export function clockConfirmation(deps: Pick<HubDeps, 'siteClock'>, confirmed: boolean | undefined): { skewSeconds: number | null; basis: ClockBasis } | null {
  const c = deps.siteClock.check();
  if (!c.problem) return null;
  if (confirmed !== true) throw new HubError('CLOCK_SKEW_CONFIRM', clockConfirmMessage(c), { skewSeconds: c.skewSeconds, basis: c.basis });
  return { skewSeconds: c.skewSeconds, basis: c.basis };
}
