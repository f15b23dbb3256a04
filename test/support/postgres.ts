import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

export interface TestDatabase {
  /** A fresh, empty database of its own. */
  readonly url: string;
  /** Drops the database (and stops the throwaway cluster when no database of it is left). */
  dispose(): Promise<void>;
}

interface Cluster {
  readonly baseUrl: URL;
  refs: number;
  stop(): Promise<void>;
}

let cluster: Promise<Cluster> | null = null;

/** PostgreSQL refuses to run as root: as root, the cluster belongs to (and runs as) `postgres`. */
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);

/** A throwaway Debian PostgreSQL 15 cluster in a temp folder, on a free port of 127.0.0.1. */
async function startCluster(durable: boolean): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  const data = join(dir, 'data');
  await asPostgres(`${BIN}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      // Not durable by default: a test cluster is thrown away (the central's own crashes do not
      // need fsync); measurements ask for the real thing.
      const speed = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
      await asPostgres(`${BIN}/pg_ctl`, [
        '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start',
        '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${speed}`,
      ]);
      break;
    } catch (e) {
      if (attempt >= 3) throw e; // the port was taken between the probe and the start
    }
  }
  return {
    baseUrl: new URL(`postgres://postgres@127.0.0.1:${port}/postgres`),
    refs: 0,
    stop: async () => {
      await asPostgres(`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database for one test file: on the server of MOTCUA_TEST_DATABASE_URL when it is set (its
 * user needs CREATEDB), else on a throwaway cluster this process starts on first use and stops
 * when its last database is disposed (`durable`: with fsync, for measurements; decided by the
 * call that starts the cluster).
 */
export async function createTestDatabase(options: { durable?: boolean } = {}): Promise<TestDatabase> {
  const external = process.env.MOTCUA_TEST_DATABASE_URL;
  let owner: Cluster | null = null;
  let base: URL;
  if (external) base = new URL(external);
  else {
    cluster ??= startCluster(options.durable ?? false);
    owner = await cluster;
    owner.refs++;
    base = owner.baseUrl;
  }
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      if (owner && --owner.refs === 0) {
        cluster = null;
        await owner.stop();
      }
    },
  };
}
