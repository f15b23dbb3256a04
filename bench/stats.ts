import { performance } from 'node:perf_hooks';

/** Percentile of a sample (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: number[]): { n: number; p50: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;

export function table(title: string, rows: [string, string][]): void {
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
}

/**
 * Latency of `call` made once every 50 ms (not faster, whatever it takes) until `until()` holds and
 * at least `atLeast` calls were made: a crowd at every kiosk, not a flood.
 */
export async function every50ms(call: () => Promise<unknown>, until: () => boolean, atLeast: number) {
  const samples: number[] = [];
  while (samples.length < atLeast || !until()) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, Math.max(0, 50 - (performance.now() - t))));
  }
  return summarize(samples);
}
