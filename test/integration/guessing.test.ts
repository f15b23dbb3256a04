import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpName } from '../../contract/ops';
import { FakeClock } from '../support/clock';
import { ADMIN_PASSWORD, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { intake } from './dossier/intake-input';

interface Answer {
  readonly status: number;
  /** 'ok' or the error code. */
  readonly code: string;
  readonly retryAfterSeconds: number | undefined;
}

/**
 * Calls over the real HTTP API from a chosen loopback address: Linux routes all of 127.0.0.0/8 to
 * lo, so each address is a different machine on the LAN as far as the hub can tell. A burst is as
 * parallel as a LAN allows: every connection is open before the first request is written, then all
 * requests go out in one go, so the hub reads many of them in one turn of its event loop.
 */
async function burstFrom(url: string, from: string, name: OpName, inputs: readonly unknown[], token?: string): Promise<Answer[]> {
  const { hostname, port } = new URL(url);
  // Connected a few hundred at a time, all before any request is sent: 2000 handshakes at once
  // overflow the hub's listen backlog (511) while its loop is busy, and the kernel then resets some
  // (seen once in a full run on a loaded machine). The requests still all arrive together.
  const sockets: Socket[] = [];
  for (let i = 0; i < inputs.length; i += 250) {
    sockets.push(
      ...(await Promise.all(
        inputs.slice(i, i + 250).map(() => new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: hostname, port: Number(port), localAddress: from }, () => resolve(s));
          s.on('error', reject);
        })),
      )),
    );
  }
  return Promise.all(
    inputs.map((input, i) => new Promise<Answer>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(input));
      const req = request(
        `${url}/api/${name}`,
        { method: 'POST', createConnection: () => sockets[i]!, headers: { 'content-type': 'application/json', 'content-length': body.length, connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code: string; details?: { retryAfterSeconds?: number } } };
            resolve({ status: res.statusCode ?? 0, code: json.error?.code ?? 'ok', retryAfterSeconds: json.error?.details?.retryAfterSeconds });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    })),
  );
}

const callFrom = async (url: string, from: string, name: OpName, input: unknown): Promise<Answer> => (await burstFrom(url, from, name, [input]))[0]!;

const tally = (answers: readonly Answer[]) => answers.reduce<Record<string, number>>((t, a) => ({ ...t, [a.code]: (t[a.code] ?? 0) + 1 }), {});

