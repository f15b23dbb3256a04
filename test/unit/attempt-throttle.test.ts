import { describe, expect, it } from 'vitest';
import { machineOf } from '../../contract/machine-address';
import { hubThrottles, type Admission } from '../../main/core/attempt-throttle';

const S = 1000;
const MIN = 60 * S;

/** 0 when admitted, the wait when refused, 'busy' while attempts beside it decide. */
const waitOf = (a: Admission) => (a.kind === 'admitted' ? 0 : a.kind === 'refused' ? a.retryAfterMs : 'busy');
/** A wrong guess: admitted and checked (failed), or not admitted. */
const wrong = (a: Admission) => {
  if (a.kind === 'admitted') a.failed();
  return waitOf(a);
};
function admittedOf(a: Admission) {
  if (a.kind !== 'admitted') throw new Error(`expected admitted, got ${a.kind}`);
  return a;
}

describe('login throttle', () => {
  it('counts a guess before it is checked: of ten sent at once, five are checked and the others refused once those fail', async () => {
    const { login } = hubThrottles();
    const at = Array.from({ length: 10 }, () => login.begin(0, 'admin', '10.0.0.5'));
    expect(at.map(waitOf)).toEqual([0, 0, 0, 0, 0, 'busy', 'busy', 'busy', 'busy', 'busy']);
    const waiting = at[5]!.kind === 'busy' ? at[5]!.settled : null;
    at.slice(0, 4).forEach((a) => admittedOf(a).failed());
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe('busy');
    admittedOf(at[4]!).failed();
    await waiting;
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe(30 * S);
  });

  it('lets the right password typed at several windows at once in, one after another', () => {
    const { login } = hubThrottles();
    let loggedIn = 0;
    const waiting = Array.from({ length: 20 }, () => login.begin(0, 'admin', '10.0.0.5'));
    while (waiting.length > 0) {
      const a = waiting.shift()!;
      if (a.kind === 'busy') waiting.push(login.begin(0, 'admin', '10.0.0.5'));
      else {
        admittedOf(a).succeeded();
        loggedIn++;
      }
    }
    expect(loggedIn).toBe(20);
  });

  it('doubles the wait after five failures up to 15 minutes; refused guesses do not push it further', () => {
    const { login } = hubThrottles();
    const guess = (now: number) => wrong(login.begin(now, 'admin', '10.0.0.5'));
    for (let i = 0; i < 5; i++) expect(guess(0)).toBe(0);
    expect(guess(0)).toBe(30 * S);
    for (let i = 0; i < 1000; i++) guess(1);
    expect(guess(10 * S)).toBe(20 * S);
    let now = 30 * S;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect(guess(now)).toBe(0);
      const wait = guess(now);
      if (wait === 'busy') throw new Error('nothing is in flight');
      waits.push(wait);
      now += wait;
    }
    expect(waits).toEqual([60 * S, 120 * S, 240 * S, 480 * S, 900 * S, 900 * S]);
  });

  it('matches the username as the login does, and forgets failures an hour old one by one', () => {
    const { login } = hubThrottles();
    for (let i = 0; i < 5; i++) wrong(login.begin(0, ' Admin', '10.0.0.5'));
    expect(wrong(login.begin(10 * MIN, 'admin ', '10.0.0.5'))).toBe(0);
    expect(waitOf(login.begin(10 * MIN, 'ADMIN', '10.0.0.5'))).toBe(60 * S);
    // At 60 minutes the five first failures are forgotten; the one at 10 minutes is not.
    const later = Array.from({ length: 5 }, () => wrong(login.begin(60 * MIN, 'admin', '10.0.0.5')));
    expect(later).toEqual([0, 0, 0, 0, 30 * S]);
  });

  it('locks out only the guesser: the right password from a machine that has not failed is admitted at once', () => {
    const { login } = hubThrottles();
    // Guessers at twenty machines, all at the admin account, a thousand guesses each.
    for (let m = 0; m < 20; m++) for (let i = 0; i < 1000; i++) wrong(login.begin(0, 'admin', `10.0.1.${m}`));
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe(0);
    // A guesser's machine is locked out of the admin account, not out of its own.
    expect(waitOf(login.begin(0, 'admin', '10.0.1.0'))).toBe(30 * S);
    expect(waitOf(login.begin(0, 'canbo', '10.0.1.0'))).toBe(0);
  });

  it('slows a machine that has failed once while many guess at the account, by seconds, never minutes', () => {
    const { login } = hubThrottles();
    expect(wrong(login.begin(0, 'admin', '10.0.0.5'))).toBe(0); // the admin's typo
    for (let m = 0; m < 20; m++) for (let i = 0; i < 1000; i++) wrong(login.begin(0, 'admin', `10.0.1.${m}`));
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe(3 * S);
    expect(waitOf(login.begin(3 * S, 'admin', '10.0.0.5'))).toBe(0);
  });

  it('wipes earlier failures on success, but not the guesses still being checked beside it', () => {
    const { login } = hubThrottles();
    wrong(login.begin(0, 'admin', '10.0.0.5'));
    wrong(login.begin(0, 'admin', '10.0.0.5'));
    const inFlight = admittedOf(login.begin(0, 'admin', '10.0.0.5'));
    admittedOf(login.begin(0, 'admin', '10.0.0.5')).succeeded();
    // Only the one in flight still counts: four more are free.
    expect(Array.from({ length: 4 }, () => wrong(login.begin(0, 'admin', '10.0.0.5')))).toEqual([0, 0, 0, 0]);
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe('busy');
    inFlight.failed();
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe(30 * S);
  });

  it('counts one machine across accounts (20), and a success at one account does not wipe it', () => {
    const { login } = hubThrottles();
    for (let i = 0; i < 19; i++) expect(wrong(login.begin(0, `user${i}`, '10.0.0.5'))).toBe(0);
    // The guesser logs into their own account: that attempt is handed back, nothing more.
    admittedOf(login.begin(0, 'canbo', '10.0.0.5')).succeeded();
    expect(wrong(login.begin(0, 'user19', '10.0.0.5'))).toBe(0);
    expect(waitOf(login.begin(0, 'user20', '10.0.0.5'))).toBe(30 * S);
  });

  it('keeps a lockout while guesses with random usernames pass through', () => {
    const { login } = hubThrottles();
    for (let i = 0; i < 5; i++) wrong(login.begin(0, 'admin', '10.0.0.5'));
    for (let i = 0; i < 10_000; i++) wrong(login.begin(0, `x${i}`, `10.${i >> 8}.${i & 255}.9`));
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe(30 * S);
  });
});

