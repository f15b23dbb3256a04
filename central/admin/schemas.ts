import { z } from 'zod';
import { CalendarYear } from '../../contract/calendar';
import { CatalogItem, DossierStatusItem, StaffItem } from '../../contract/sync';

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
