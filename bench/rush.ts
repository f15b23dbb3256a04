import { performance } from 'node:perf_hooks';
import type { HubClient } from '../contract/client';
import { EventClient } from '../test/support/events';
import { ALL_DAY, hubAccounts } from '../test/support/hub';
import { startHubProcess, type HubProcessOptions } from '../test/support/hub-process';
import { ms, summarize } from './stats';

/** Real time ÷ COMPRESSION is the benchmark's time: 10 minutes of a morning take 60 s. */
export const COMPRESSION = 10;
const CITIZENS = 200;
const RUSH_MS = 10 * 60_000;
const COUNTERS = 6;
const KIOSKS = 3;
/** Mean service time at a counter (exponential), real time. */
const SERVICE_MS = 90_000;
/** A counter with nobody waiting looks again this much later, real time. */
const IDLE_LOOK_MS = 10_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const sleep = (realMs: number) => new Promise((resolve) => setTimeout(resolve, realMs / COMPRESSION));

/**
 * A morning rush at a commune: CITIZENS take numbers at KIOSKS kiosks over 10 minutes (arrival
 * times uniform at random, 1 in 10 with a priority), while COUNTERS officers call, start and
 * finish (service times exponential, mean 90 s) and two TV displays follow the calls. Time runs
 * COMPRESSION times faster than real: the hub sees the same requests, ten times closer together.
 */
export async function morningRush(dir: string, options: HubProcessOptions) {
  const proc = await startHubProcess(dir, options);
  try {
    const accounts = hubAccounts(proc.url, { username: 'admin', password: proc.oneTimePassword! });
    const admin = await accounts.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    let cat = await accounts.catalog();
    const skills = cat.services.map((s) => ({ serviceId: s.id, weight: 1 }));
    for (let n = cat.counters.length + 1; n <= COUNTERS; n++) await admin['admin.saveCounter']({ number: n, label: `Quầy số ${n}`, kind: 'quay', mode: 'all', skills, active: true });
    cat = await accounts.catalog();
    const officers: HubClient[] = [];
    for (const [i, counter] of cat.counters.slice(0, COUNTERS).entries()) {
      const officer = await accounts.staff(`canbo${i + 1}`);
      await officer['counter.open']({ counterId: counter.id });
      officers.push(officer);
    }
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => accounts.device('kiosk')));
    const display = await accounts.device('display');
    const displays = [new EventClient(proc.url, display.token), new EventClient(proc.url, display.token)];

    const random = rng(20261202);
    const arrivals = Array.from({ length: CITIZENS }, () => random() * RUSH_MS).sort((a, b) => a - b);
    const issue: number[] = [];
    const counterOps: number[] = [];
    const timed = async <T>(into: number[], call: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const r = await call();
      into.push(performance.now() - t0);
      return r;
    };
    const started = performance.now();
    const elapsedReal = () => (performance.now() - started) * COMPRESSION;
    const citizens = arrivals.map(async (at, i) => {
      await sleep(at);
      const serviceId = cat.services[Math.floor(random() * cat.services.length)]!.id;
      const priorityClassId = random() < 0.1 ? cat.priorityClasses[0]!.id : null;
      await timed(issue, () => kiosks[i % KIOSKS]!.client['tickets.issue']({ serviceId, priorityClassId }));
    });
    let served = 0;
    const counters = officers.map(async (officer) => {
      while (elapsedReal() < RUSH_MS) {
        const { ticket } = await timed(counterOps, () => officer['counter.callNext']({}));
        if (!ticket) {
          await sleep(IDLE_LOOK_MS);
          continue;
        }
        await timed(counterOps, () => officer['counter.start']({ ticketId: ticket.id }));
        await sleep(-Math.log(1 - random()) * SERVICE_MS);
        await timed(counterOps, () => officer['counter.finish']({ ticketId: ticket.id }));
        served++;
      }
    });
    await Promise.all([...citizens, ...counters]);
    const seconds = (performance.now() - started) / 1000;
    const calls = displays[0]!.calls().length;
    for (const d of displays) d.close();
    const i = summarize(issue);
    const c = summarize(counterOps);
    return {
      issue: i,
      counterOps: c,
      rows: [
        [`morning rush: ${CITIZENS} citizens in 10 min at ${KIOSKS} kiosks, ${COUNTERS} counters, 2 displays`, `run ${COMPRESSION}× faster than real: ${seconds.toFixed(0)} s; ${served} served, ${calls} calls shown`],
        ['rush: tickets.issue p50 / p99 / max', `${ms(i.p50)} / ${ms(i.p99)} / ${ms(i.max)} (n=${i.n}; aim p99 < 100 ms)`],
        ['rush: counter call next / start / finish p50 / p99 / max', `${ms(c.p50)} / ${ms(c.p99)} / ${ms(c.max)} (n=${c.n})`],
      ] as [string, string][],
    };
  } finally {
    await proc.kill('SIGTERM');
  }
}
