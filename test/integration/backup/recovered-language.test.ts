import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../../contract/sync';
import { vnDate } from '../../../main/core/vn-time';
import { RecoveryStore } from '../../../main/node/db/recovery-store';
import { applyRecovered } from '../../../main/node/sync/recovered-events';
import { startTestHub, type TestHub } from '../../support/hub';

/**
 * A ticket fetched back from the central keeps the language it was taken in: its issued event
 * names it (Vietnamese when it names none), so the rebuilt ticket's page and rating tablet still
 * speak to the citizen in it.
 */
describe('a recovered ticket’s language', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    // The site and its usual services are set up with the first admin.
    await hub.admin();
  });
  afterAll(() => hub.close());

  const issued = (serviceId: string, displayCode: string, data: Record<string, unknown>): { event: WireEvent; ticketId: string } => {
    const deps = hub.running.hub.deps;
    const ticketId = randomUUID();
    const payload = JSON.stringify({
      eventId: randomUUID(), ticketId, serviceDate: vnDate(deps.clock()), serviceId, displayCode,
      priorityClassId: null, status: 'waiting', at: new Date(deps.clock()).toISOString(), counterId: null, staffId: null, deviceId: null, data,
    });
    const event: WireEvent = {
      seq: 1, eventId: randomUUID(), type: 'ticket.issued', version: 1, aggregateId: ticketId, payload,
      createdAt: new Date(deps.clock()).toISOString(), hash: createHash('sha256').update(payload).digest('hex'),
    };
    return { event, ticketId };
  };

  it('is the one its issued event names, else Vietnamese; an unknown one is read as Vietnamese', async () => {
    const deps = hub.running.hub.deps;
    const service = deps.catalog.services().find((s) => s.code === 'CT')!;
    const rebuild = async (code: string, data: Record<string, unknown>) => {
      const { event, ticketId } = issued(service.id, code, data);
      await deps.writer.run(() => applyRecovered(deps, new RecoveryStore(deps.db), event));
      return deps.tickets.row(ticketId)?.language;
    };
    expect(await rebuild(`${service.prefix}060`, { source: 'kiosk', language: 'en' })).toBe('en');
    expect(await rebuild(`${service.prefix}061`, { source: 'kiosk' })).toBe('vi');
    expect(await rebuild(`${service.prefix}062`, { source: 'kiosk', language: 'xx' })).toBe('vi');
  });
});
