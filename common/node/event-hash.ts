import { createHash } from 'node:crypto';

/** The hash both sides compute for an event (docs/SYNC.md): same seq + different hash = a conflict. */
export function eventHash(type: string, version: number, aggregateId: string, payload: string): string {
  return createHash('sha256').update(`${type}|${version}|${aggregateId}|${payload}`).digest('hex');
}
