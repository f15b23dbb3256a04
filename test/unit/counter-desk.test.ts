import { describe, expect, it } from 'vitest';
import { TicketStatus } from '../../contract/queue';
import { deskActions } from '../../main/core/counter-desk';
import { ticketActions } from '../../main/core/ticket-lifecycle';

const enabled = (...args: Parameters<typeof deskActions>) =>
  deskActions(...args)
    .filter((a) => a.enabled)
    .map((a) => a.action);

describe('the counter desk actions', () => {
  it('offers calling when the counter is free, and the ticket steps once a number is called', () => {
    expect(enabled({ current: null, paused: false, canCallSpecific: false, absent: 0 })).toEqual(['callNext', 'pause', 'callFromService', 'printJobs']);
    expect(enabled({ current: 'called', paused: false, canCallSpecific: true, absent: 0 })).toEqual(['recall', 'start', 'finish', 'skip', 'transfer', 'redirect', 'pause', 'reprint', 'intake', 'printJobs']);
    expect(enabled({ current: 'serving', paused: false, canCallSpecific: true, absent: 0 })).toEqual(['finish', 'transfer', 'redirect', 'pause', 'reprint', 'intake', 'printJobs']);
  });

  it('offers a step on the current ticket exactly when the state machine allows it', () => {
    const steps = { recall: 'recall', start: 'start', finish: 'finish', skip: 'skip', transfer: 'transfer', redirect: 'redirect' } as const;
    for (const status of TicketStatus.options) {
      const offered = deskActions({ current: status, paused: false, canCallSpecific: true, absent: 0 });
      for (const [desk, step] of Object.entries(steps)) {
        const allowed = (ticketActions[step].from as readonly string[]).includes(status);
        expect(offered.find((a) => a.action === desk)!.enabled, `${desk} on ${status}`).toBe(allowed);
      }
    }
  });

  it('calls out of order only for officers allowed to, and not while paused; F10 toggles the pause', () => {
    expect(enabled({ current: null, paused: false, canCallSpecific: true, absent: 0 })).toContain('callSpecific');
    const paused = deskActions({ current: null, paused: true, canCallSpecific: true, absent: 0 });
    expect(paused.filter((a) => a.enabled).map((a) => a.action)).toEqual(['resume', 'printJobs']);
    expect(paused.filter((a) => a.key === 'F10').map((a) => a.label)).toEqual(['Tiếp tục làm việc']);
  });

  it('offers the absent list (Shift+F6) when some ticket was marked absent, whatever the counter holds', () => {
    expect(enabled({ current: null, paused: false, canCallSpecific: false, absent: 0 })).not.toContain('absentList');
    for (const current of [null, 'serving'] as const) {
      const offered = deskActions({ current, paused: false, canCallSpecific: false, absent: 2 }).find((a) => a.action === 'absentList')!;
      expect(offered).toMatchObject({ key: 'Shift+F6', enabled: true });
    }
  });

  it('gives every action its own key', () => {
    const keys = deskActions({ current: 'called', paused: false, canCallSpecific: true, absent: 0 }).map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
