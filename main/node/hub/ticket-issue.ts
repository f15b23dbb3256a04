import type { Principal } from '../../../contract/access';
import type { OpOutput } from '../../../contract/ops';
import type { PriorityClass, Service, Ticket } from '../../../contract/queue';
import { peopleAheadOfNewcomer } from '../../core/calling-order';
import { displayCode } from '../../core/numbering';
import { vnDate } from '../../core/vn-time';
import { TicketStore, type EventActor } from '../db/ticket-store';
import type { HandlerContext, HubDeps } from './context';
import { enqueueTicketPrint } from './print-handlers';
import { estimateFor } from './queue-facts';

/** Who did it, as a ticket's history records it. */
export function eventActor(p: Principal, counterId: string | null = null): EventActor {
  return {
    staffId: p.kind === 'staff' ? p.staffId : null,
    deviceId: p.kind === 'device' ? p.deviceId : null,
    counterId,
  };
}

export interface IssueRequest {
  readonly service: Service;
  readonly priorityClass: PriorityClass | null;
  readonly source: Ticket['source'];
  /** The booking checked in (its slot time goes on the paper), or null for a walk-in. */
  readonly appointment: { readonly id: string; readonly time: string } | null;
}

/**
 * A new number, in the caller's write transaction: the row, its `issued` event and outbox row, and
 * the paper ticket's print job — so a number on screen always has its print job. The one path for
 * `tickets.issue` and `appointments.checkIn`; whether the service may give this number is the
 * caller's rule. `printerId`: the printer to kick once the transaction committed.
 */
export function issueTicket(deps: HubDeps, ctx: HandlerContext, req: IssueRequest): { issued: OpOutput<'tickets.issue'>; printerId: string | null } {
  const { tickets, catalog } = deps;
  const { service, priorityClass } = req;
  const date = vnDate(ctx.now);
  const seq = catalog.sequence(service.sequenceId)!;
  const number = tickets.allocateNumber(seq, date);
  const row = TicketStore.newRow({
    service_date: date, sequence_id: seq.id, number, display_code: displayCode(service.prefix, number, seq.padWidth),
    service_id: service.id, priority_class_id: priorityClass?.id ?? null, priority_weight: priorityClass?.weight ?? null,
    priority_label: priorityClass?.label ?? null, source: req.source, issued_at: ctx.now, queue_entered_at: ctx.now,
    appointment_id: req.appointment?.id ?? null,
  });
  const ahead = peopleAheadOfNewcomer(row.priority_weight, tickets.waitingByWeight(date, service.id));
  const estimate = estimateFor(deps, service, ahead, ctx.now);
  // No range is stored when no counter was open: predicted-against-actual compares ranges only.
  const range = estimate.kind === 'range' ? [estimate.minMinutes, estimate.maxMinutes] : null;
  row.est_wait_min = range?.[0] ?? null;
  row.est_wait_max = range?.[1] ?? null;
  tickets.insert(row);
  const booked = req.appointment ? { appointmentId: req.appointment.id, appointmentTime: req.appointment.time } : {};
  tickets.appendEvent(row, 'issued', eventActor(ctx.principal), { source: row.source, peopleAhead: ahead, estimate: range, ...(estimate.kind === 'noCounter' ? { noCounter: true } : {}), ...booked }, ctx.now);
  const print = enqueueTicketPrint(deps, row, ahead, estimate, ctx);
  return {
    issued: {
      ticket: tickets.ticket(row.id)!,
      peopleAhead: ahead,
      waitEstimate: estimate,
      print: print ? { jobId: print.jobId, printerName: print.printer.name } : null,
    },
    printerId: print?.printer.id ?? null,
  };
}
