import { HubError } from '../../../contract/errors';
import type { HubDeps } from '../hub/context';
import { CentralClient, type CentralConfig, type Failure } from './central-client';

/** The agency code the central holds for this site: set each time a registration succeeds. */
export const REGISTERED_AGENCY_CODE_KEY = 'syncAgencyCodeRegistered';

/** Why the central could not be asked, in words for the admin at the Đồng bộ form. */
export function centralFailureText(f: Failure): string {
  if (f.kind === 'tooLarge') return 'Máy chủ tỉnh từ chối yêu cầu.';
  if (f.code === 'UNREACHABLE' || f.code === 'TIMEOUT') return 'Không có trả lời từ địa chỉ này: kiểm tra địa chỉ máy chủ tỉnh và đường truyền Internet.';
  return f.message;
}

/**
 * The site's agency code registered with the central: at enrolment, and before an admin's change
 * of the code is saved — so no two sites issue dossier codes under one agency code. Nothing is
 * saved when this throws: a code the central refused, or could not be asked about, is not used.
 */
export async function registerAgencyCode(config: CentralConfig, appVersion: string, agencyCode: string): Promise<void> {
  const r = await new CentralClient(config, appVersion, 15_000).registerAgencyCode(agencyCode);
  if (r.kind === 'ok') return;
  if (r.kind === 'fatal' && (r.code === 'AGENCY_CODE_TAKEN' || r.code === 'AGENCY_CODE_INVALID')) throw new HubError(r.code, r.message);
  throw new HubError('VALIDATION_FAILED', `Chưa lưu: chưa đăng ký được mã định danh cơ quan ${agencyCode} với máy chủ tỉnh. ${centralFailureText(r)}`, {
    code: r.kind === 'tooLarge' ? 'TOO_LARGE' : r.code,
  });
}

/**
 * A sync step for a site whose code the central may not hold: one enrolled before the central
 * kept agency codes (it never registered one), so that the central's uniqueness check covers
 * every site after the upgrade. Nothing happens once the code is registered. A refusal (another
 * site holds the code) is returned for staff to see; it does not hold back the site's events.
 */
export async function registerAgencyCodeOnce(deps: HubDeps, client: CentralClient): Promise<Failure | null> {
  const code = deps.site.site().agencyCode;
  if (deps.site.get<string>(REGISTERED_AGENCY_CODE_KEY) === code) return null;
  const r = await client.registerAgencyCode(code);
  if (r.kind === 'tooLarge') return { kind: 'fatal', code: 'TOO_LARGE', message: centralFailureText(r) };
  if (r.kind !== 'ok') {
    return r.kind === 'fatal' && r.code === 'AGENCY_CODE_TAKEN'
      ? { ...r, message: `${r.message} Hai đơn vị dùng chung một mã sẽ cấp trùng mã hồ sơ: hãy sửa mã định danh ở Quản trị → Đơn vị.` }
      : r;
  }
  await deps.writer.run(() => deps.site.set(REGISTERED_AGENCY_CODE_KEY, code));
  return null;
}
