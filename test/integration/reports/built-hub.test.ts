import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubAccounts } from '../../support/hub';
import { startHubProcess, START_HANG_MS, type HubProcess } from '../../support/hub-process';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * The built hub (`scripts/build.mjs --hub`, what `npm start` runs) finds the report reader's
 * thread, bundled beside it, and answers a year's reports from it.
 */
describe('reports from the built hub', () => {
  let dir: string;
  let proc: HubProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-built-reports-'));
    await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build.mjs'), '--hub', '--out', join(dir, 'dist')], { cwd: root });
    // Laid out as installed: the packages beside dist/ (the bundles leave them external).
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    proc = await startHubProcess(join(dir, 'data'), { entry: join(dir, 'dist', 'hub', 'cli.mjs') });
  }, START_HANG_MS + 120_000);
  afterAll(async () => {
    await proc?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the queue, dossier and satisfaction reports of a year', async () => {
    const admin = await hubAccounts(proc.url, { username: 'admin', password: proc.oneTimePassword! }).admin();
    const year = { from: '2025-01-01', to: '2025-12-31' };
    expect((await admin['reports.queue'](year)).counts.issued).toBe(0);
    expect((await admin['reports.dossiers'](year)).received.total).toBe(0);
    expect((await admin['reports.satisfaction'](year)).all.total).toBe(0);
    expect(proc.output()).not.toContain('report reader thread');
  }, 60_000);
});
