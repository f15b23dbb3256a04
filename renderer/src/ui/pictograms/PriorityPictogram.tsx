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

/** An older person, stooping a little, leaning on a walking stick. */
const elderly = [<circle key="h" cx="10" cy="3.5" r="2" />, <path key="b" d="M10.5 7Q8 10 8.5 13.5M8.5 13.5 7 21.5M8.5 13.5l3 3.5v4.5M9.8 9.2l4.7 2.3" />, <path key="c" d="m14.5 11.5 1 10m-1-10q.3-1.8 2.2-1.2" />];
/** A woman in a dress, in profile, the belly rounded (hair tied back so she reads as a woman). */
const pregnant = [
  <circle key="h" cx="11" cy="3.5" r="2" />,
  <path key="t" d="M8.8 3.2 7.6 5.6" />,
  <path key="d" d="M10 7.5c-1 2-1.4 4.5-2 8.5h6.5c-.3-1-.4-1.6-.5-2 2.2-1.5 2-4.8-1.5-6.5z" fill="currentColor" />,
  <path key="l" d="M10 16v5.5M12.5 16v5.5" />,
];

const lucide: Record<Exclude<PriorityIcon, 'elderly' | 'pregnant'>, LucideIcon> = { disabled: Accessibility, child: Baby, merit: Medal, generic: CircleStar };

/** A priority group's sign on the kiosk's button, beside its name in words. */
export function PriorityPictogram(props: { icon: PriorityIcon; className?: string }) {
  const className = props.className ?? 'pictogram';
  if (props.icon === 'elderly') return <Stroked className={className} icon="elderly">{elderly}</Stroked>;
  if (props.icon === 'pregnant') return <Stroked className={className} icon="pregnant">{pregnant}</Stroked>;
  const Icon = lucide[props.icon];
  return <Icon aria-hidden="true" focusable="false" className={className} data-pictogram={props.icon} />;
}
