/**
 * The call order figures of docs/APPOINTMENTS.md ("Calling"): one counter's morning in the model of
 * main/core/calling-order.ts — walk-ins arriving at a steady pace from 07:30, 3 bookings per
 * 30-minute slot from 08:00 checked in 10 minutes early — on a usual morning (the counter busy
 * about 90% of the time) and a rush (more come than it can serve), under each `maxInARow`, beside
 * the same morning with bookings called as walk-ins. Run: `npx tsx scripts/appointment-call-order.ts`.
 */
import { chooseNext, type Candidate } from '../main/core/calling-order';

const MIN = 60_000;
const T0 = Date.parse('2026-12-10T07:30:00+07:00');
const at = (minute: number) => T0 + minute * MIN;
const hhmm = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);

interface Arrival extends Candidate {
  readonly booked: boolean;
}

function morning(walkInEvery: number): Arrival[] {
  const list: Arrival[] = [];
  let n = 0;
  const add = (minute: number, slot: number | null) => {
    n++;
    list.push({
      id: `t${String(n).padStart(3, '0')}`, number: n, displayCode: `A${String(n).padStart(3, '0')}`, serviceId: 'ho-tich', priorityWeight: null, priorityLabel: null,
      queueEnteredAt: at(minute), reservedCounterId: null, appointmentAt: slot === null ? null : at(slot), booked: slot !== null,
    });
  };
  for (let m = 0; m <= 180; m += walkInEvery) add(m, null);
  for (let slot = 30; slot <= 150; slot += 30) for (let k = 0; k < 3; k++) add(slot - 10 + k, slot);
  return list.sort((a, b) => a.queueEnteredAt - b.queueEnteredAt);
}

/** Calls until everyone is served; minutes each waited (walk-ins) or from slot to call (bookings). */
function run(maxInARow: number | null, walkInEvery: number, serviceMinutes: number): { walkIn: number[]; booking: number[]; longestRun: number } {
  const pending = morning(walkInEvery);
  const waiting: Arrival[] = [];
  let now = T0;
  let streak = 0;
  let longestRun = 0;
  const walkIn: number[] = [];
  const booking: number[] = [];
  while (pending.length > 0 || waiting.length > 0) {
    while (pending.length > 0 && pending[0]!.queueEnteredAt <= now) waiting.push(pending.shift()!);
    if (waiting.length === 0) {
      now = pending[0]!.queueEnteredAt;
      continue;
    }
    const candidates = maxInARow === null ? waiting.map((w) => ({ ...w, appointmentAt: null })) : waiting;
    const choice = chooseNext(candidates, {
      now, counterId: 'c1', counterMode: 'all', skills: new Map([['ho-tich', 1]]), rules: { interleaveAfterPriority: 3, maxWaitMinutes: null, useSkillWeights: false },
      serviceMaxWait: new Map(), serviceNames: new Map([['ho-tich', 'Hộ tịch']]), priorityStreak: 0, appointmentStreak: streak, maxInARow: maxInARow ?? 1,
    })!;
    const t = waiting.splice(waiting.findIndex((w) => w.id === choice.ticketId), 1)[0]!;
    streak = t.booked ? streak + 1 : 0;
    longestRun = Math.max(longestRun, streak);
    if (t.booked) booking.push((now - t.appointmentAt!) / MIN);
    else walkIn.push((now - t.queueEnteredAt) / MIN);
    now += serviceMinutes * MIN;
  }
  return { walkIn, booking, longestRun };
}

const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
const max = (xs: number[]) => Math.max(...xs).toFixed(0);
const scenarios = [
  { name: 'usual morning: a walk-in every 8 min, 4 min per citizen', walkInEvery: 8, serviceMinutes: 4 },
  { name: 'rush: a walk-in every 4 min, 5 min per citizen', walkInEvery: 4, serviceMinutes: 5 },
];
for (const sc of scenarios) {
  console.log(`\n${sc.name} (3 bookings per 30-min slot from 08:00, checked in 10 min early; one counter from ${hhmm(T0)})`);
  console.log('rule                        | walk-ins: mean / max wait | bookings: mean / max minutes from slot to call | longest run of bookings');
  for (const k of [null, 1, 2, 3]) {
    const r = run(k, sc.walkInEvery, sc.serviceMinutes);
    const name = k === null ? 'bookings called as walk-ins' : `maxInARow = ${k}`;
    console.log(`${name.padEnd(27)} | ${mean(r.walkIn).padStart(6)} / ${max(r.walkIn).padStart(4)}             | ${mean(r.booking).padStart(6)} / ${max(r.booking).padStart(4)}                                | ${r.longestRun}`);
  }
}
