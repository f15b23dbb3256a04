import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * One chart with its words: a title, the drawing (SVG named by `summary` for screen readers; the
 * chart is drawn at the width it is given, so text stays at its size) and the same figures as a
 * table under "Xem số liệu" — the text alternative, and what a person can copy.
 */
export function Chart(props: { title: string; summary: string; height: number; table: ReactNode; children: (width: number) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = box.current!;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={box} className="chart-canvas" style={{ height: props.height }}>
        {width > 0 ? (
          <svg width={width} height={props.height} role="img" aria-label={props.summary}>
            {props.children(width)}
          </svg>
        ) : null}
      </div>
      <details className="chart-table">
        <summary>Xem số liệu</summary>
        {props.table}
      </details>
    </figure>
  );
}

/** Chart text: the screen's font and ink, at a size readable on a counter's 1366×768 screen. */
export const chartText = { fill: '#17202a', fontSize: 13, fontFamily: 'Be Vietnam Pro, system-ui, sans-serif' } as const;
