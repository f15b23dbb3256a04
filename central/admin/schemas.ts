import { z } from 'zod';
import { CalendarYear } from '../../contract/calendar';
import { CatalogItem, DossierStatusItem, StaffItem } from '../../contract/sync';
import { ROLES } from './audit';

/** Site ids travel in URL paths: letters, digits, dot, dash, underscore. */
export const SiteId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'Mã điểm một cửa chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (tối đa 80 ký tự).');
const ExpiresInDays = z.int().min(1).max(3650).default(365);

export const CreateSite = z.object({ siteId: SiteId, name: z.string().trim().min(1).max(200), expiresInDays: ExpiresInDays });
export const NewCredential = z.object({ expiresInDays: ExpiresInDays });
export const PublishProcedure = z.object({ procedure: CatalogItem });
export const PublishCalendar = z.object({ calendar: CalendarYear });
export const PublishStaff = z.object({ staff: StaffItem });
export const ChangeStatus = z.object({ status: DossierStatusItem.shape.status, note: z.string().max(500).default('') });
/** Site-scoped feeds are compacted one site at a time (their versions are the site's own). */
export const Compact = z.object({ keepFrom: z.int().min(0), siteId: SiteId.optional() });

/** A back-office username: what a person types, lower-case letters, digits, dot, dash, underscore. */
export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,32}$/, 'Tên đăng nhập gồm 3–32 chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
const Password = z.string().min(10, 'Mật khẩu cần ít nhất 10 ký tự.').max(200);
const Role = z.enum(ROLES);
const FullName = z.string().trim().min(1).max(100);

export const Login = z.object({ username: Username, password: z.string().min(1).max(200) });
export const NewAccount = z.object({ username: Username, fullName: FullName, role: Role });
export const AccountUpdate = z.object({ fullName: FullName.optional(), role: Role.optional(), active: z.boolean().optional(), resetPassword: z.boolean().optional() });
export const PasswordChange = z.object({ current: z.string().min(1).max(200), next: Password });