describe('pairing and lookup throttles', () => {
  it('checks at most twenty pairing codes from one machine, keeps its own counters, and still admits another machine', () => {
    const { pairing, login, lookup } = hubThrottles();
    const answers = Array.from({ length: 2000 }, () => wrong(pairing.begin(0, '10.0.0.5')));
    expect(answers.filter((w) => w === 0)).toHaveLength(20);
    expect(waitOf(pairing.begin(0, '10.0.0.6'))).toBe(0);
    expect(waitOf(login.begin(0, 'admin', '10.0.0.5'))).toBe(0);
    expect(waitOf(lookup.begin(0, 'H21-261126-0001', '10.0.0.5'))).toBe(0);
  });

  it('caps pairing site-wide for machines that have failed: after 50, one per 5 s', () => {
    const { pairing } = hubThrottles();
    for (let m = 0; m < 50; m++) expect(wrong(pairing.begin(0, `10.0.1.${m}`))).toBe(0);
    expect(wrong(pairing.begin(0, '10.0.1.0'))).toBe(5 * S);
    expect(wrong(pairing.begin(5 * S, '10.0.1.0'))).toBe(0);
    expect(wrong(pairing.begin(5 * S, '10.0.1.1'))).toBe(5 * S);
    // A machine that has not failed is never held up by the others.
    expect(waitOf(pairing.begin(5 * S, '10.0.0.7'))).toBe(0);
  });

  it('checks five lookup codes per dossier from one machine; the citizen’s own dossier does not wipe guesses at another', () => {
    const { lookup } = hubThrottles();
    for (let i = 0; i < 4; i++) expect(wrong(lookup.begin(0, 'h21-261126-0001', '10.0.0.5'))).toBe(0);
    admittedOf(lookup.begin(0, 'H21-261126-0002', '10.0.0.5')).succeeded();
    expect(wrong(lookup.begin(0, ' H21-261126-0001', '10.0.0.5'))).toBe(0);
    expect(waitOf(lookup.begin(0, 'H21-261126-0001', '10.0.0.5'))).toBe(30 * S);
    expect(waitOf(lookup.begin(0, 'H21-261126-0001', '10.0.0.6'))).toBe(0);
  });
});

describe('the machine behind an address', () => {
  it('is the IPv4 address, also when mapped into IPv6, and the /64 network of an IPv6 address', () => {
    expect(machineOf('192.168.1.20')).toBe('192.168.1.20');
    expect(machineOf('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(machineOf('fe80::1c2a:3bff:fe4d:5e6f%eth0')).toBe('fe80:0:0:0::/64');
    expect(machineOf('2001:0db8:0a0b:12f0:0000:0000:0000:0001')).toBe('2001:db8:a0b:12f0::/64');
    expect(machineOf('2001:db8:a0b:12f0::99')).toBe('2001:db8:a0b:12f0::/64');
    expect(machineOf('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(machineOf('::1')).toBe('0:0:0:0::/64');
  });

  it('counts every address of one IPv6 network as one machine', () => {
    const { pairing } = hubThrottles();
    const answers = Array.from({ length: 100 }, (_, i) => wrong(pairing.begin(0, `2001:db8:a0b:12f0::${i.toString(16)}`)));
    expect(answers.filter((w) => w === 0)).toHaveLength(20);
  });
});
