import { join, resolve } from 'node:path';
import type { DbConfig } from './db/open';

export interface CentralConfig {
  readonly port: number;
  readonly host: string;
  readonly db: DbConfig;
  /** Folder of the embedded database and its lock (PGlite only). */
  readonly dataDir: string | null;
  readonly adminToken: string | undefined;
  /** The province-admin account created at the first start (when there is no account yet). */
  readonly firstAdmin: string;
  readonly faults: boolean;
  /** Rotated log files; null = standard error only (PostgreSQL without MOTCUA_CENTRAL_LOG_DIR). */
  readonly logDir: string | null;
  readonly maxConnections: number;
  /** Believe X-Forwarded-For from a reverse proxy on this machine (central/http/throttle.ts). */
  readonly trustProxy: boolean;
  /** The address citizens reach the central at (behind its TLS proxy): a booking's QR opens its confirmation there. */
  readonly publicUrl: string | null;
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} phải là số nguyên từ ${min} đến ${max}.`);
  return n;
}

/** A QR holds ASCII only, and a phone opens a link, not a bare host. */
function publicUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length > 200 || !/^https?:\/\/[\x21-\x7e]+$/.test(value)) throw new Error('MOTCUA_CENTRAL_PUBLIC_URL phải là địa chỉ http:// hoặc https:// không dấu, tối đa 200 ký tự.');
  return value.replace(/\/+$/, '');
}

function username(name: string, value: string): string {
  if (!/^[a-z0-9._-]{3,32}$/.test(value)) throw new Error(`${name} phải gồm 3–32 chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.`);
  return value;
}

/** Everything the central reads from its environment (docs/SYNC.md, "Central back office"). */
export function configFromEnv(env: NodeJS.ProcessEnv): CentralConfig {
  const dataDir = env.DATABASE_URL ? null : resolve(env.MOTCUA_CENTRAL_DATA_DIR || '.central-data');
  return {
    port: int('MOTCUA_CENTRAL_PORT', env.MOTCUA_CENTRAL_PORT, 8787, 0, 65535),
    // Plain HTTP: by default only for a reverse proxy on this machine (docs/SYNC.md, "TLS").
    host: env.MOTCUA_CENTRAL_HOST || '127.0.0.1',
    db: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: int('MOTCUA_CENTRAL_DB_POOL', env.MOTCUA_CENTRAL_DB_POOL, 20, 1, 500) }
      : { kind: 'pglite', dataDir: join(dataDir!, 'pgdata') },
    dataDir,
    adminToken: env.CENTRAL_ADMIN_TOKEN || undefined,
    firstAdmin: username('CENTRAL_FIRST_ADMIN', env.CENTRAL_FIRST_ADMIN || 'quantri'),
    faults: env.MOTCUA_CENTRAL_FAULTS === '1',
    logDir: env.MOTCUA_CENTRAL_LOG_DIR ? resolve(env.MOTCUA_CENTRAL_LOG_DIR) : dataDir ? join(dataDir, 'logs') : null,
    maxConnections: int('MOTCUA_CENTRAL_MAX_CONNECTIONS', env.MOTCUA_CENTRAL_MAX_CONNECTIONS, 1000, 10, 100_000),
    trustProxy: env.MOTCUA_CENTRAL_TRUST_PROXY !== '0',
    publicUrl: publicUrl(env.MOTCUA_CENTRAL_PUBLIC_URL),
  };
}
