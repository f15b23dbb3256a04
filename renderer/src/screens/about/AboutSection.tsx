import type { StaffAccount } from '../../../../contract/people';
import { AboutPanel } from './AboutPanel';

/** Section "Giới thiệu" of the admin screen (admins only reach it): with the diagnostics bundle. */
export function AboutSection(props: { staff: StaffAccount }) {
  return <AboutPanel canExport={props.staff.role === 'admin'} />;
}
