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
    expect(enabled({ current: null, paused: false, canCallSpecific: false })).toEqual(['callNext', 'pause', 'callFromService', 'printJobs']);
    expect(enabled({ current: 'called', paused: false, canCallSpecific: true })).toEqual(['recall', 'start', 'finish', 'skip', 'transfer', 'redirect', 'pause', 'reprint', 'intake', 'printJobs']);
    expect(enabled({ current: 'serving', paused: false, canCallSpecific: true })).toEqual(['finish', 'transfer', 'redirect', 'pause', 'reprint', 'intake', 'printJobs']);
  });

  it('offers a step on the current ticket exactly when the state machine allows it', () => {
    const steps = { recall: 'recall', start: 'start', finish: 'finish', skip: 'skip', transfer: 'transfer', redirect: 'redirect' } as const;
    for (const status of TicketStatus.options) {
      const offered = deskActions({ current: status, paused: false, canCallSpecific: true });
      for (const [desk, step] of Object.entries(steps)) {
        const allowed = (ticketActions[step].from as readonly string[]).includes(status);
        expect(offered.find((a) => a.action === desk)!.enabled, `${desk} on ${status}`).toBe(allowed);
      }
    }
  });

  it('calls out of order only for officers allowed to, and not while paused; F10 toggles the pause', () => {
    expect(enabled({ current: null, paused: false, canCallSpecific: true })).toContain('callSpecific');
    const paused = deskActions({ current: null, paused: true, canCallSpecific: true });
    expect(paused.filter((a) => a.enabled).map((a) => a.action)).toEqual(['resume', 'printJobs']);
    expect(paused.filter((a) => a.key === 'F10').map((a) => a.label)).toEqual(['Tiếp tục làm việc']);
  });

  it('gives every action its own key', () => {
    const keys = deskActions({ current: 'called', paused: false, canCallSpecific: true }).map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
