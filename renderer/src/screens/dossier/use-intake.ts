import { useState } from 'react';
import type { Dossier, ReceivedDossier } from '../../../../contract/dossier';
import type { OpOutput } from '../../../../contract/ops';
import { blankDraft, type IntakeDraft, type IntakeState } from './intake-draft';

export type Citizen = Extract<OpOutput<'scan.parse'>, { kind: 'cccd' }>['citizen'];
type TicketRef = IntakeDraft['ticket'];

/** The intake tab's state, held by the counter so the form survives a look at the queue. */
export function useIntake() {
  const [state, setState] = useState<IntakeState>(() => ({ draft: blankDraft(), outcome: null }));
  return {
    state,
    update: (patch: Partial<IntakeDraft>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })),
    finish: (outcome: Dossier | ReceivedDossier) => setState((s) => ({ ...s, outcome })),
    /** A fresh form (a new request id): after a dossier is done, or for another citizen. */
    startNew: (ticket: TicketRef) => setState({ draft: blankDraft(ticket), outcome: null }),
    /** The desk's current ticket: linked to the form in progress, or a fresh form if that one belongs to someone else. */
    forTicket: (ticket: NonNullable<TicketRef>) =>
      setState((s) => (s.outcome || (s.draft.ticket && s.draft.ticket.id !== ticket.id) ? { draft: blankDraft(ticket), outcome: null } : { ...s, draft: { ...s.draft, ticket } })),
    /** A scanned citizen ID card fills the person's fields for the officer to check. */
    fillCitizen: (c: Citizen) =>
      setState((s) => ({
        outcome: null,
        draft: { ...(s.outcome ? blankDraft(s.draft.ticket) : s.draft), kind: 'person', fullName: c.fullName, idNumber: c.idNumber, dateOfBirth: c.dateOfBirth, address: c.address, fromCccd: true },
      })),
  };
}

export type Intake = ReturnType<typeof useIntake>;
