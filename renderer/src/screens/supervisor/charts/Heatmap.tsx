import { AxisLeft, AxisTop } from '@visx/axis';
import { Group } from '@visx/group';
import { HeatmapRect } from '@visx/heatmap';
import { scaleBand, scaleLinear } from '@visx/scale';
import { chartText } from './Chart';

/** Weekdays as the heat map lists them, Monday first; the hub counts 0 = Chủ nhật … 6 = Thứ bảy. */
export const weekdayRows = [
  { day: 1, label: 'Thứ Hai' },
  { day: 2, label: 'Thứ Ba' },
  { day: 3, label: 'Thứ Tư' },
  { day: 4, label: 'Thứ Năm' },
  { day: 5, label: 'Thứ Sáu' },
  { day: 6, label: 'Thứ Bảy' },
  { day: 0, label: 'Chủ nhật' },
] as const;

/** The hours the heat map shows: office hours, widened to any hour someone took a number. */
export function heatmapHours(arrivals: readonly (readonly number[])[]): number[] {
  const used = Array.from({ length: 24 }, (_, h) => h).filter((h) => arrivals.some((row) => (row[h] ?? 0) > 0));
  const first = Math.min(7, ...used);
  const last = Math.max(16, ...used);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const ROW = 30;
const LEFT = 76;
const TOP = 34;
export const heatmapHeight = TOP + ROW * weekdayRows.length + 4;

/**
 * Arrivals by weekday (rows) and hour (columns): the darker, the more numbers taken; each cell
 * carries its count, so the colour is never the only way to read it. The darkest blue still
 * keeps the dark figures at 4.5:1.
 */
export function Heatmap(props: { arrivals: readonly (readonly number[])[]; width: number }) {
  const hours = heatmapHours(props.arrivals);
  const columns = hours.map((h) => ({ hour: h, bins: weekdayRows.map((w) => props.arrivals[w.day]![h] ?? 0) }));
  const max = Math.max(1, ...columns.flatMap((c) => c.bins));
  const binWidth = (props.width - LEFT - 4) / hours.length;
  const colour = scaleLinear<string>({ domain: [0, max], range: ['#eef3f8', '#5b8fc7'] });
  const hourAxis = scaleBand({ domain: hours.map((h) => `${h}h`), range: [0, binWidth * hours.length] });
  const dayAxis = scaleBand({ domain: weekdayRows.map((w) => w.label), range: [0, ROW * weekdayRows.length] });
  return (
    <Group left={LEFT} top={TOP}>
      <AxisTop scale={hourAxis} hideTicks hideAxisLine tickLabelProps={{ ...chartText, fontSize: 12, textAnchor: 'middle' }} />
      <AxisLeft scale={dayAxis} hideTicks hideAxisLine tickLabelProps={{ ...chartText, textAnchor: 'end', verticalAnchor: 'middle', dx: -4 }} />
      <HeatmapRect
        data={columns}
        bins={(c) => c.bins}
        count={(n) => n}
        xScale={(i) => i * binWidth}
        yScale={(i) => i * ROW}
        binWidth={binWidth}
        binHeight={ROW}
        gap={2}
        colorScale={colour}
      >
        {(cells) =>
          cells.flat().map((cell) => (
            <g key={`${cell.row}-${cell.column}`}>
              <rect x={cell.x} y={cell.y} width={cell.width} height={cell.height} fill={cell.color} rx={2} />
              {cell.bin > 0 ? (
                <text {...chartText} x={cell.x + cell.width / 2} y={cell.y + cell.height / 2} textAnchor="middle" dominantBaseline="central" fontWeight={700}>
                  {cell.bin}
                </text>
              ) : null}
            </g>
          ))
        }
      </HeatmapRect>
    </Group>
  );
}
