import { Car, Cross, FileText, GraduationCap, HandHeart, House, Map, Scale, Stamp, Store, Users, type LucideIcon } from 'lucide-react';
import type { ServiceIcon } from '../../../../contract/pictograms';

/** The bundled sign of each service pictogram key (lucide, SVG: no font can miss it). */
const icons: Record<ServiceIcon, LucideIcon> = {
  generic: FileText,
  civil_status: Users,
  certification: Stamp,
  land: Map,
  business: Store,
  social: HandHeart,
  justice: Scale,
  construction: House,
  transport: Car,
  health: Cross,
  education: GraduationCap,
};

/** Decorative beside the service's name, which says the same in words. */
export function ServicePictogram(props: { icon: ServiceIcon; className?: string }) {
  const Icon = icons[props.icon];
  return <Icon aria-hidden="true" focusable="false" className={props.className ?? 'pictogram'} data-pictogram={props.icon} />;
}
