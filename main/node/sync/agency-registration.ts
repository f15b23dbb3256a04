import { HubError } from '../../../contract/errors';
import { CentralClient, type CentralConfig, type Failure } from './central-client';

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
