import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../common/node/logger';
import { ADMIN_PASSWORD, STAFF_PASSWORD, startTestHub } from '../support/hub';
import { intake } from './dossier/intake-input';

const post = (url: string, name: string, body: unknown, token: string | null = null) =>
  fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/**
 * The hub's log (`<data>/logs/`) is what a technician in the province reads and what an admin
 * sends when something goes wrong: it must explain a failure by its request id, and it must
 * never carry a citizen's personal data or anybody's secret.
 */
describe('the hub log', () => {
  it('finds a failed request by the id its answer carries, and holds no personal data or secrets', async () => {
    const hub = await startTestHub({ keepData: true });
    const secrets: string[] = [ADMIN_PASSWORD, STAFF_PASSWORD];
    try {
      const officer = await hub.staff('log-officer');
      const login = (await (await post(hub.url, 'auth.login', { username: 'log-officer', password: STAFF_PASSWORD })).json()) as { token: string };
      secrets.push(login.token);
      // A password typed in the username box, and a wrong one.
      await post(hub.url, 'auth.login', { username: 'MatKhau-Bi-Mat-99', password: 'sai-mat-khau-1' });
      secrets.push('MatKhau-Bi-Mat-99', 'sai-mat-khau-1');
      const kiosk = await hub.device('kiosk');
      secrets.push(kiosk.token);
      const person = intake();
      const received = await officer['dossiers.receive'](person);
      secrets.push(received.lookupCode!);
      await post(hub.url, 'dossiers.lookup', { code: received.code, lookupCode: received.lookupCode });
      await post(hub.url, 'dossiers.search', { q: 'Hường' }, login.token);
      await post(hub.url, 'dossiers.search', { q: '064190012345' }, login.token);

      // A damaged database (an index table gone): the search fails inside the hub.
      hub.running.hub.deps.db.exec('ALTER TABLE dossiers_name_fts RENAME TO dossiers_name_fts_gone');
      const failed = await post(hub.url, 'dossiers.search', { q: 'Nguyễn Thị' }, login.token);
      expect(failed.status).toBe(500);
      const envelope = (await failed.json()) as { error: { code: string; message: string; details: { requestId: string } } };
      expect(envelope.error.code).toBe('INTERNAL');
      expect(failed.headers.get('x-request-id')).toBe(envelope.error.details.requestId);
      await hub.stop();

      const dir = join(hub.dataDir, 'logs');
      const text = readdirSync(dir).filter((f) => f.startsWith('hub.')).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
      const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; req?: string; msg: string; err?: { stack?: string } });
      const line = lines.find((l) => l.req === envelope.error.details.requestId && l.level === 50);
      expect(line?.msg).toBe('INTERNAL error while handling a request');
      expect(line?.err?.stack).toContain('no such table: dossiers_name_fts');
      // Every API request is a line: op, status, time.
      expect(lines.filter((l) => l.msg === 'request').length).toBeGreaterThan(10);

      const a = person.applicant;
      const personal = [a.fullName, 'Nguyen Thi Huong', a.idNumber, a.address, 'Ia Grai', a.phone, a.phone.replace(/\s/g, ''), 'Hường', 'Nguyễn Thị'];
      for (const s of [...personal, ...secrets]) expect(text, s).not.toContain(s);
    } finally {
      await hub.close();
      rmSync(hub.dataDir, { recursive: true, force: true });
    }
  });

  it('has every line in the file when flush calls back: what a process logs right before it ends is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-log-flush-'));
    try {
      const log = await createLogger({ name: 'hub', dir });
      for (let i = 0; i < 5000; i++) log.info({ i, detail: 'x'.repeat(200) }, 'a busy moment');
      log.info('hub stopped');
      const lines = await new Promise<string[]>((resolve) =>
        log.flush(() => resolve(readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)))),
      );
      expect(lines).toHaveLength(5001);
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ msg: 'hub stopped' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
