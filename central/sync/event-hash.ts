import { createHash } from 'node:crypto';

/** sha256(type|version|aggregateId|payload), as the hub computes it (docs/SYNC.md). */
export function eventHash(type: string, version: number, aggregateId: string, payload: string): string {
  return createHash('sha256').update(`${type}|${version}|${aggregateId}|${payload}`).digest('hex');
}
