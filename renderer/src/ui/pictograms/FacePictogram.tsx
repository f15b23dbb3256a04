import type { Face } from '../../../../contract/pictograms';

/**
 * The rating scale's faces, drawn here (no emoji: the tablet's font may have none). The mouth
 * and brows carry the meaning; the colour only adds to it, for those who cannot tell colours apart.
 */
const faces: Record<Face, { fill: string; mouth: string; open?: boolean; brows?: string }> = {
  very_happy: { fill: '#2e9e4f', mouth: 'M14 28 Q24 41 34 28 Z', open: true },
  happy: { fill: '#7cb342', mouth: 'M15 29 Q24 37 33 29' },
  neutral: { fill: '#f2b705', mouth: 'M16 32 H32' },
  unhappy: { fill: '#ef8a2c', mouth: 'M15 35 Q24 28 33 35' },
  very_unhappy: { fill: '#d64541', mouth: 'M14 37 Q24 26 34 37', brows: 'M12 15 L20 18 M36 15 L28 18' },
};

export function FacePictogram(props: { face: Face; className?: string }) {
  const f = faces[props.face];
  return (
    <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false" className={props.className ?? 'face'} data-pictogram={props.face}>
      <circle cx="24" cy="24" r="22" fill={f.fill} stroke="#1f2937" strokeWidth="1.5" />
      <circle cx="17" cy="20" r="2.6" fill="#1f2937" />
      <circle cx="31" cy="20" r="2.6" fill="#1f2937" />
      {f.brows ? <path d={f.brows} stroke="#1f2937" strokeWidth="2.4" strokeLinecap="round" fill="none" /> : null}
      <path d={f.mouth} stroke="#1f2937" strokeWidth="2.8" strokeLinecap="round" strokeLinejoin="round" fill={f.open ? '#1f2937' : 'none'} />
    </svg>
  );
}