describe('guessing passwords, pairing codes and lookup codes over the real HTTP API', () => {
  // The clock stands still: a lockout never runs out during a test, and no assertion depends on speed.
  const clock = new FakeClock('2026-11-26T09:00:00+07:00');
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
  });
  afterAll(async () => hub?.close());

  it('checks at most five of 100 parallel guesses at one account from one machine, even when one of them is right', async () => {
    await hub.staff('thuky');
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 77 ? STAFF_PASSWORD : `doan-sai-${i}`));
    const answers = await burstFrom(hub.url, '127.0.0.2', 'auth.login', guesses.map((password) => ({ username: 'thuky', password })));
    const t = tally(answers);
    // The hub reads the requests in the order they were written: the right one, 78th, is not
    // among the five checked; the other guesses are refused unchecked.
    const checked = t.LOGIN_FAILED ?? 0;
    expect(checked, JSON.stringify(t)).toBeLessThanOrEqual(5);
    expect(t).toEqual({ LOGIN_FAILED: checked, LOGIN_THROTTLED: 100 - checked });
    expect(answers.filter((a) => a.code === 'LOGIN_THROTTLED').every((a) => a.status === 429 && a.retryAfterSeconds! > 0)).toBe(true);
  });

  it('throttles guessing the current password when changing it, as at the login', async () => {
    await hub.staff('quay3');
    const { token } = await hub.client()['auth.login']({ username: 'quay3', password: STAFF_PASSWORD });
    const answers = await burstFrom(hub.url, '127.0.0.10', 'auth.changePassword', Array.from({ length: 50 }, (_, i) => ({ currentPassword: `doan-sai-${i}`, newPassword: 'mat-khau-moi-1' })), token);
    const t = tally(answers);
    const checked = t.LOGIN_FAILED ?? 0;
    expect(checked, JSON.stringify(t)).toBeLessThanOrEqual(5);
    expect(t).toEqual({ LOGIN_FAILED: checked, LOGIN_THROTTLED: 50 - checked });
  });

  it('does not let a guesser on one machine lock the admin out of another', async () => {
    const guesser = '127.0.0.3';
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push(await callFrom(hub.url, guesser, 'auth.login', { username: i % 2 ? 'Admin ' : 'admin', password: `doan-sai-${i}` }));
    expect(guesses.map((a) => a.code)).toEqual([...Array(5).fill('LOGIN_FAILED'), 'LOGIN_THROTTLED']);
    // The real admin, at another machine, with the right password: in at once.
    expect(await callFrom(hub.url, '127.0.0.4', 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ status: 200, code: 'ok' });
    // At the guesser's machine, even the right password is not checked now.
    expect(await callFrom(hub.url, guesser, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED', retryAfterSeconds: 30 });
  });

  it('does not let a parallel burst push the lockout further, nor lock the admin out elsewhere', async () => {
    const guesser = '127.0.0.11';
    const burst = await burstFrom(hub.url, guesser, 'auth.login', Array.from({ length: 50 }, (_, i) => ({ username: 'admin', password: `doan-sai-${i}` })));
    const t = tally(burst);
    expect(t.LOGIN_FAILED, JSON.stringify(t)).toBeLessThanOrEqual(5);
    // At most the first step of the lockout (30 s; 3 s if the account-wide slow-down answered
    // first), not the 15 minutes 50 counted failures would give.
    const waits = [...burst, await callFrom(hub.url, guesser, 'auth.login', { username: 'admin', password: 'doan-tiep' })].map((a) => a.retryAfterSeconds ?? 0);
    expect(Math.max(...waits)).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30);
    expect(await callFrom(hub.url, '127.0.0.12', 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ status: 200, code: 'ok' });
  });

  it('checks at most twenty of 2000 parallel pairing codes from one machine; a real code from another machine still pairs', async () => {
    const answers = await burstFrom(hub.url, '127.0.0.5', 'devices.pair', Array.from({ length: 2000 }, (_, i) => ({ code: String(100_000 + i) })));
    const t = tally(answers);
    const checked = t.PAIRING_CODE_INVALID ?? 0;
    expect(checked, JSON.stringify(t)).toBeLessThanOrEqual(20);
    expect(t).toEqual({ PAIRING_CODE_INVALID: checked, TOO_MANY_ATTEMPTS: 2000 - checked });
    expect(answers.find((a) => a.code === 'TOO_MANY_ATTEMPTS')).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    const { code } = await (await hub.admin())['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk sảnh', counterId: null });
    expect(await callFrom(hub.url, '127.0.0.6', 'devices.pair', { code })).toMatchObject({ status: 200, code: 'ok' });
  });

  it('checks at most five of 300 parallel lookup codes for one dossier from one machine; the citizen elsewhere still looks it up', async () => {
    const officer = await hub.staff('tiepnhan');
    await officer['counter.open']({ counterId: (await hub.catalog()).counters[0]!.id });
    const d = await officer['dossiers.receive'](intake());
    const wrong = (i: number) => '23456789BCGHKLMNPQTV'[i % 20]!.repeat(6);
    const answers = await burstFrom(hub.url, '127.0.0.7', 'dossiers.lookup', Array.from({ length: 300 }, (_, i) => ({ code: d.code, lookupCode: wrong(i) === d.lookupCode ? 'QQQQQQ2' : wrong(i) })));
    const t = tally(answers);
    const checked = t.NOT_FOUND ?? 0;
    expect(checked, JSON.stringify(t)).toBeLessThanOrEqual(5);
    expect(t).toEqual({ NOT_FOUND: checked, TOO_MANY_ATTEMPTS: 300 - checked });
    expect(await callFrom(hub.url, '127.0.0.8', 'dossiers.lookup', { code: d.code, lookupCode: d.lookupCode })).toMatchObject({ status: 200, code: 'ok' });
  });

  it('never stores a password typed into the username box; a wrong password for a real account names the account', async () => {
    await hub.staff('ketoan');
    const typedAsUsername = 'Troi-Xanh-May-Trang-2026';
    expect((await callFrom(hub.url, '127.0.0.9', 'auth.login', { username: typedAsUsername, password: 'khong-quan-trong' })).code).toBe('LOGIN_FAILED');
    expect((await callFrom(hub.url, '127.0.0.9', 'auth.login', { username: 'KeToan', password: 'sai-mat-khau-1' })).code).toBe('LOGIN_FAILED');
    // Nowhere in the data folder: not in the database file, its WAL, nor the logs.
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const leaking = files(hub.dataDir).filter((f) => [typedAsUsername, typedAsUsername.toLowerCase()].some((text) => readFileSync(f).includes(text)));
    expect(leaking).toEqual([]);
    const { db, people } = hub.running.hub.deps;
    const failed = db.prepare("SELECT target_type, target_id, details FROM audit_log WHERE action = 'auth.loginFailed' AND details LIKE '%127.0.0.9%' ORDER BY id").all() as { target_type: string | null; target_id: string | null; details: string }[];
    expect(failed.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }))).toEqual([
      { target_type: null, target_id: null, details: { unknownAccount: true, client: '127.0.0.9' } },
      { target_type: 'staff', target_id: people.staffByUsername('ketoan')!.id, details: { username: 'ketoan', client: '127.0.0.9' } },
    ]);
  });
});
