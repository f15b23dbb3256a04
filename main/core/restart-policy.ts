/**
 * When a hub that died is started again. A site runs unattended: the supervisor never gives up,
 * but a hub that dies at once on every start (a broken disk, a bad update) must not spin the CPU
 * and flood the logs — each quick death doubles the wait, up to a ceiling; a run that lasted a
 * while was a healthy hub that met one bad moment, so the next start is immediate.
 */
export interface RestartPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** A run at least this long counts as healthy and resets the doubling. */
  readonly healthyAfterMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 60_000, healthyAfterMs: 5 * 60_000 };

export interface RestartState {
  /** Deaths in a row, each after a run shorter than `healthyAfterMs`. */
  readonly quickDeaths: number;
}

export function afterDeath(state: RestartState, ranForMs: number, policy: RestartPolicy = defaultRestartPolicy): { state: RestartState; delayMs: number } {
  if (ranForMs >= policy.healthyAfterMs) return { state: { quickDeaths: 0 }, delayMs: 0 };
  const quickDeaths = state.quickDeaths + 1;
  return { state: { quickDeaths }, delayMs: Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (quickDeaths - 1)) };
}
