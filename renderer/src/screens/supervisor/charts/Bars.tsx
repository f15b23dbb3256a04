import { AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { chartText } from './Chart';

export interface BarDatum {
  readonly name: string;
  readonly value: number;
  /** The figure as the screen writes it, at the end of the bar. */
  readonly text: string;
  readonly color?: string;
}

/** Height for `n` bars: one 36 px row each, and a margin. */
export const barsHeight = (n: number) => Math.max(1, n) * 36 + 12;

/** Horizontal bars, one per named value, each with its figure written at its end. */
export function Bars(props: { bars: readonly BarDatum[]; width: number; labelWidth: number }) {
  const { bars, width, labelWidth } = props;
  const valueRoom = 64;
  const y = scaleBand({ domain: bars.map((b) => b.name), range: [6, barsHeight(bars.length) - 6], padding: 0.25 });
  const x = scaleLinear({ domain: [0, Math.max(...bars.map((b) => b.value), 0) || 1], range: [0, Math.max(10, width - labelWidth - valueRoom)] });
  return (
    <Group left={labelWidth}>
      <AxisLeft scale={y} hideTicks stroke="#4a5562" tickLabelProps={{ ...chartText, textAnchor: 'end', verticalAnchor: 'middle', dx: -6 }} />
      {bars.map((b) => {
        const top = y(b.name) ?? 0;
        const length = x(b.value);
        return (
          <g key={b.name}>
            <Bar x={0} y={top} width={Math.max(length, b.value > 0 ? 2 : 0)} height={y.bandwidth()} fill={b.color ?? '#0b4f8a'} rx={3} />
            <text {...chartText} x={length + 6} y={top + y.bandwidth() / 2} dominantBaseline="central" fontWeight={700}>
              {b.text}
            </text>
          </g>
        );
      })}
    </Group>
  );
}
