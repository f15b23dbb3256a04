/**
 * Crash points for the sync fault tests (docs/SYNC.md): set only by tests through the environment,
 * they kill the process at the worst moments — after the central acknowledged a batch but before the
 * hub recorded it, and in the middle of applying a pulled page.
 */
const crashPoints = new Set((process.env.MOTCUA_SYNC_FAULTS ?? '').split(',').filter(Boolean));
export function crashAt(point: 'after-ack' | 'mid-pull'): void {
  if (crashPoints.has(point)) process.kill(process.pid, 'SIGKILL');
}
