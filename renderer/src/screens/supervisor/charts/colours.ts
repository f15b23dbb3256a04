/** Chart colours: every one keeps 3:1 against white (WCAG's contrast for graphics). */

/** QĐ 766's three outcomes, in the colours people read them by. */
export const timelinessColours = { early: '#1b6b34', onTime: '#0b4f8a', late: '#b3261e' } as const;

/**
 * Rating levels, best first: the levels the hub counts as satisfied in greens, the others from
 * amber to red, the worst red.
 */
export function levelColours(codes: readonly string[], satisfied: readonly string[]): string[] {
  const good = ['#1b6b34', '#3d7a22', '#55801a'];
  const bad = ['#b3261e', '#b35900', '#8a6d00']; // from the worst level up
  const badCodes = codes.filter((c) => !satisfied.includes(c));
  return codes.map((c, i) => (satisfied.includes(c) ? good[Math.min(i, good.length - 1)]! : bad[Math.min(badCodes.length - 1 - badCodes.indexOf(c), bad.length - 1)]!));
}
