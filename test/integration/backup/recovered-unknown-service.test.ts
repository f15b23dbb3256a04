import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../../contract/sync';
import { vnDate } from '../../../main/core/vn-time';
import { RecoveryStore } from '../../../main/node/db/recovery-store';
import { applyRecovered } from '../../../main/node/sync/recovered-events';
import { siteWorkload, type SiteWorkload } from '../../support/site-workload';
import { startTestHub, type TestHub } from '../../support/hub';

/**
 * A ticket fetched back from the central whose service this copy's catalogue no longer has (a
 * service removed or replaced since): the row cannot be rebuilt, but its number was handed out —
 * every sequence that could hand it out again moves past it.
 */
describe('a recovered ticket of a service missing from the catalogue', () => {
  let hub: TestHub;
  let work: SiteWorkload;

  beforeAll(async () => {
    hub = await startTestHub();
    work = await siteWorkload(hub);
  });
  afterAll(() => hub.close());

  it('is listed for staff and its number is never issued again', async () => {
    const deps = hub.running.hub.deps;
    const first = await work.issue();
    const prefix = first.ticket.displayCode.replace(/\d+$/, '');
    const displayCode = `${prefix}050`;
    const payload = JSON.stringify({
      eventId: randomUUID(), ticketId: randomUUID(), serviceDate: vnDate(deps.clock()), serviceId: randomUUID(), displayCode,
      priorityClassId: null, status: 'waiting', at: new Date(deps.clock()).toISOString(), counterId: null, staffId: null, deviceId: null, data: {},
    });
    const event: WireEvent = {
      seq: 1, eventId: randomUUID(), type: 'ticket.issued', version: 1, aggregateId: randomUUID(), payload,
      createdAt: new Date(deps.clock()).toISOString(), hash: createHash('sha256').update(payload).digest('hex'),
    };
    const applied = await deps.writer.run(() => applyRecovered(deps, new RecoveryStore(deps.db), event));
    expect(applied.kind).toBe('skipped');
    expect(applied.line).toContain(displayCode);

    const next = await work.issue();
    expect(next.ticket.displayCode).toBe(`${prefix}051`);
  });
});
