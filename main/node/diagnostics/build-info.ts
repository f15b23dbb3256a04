import type { BuildInfo } from '../../../contract/about';

/**
 * Set by `scripts/build.mjs` (esbuild `define`) when the app is built: the date and the commit.
 * Absent when the TypeScript runs from source (tests, `tsx`).
 */
declare const MOTCUA_BUILD: BuildInfo | undefined;

export function buildInfo(): BuildInfo {
  return typeof MOTCUA_BUILD === 'undefined' ? { date: null, commit: null } : MOTCUA_BUILD;
}
