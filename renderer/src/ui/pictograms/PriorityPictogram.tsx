import { Accessibility, Baby, CircleStar, Medal, type LucideIcon } from 'lucide-react';
import type { ReactElement } from 'react';
import type { PriorityIcon } from '../../../../contract/pictograms';

/** Drawn like lucide's (24 units, round 2-unit strokes) for the two signs it has none of. */
function Stroked(props: { children: ReactElement[]; className: string; icon: PriorityIcon }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={props.className} data-pictogram={props.icon}>
      {props.children}
    </svg>
  );
}

/** An older person, stooping a little, with a walking stick. */
const elderly = [<circle key="h" cx="9" cy="4" r="2" />, <path key="b" d="M10 7 8 14l-2 7M8 14l3 3v4M9.5 9l4.5 3" />, <path key="c" d="M14 12v9M14 12a1.5 1.5 0 0 1 3 0" />];
/** A woman in profile with a rounded belly. */
const pregnant = [<circle key="h" cx="10" cy="4" r="2" />, <path key="b" d="M10 7v14M10 8c5 1 6.5 6 1.5 8M12 16l1 5" />];

const lucide: Record<Exclude<PriorityIcon, 'elderly' | 'pregnant'>, LucideIcon> = { disabled: Accessibility, child: Baby, merit: Medal, generic: CircleStar };

/** A priority group's sign on the kiosk's button, beside its name in words. */
export function PriorityPictogram(props: { icon: PriorityIcon; className?: string }) {
  const className = props.className ?? 'pictogram';
  if (props.icon === 'elderly') return <Stroked className={className} icon="elderly">{elderly}</Stroked>;
  if (props.icon === 'pregnant') return <Stroked className={className} icon="pregnant">{pregnant}</Stroked>;
  const Icon = lucide[props.icon];
  return <Icon aria-hidden="true" focusable="false" className={className} data-pictogram={props.icon} />;
}
