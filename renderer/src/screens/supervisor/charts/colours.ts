/** Chart colours: every one keeps 3:1 against white (WCAG's contrast for graphics). */

/** QĐ 766's three outcomes, in the colours people read them by. */
export const timelinessColours = { early: '#1b6b34', onTime: '#0b4f8a', late: '#b3261e' } as const;

/** Rating levels from the best to the worst: green to red, as many steps as the scale has. */
export function levelColours(count: number): string[] {
  const palette = ['#1b6b34', '#4f7d1f', '#8a6d00', '#b35900', '#b3261e'];
  if (count <= 1) return palette.slice(0, 1);
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))]!);
}
