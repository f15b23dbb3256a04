import { HubError } from '../../../contract/errors';
import type { DossierRow } from '../db/dossier-store';
import { throttled } from './attempts';
import type { HandlerContext, HubDeps } from './context';

/** The dossier the receipt's two codes name; one message for a wrong code and a wrong lookup code (nothing to learn from it). */
export function dossierByReceipt(deps: HubDeps, code: string, lookupCode: string): DossierRow {
  const d = deps.dossiers.byLookup(code, lookupCode);
  if (!d) throw new HubError('NOT_FOUND', 'Mã hồ sơ hoặc mã tra cứu không đúng.');
  return d;
}

/**
 * The same, for callers that are not staff (the public lookup, the rating tablet): each try
 * counts against guessing lookup codes (main/core/attempt-throttle.ts) before it is checked.
 */
export const guardedDossierByReceipt = (deps: HubDeps, ctx: HandlerContext, code: string, lookupCode: string): Promise<DossierRow> =>
  throttled(() => deps.throttle.lookup.begin(ctx.now, code, ctx.clientAddress), 'TOO_MANY_ATTEMPTS', async (attempt) => {
    const d = dossierByReceipt(deps, code, lookupCode);
    attempt.succeeded();
    return d;
  });
