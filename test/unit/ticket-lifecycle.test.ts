import { describe, expect, it } from 'vitest';
import { HubError } from '../../contract/errors';
import { TicketStatus } from '../../contract/queue';
import { ticketActions, transition, type TicketAction } from '../../main/core/ticket-lifecycle';

describe('ticket state machine', () => {
  it('follows the normal path: waiting → called → serving → finished', () => {
    expect(transition('waiting', 'call', 'A001')).toBe('called');
    expect(transition('called', 'recall', 'A001')).toBe('called');
    expect(transition('called', 'start', 'A001')).toBe('serving');
    expect(transition('serving', 'finish', 'A001')).toBe('finished');
  });

  it('lets a no-show come back to the queue, and moves tickets on', () => {
    expect(transition('called', 'skip', 'A001')).toBe('skipped');
    expect(transition('skipped', 'returnToQueue', 'A001')).toBe('waiting');
    expect(transition('serving', 'transfer', 'A001')).toBe('waiting');
    expect(transition('called', 'redirect', 'A001')).toBe('redirected');
    expect(transition('waiting', 'cancel', 'A001')).toBe('cancelled');
  });

  it('refuses every other transition with a message naming the ticket and its state', () => {
    const actions = Object.keys(ticketActions) as TicketAction[];
    let refused = 0;
    for (const status of TicketStatus.options) {
      for (const action of actions) {
        const allowed = (ticketActions[action].from as readonly string[]).includes(status);
        if (allowed) continue;
        refused++;
        try {
          transition(status, action, 'B007');
          expect.fail(`${action} from ${status} should be refused`);
        } catch (e) {
          expect(e).toBeInstanceOf(HubError);
          expect((e as HubError).code).toBe('ILLEGAL_TRANSITION');
          expect((e as HubError).message).toContain('B007');
        }
      }
    }
    // Terminal states accept nothing: finished, cancelled and redirected tickets are history.
    for (const terminal of ['finished', 'cancelled', 'redirected'] as const) {
      for (const action of actions) expect(() => transition(terminal, action, 'X')).toThrow(HubError);
    }
    expect(refused).toBeGreaterThan(40);
  });

  it('explains a refused call in Vietnamese', () => {
    expect(() => transition('finished', 'recall', 'A015')).toThrow('Không thể gọi lại số A015 vì số này đã xong.');
  });
});
