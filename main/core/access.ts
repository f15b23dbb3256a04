import type { Access, Principal } from '../../contract/access';
import { roleRank } from '../../contract/access';
import { HubError } from '../../contract/errors';

/** Throws unless this principal may call an operation with this access rule. */
export function authorize(access: Access, principal: Principal): void {
  if ('public' in access) return;
  if (principal.kind === 'anonymous') throw new HubError('UNAUTHENTICATED');
  if (principal.kind === 'device') {
    if (!access.devices?.includes(principal.deviceKind)) throw new HubError('FORBIDDEN');
    return;
  }
  if (access.staff === undefined) throw new HubError('FORBIDDEN');
  if (principal.mustChangePassword && !access.duringPasswordChange) throw new HubError('PASSWORD_CHANGE_REQUIRED');
  if (roleRank(principal.role) < roleRank(access.staff)) throw new HubError('FORBIDDEN');
}
