import { kioskProcedureView } from '../../core/kiosk-procedure';
import { vnDate } from '../../core/vn-time';
import type { Handlers, HubDeps } from './context';
import { procedureInForce } from './procedure-handlers';

/** How many procedures one kiosk page lists: a commune's whole catalogue fits, a province's search narrows. */
const KIOSK_LIST_LIMIT = 100;

/** The kiosk's self-service look-up of the public catalogue (issue 13): read-only, procedures in force today. */
export function kioskProcedureHandlers(deps: HubDeps) {
  return {
    'kiosk.procedures': ({ q, field }, ctx) => {
      const today = vnDate(ctx.now);
      // Words win over the field: a citizen who types is looking for that, wherever it is filed.
      const found = q.trim() !== '' || field === null ? deps.dossiers.searchProcedures(q, today, KIOSK_LIST_LIMIT) : deps.dossiers.proceduresInField(field, today, KIOSK_LIST_LIMIT);
      return { fields: deps.dossiers.procedureFields(today), procedures: found.map((p) => ({ code: p.code, name: p.name, field: p.field })) };
    },
    'kiosk.procedure': ({ code }, ctx) => {
      const site = deps.site.site();
      return kioskProcedureView(procedureInForce(deps, code, vnDate(ctx.now)), { name: site.name, sampleData: site.sampleData });
    },
  } satisfies Partial<Handlers>;
}
