import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/db';
import { sha256 } from '../sync/credentials';

export interface AdminToken {
  verify(token: string): boolean;
  /** The token generated at this start, to print once; null when it was set or generated before. */
  readonly generated: string | null;
}

const fromHash = (hash: string, generated: string | null): AdminToken => ({
  verify: (token) => timingSafeEqual(Buffer.from(sha256(token), 'hex'), Buffer.from(hash, 'hex')),
  generated,
});

/** The token opens the whole back office from the internet: long enough that guessing is hopeless. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

/** Refuses a CENTRAL_ADMIN_TOKEN short enough to guess (the central does not start with it). */
export function checkAdminToken(fromEnv: string | undefined): void {
  if (fromEnv !== undefined && fromEnv.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(`CENTRAL_ADMIN_TOKEN quá ngắn: cần ít nhất ${MIN_ADMIN_TOKEN_LENGTH} ký tự (ví dụ tạo bằng lệnh: openssl rand -base64 32). Máy chủ tỉnh không khởi động với mã quản trị dễ đoán.`);
  }
}

/**
 * The back office's bearer token: CENTRAL_ADMIN_TOKEN from the environment (refused when short),
 * else the one generated at the first start (only its hash is stored, so it can be shown only then).
 */
export async function resolveAdminToken(db: Db, fromEnv: string | undefined): Promise<AdminToken> {
  checkAdminToken(fromEnv);
  if (fromEnv) return fromHash(sha256(fromEnv), null);
  const token = randomBytes(24).toString('base64url');
  const [inserted] = await db.query<{ value: string }>(
    `INSERT INTO central_settings (key, value) VALUES ('admin_token_sha256', $1) ON CONFLICT (key) DO NOTHING RETURNING value`,
    [sha256(token)],
  );
  if (inserted) return fromHash(inserted.value, token);
  const [existing] = await db.query<{ value: string }>(`SELECT value FROM central_settings WHERE key = 'admin_token_sha256'`);
  return fromHash(existing!.value, null);
}
