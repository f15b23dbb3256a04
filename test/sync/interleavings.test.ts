import fc from 'fast-check';
import { describe, it } from 'vitest';
import { engines, type Engine } from '../central/helpers';
import type { Fault } from '../support/fault-proxy';
import { startRig, useSyncRigs, type CentralUnderTest, type Rig } from './rig';

/** One step of a day at a site with a bad link. */
type Step =
  | { kind: 'serve'; count: number }
  | { kind: 'receive' }
  | { kind: 'moveDossier'; pick: number; status: 'forwarded' | 'processing' | 'result_ready' }
  | { kind: 'fault'; fault: Fault; path: 'events' | 'feeds'; times: number }
  | { kind: 'restartHub' }
  | { kind: 'restartCentral' }
  | { kind: 'syncNow' };

const faults: fc.Arbitrary<Fault> = fc.oneof(
  fc.constant<Fault>({ kind: 'dropRequest' }),
  fc.constant<Fault>({ kind: 'dropResponse' }),
  fc.constant<Fault>({ kind: 'duplicate' }),
  fc.constant<Fault>({ kind: 'truncate' }),
  fc.constant<Fault>({ kind: 'delay', ms: 2200 }),
  fc.constant<Fault>({ kind: 'status', status: 413 }),
  fc.constant<Fault>({ kind: 'status', status: 503, headers: { 'retry-after': '1' } }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('serve' as const), count: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 2, arbitrary: fc.constant<Step>({ kind: 'receive' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('moveDossier' as const), pick: fc.nat(), status: fc.constantFrom('forwarded' as const, 'processing' as const, 'result_ready' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: faults, path: fc.constantFrom('events' as const, 'feeds' as const), times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'restartHub' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'restartCentral' }) },
  { weight: 2, arbitrary: fc.constant<Step>({ kind: 'syncNow' }) },
);

async function run(r: Rig, central: CentralUnderTest, s: Step, dossiers: string[]): Promise<void> {
  switch (s.kind) {
    case 'serve':
      return r.serve(s.count);
    case 'receive':
      dossiers.push((await r.receive()).id);
      return;
    case 'moveDossier':
      // The central may not have it yet (404), or the site returned it (409): both are answers, not faults.
      if (dossiers.length > 0) await r.changeStatus(dossiers[s.pick % dossiers.length]!, s.status);
      return;
    case 'fault':
      r.proxy.inject(s.fault, { path: s.path === 'events' ? /\/events$/ : /\/feeds\//, times: s.times });
      return;
    case 'restartHub':
      await r.hub.stop();
      await r.hub.start();
      return;
    case 'restartCentral':
      await central.stop();
      await central.start();
      r.proxy.setUpstream(central.url);
      return;
    case 'syncNow':
      await r.syncNow();
      return;
  }
}

/**
 * Random interleavings of writes at the counter, back-office status changes, faults on the link and
 * restarts of either side: whatever happened, once the link is good the two sides agree
 * (`verifyConverged`). On PostgreSQL the central restarts are kills of its process.
 */
describe.each(engines)('random interleavings of writes, faults and restarts (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);

  it('always converges', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
        const r = await startRig(engine, { central: t.central });
        try {
          const dossiers: string[] = [];
          for (const s of steps) await run(r, t.central, s, dossiers);
          await r.syncNow(); // faults still waiting get their turn before the link turns good
          await r.settle(60_000);
          await r.verify();
        } finally {
          await r.close();
        }
      }),
      // Each run is a real hub, proxy and central: a handful of runs, no shrinking marathon.
      { numRuns: engine === 'postgres' ? 8 : 12, endOnFailure: true },
    );
  });
});
