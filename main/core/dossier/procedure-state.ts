import type { ProcedureVersion, ProcedureVersionState } from '../../../contract/dossier';

/**
 * Where one version of a procedure stands on a date: switched off by the admin, not yet in force
 * (its "áp dụng từ" is later), the version intake uses now, or replaced by a newer one. The
 * version in force is the highest active version valid from that date or earlier.
 */
export function procedureVersionState(p: Pick<ProcedureVersion, 'version' | 'active' | 'validFrom'>, inForceVersion: number | null, today: string): ProcedureVersionState {
  if (!p.active) return 'inactive';
  if (p.validFrom > today) return 'future';
  return p.version === inForceVersion ? 'in_force' : 'superseded';
}
