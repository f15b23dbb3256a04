import type { OpOutput } from '../../../../contract/ops';
import { strings, type Lang } from '../../i18n';
import type { PrintOutcome } from '../../hub/use-print-outcome';
import { ddmmyyyy, hhmm } from '../../ui/format';

/**
 * The number on screen, as large as the screen allows: until a ticket printer exists, and
 * whenever printing fails, this is what the citizen writes down.
 */
export function TicketCard(props: { issued: OpOutput<'tickets.issue'>; appointmentTime?: string | null; print: PrintOutcome; lang: Lang; waitText: string; onDone: () => void }) {
  const t = strings[props.lang];
  const { ticket, peopleAhead } = props.issued;
  const issuedAt = Date.parse(ticket.issuedAt);
  return (
    <section className="ticket-card" aria-live="assertive" aria-label={`${t.yourNumber} ${ticket.displayCode}`}>
      <p className="ticket-label">{t.yourNumber}</p>
      <p className="ticket-number" data-testid="ticket-number">
        {ticket.displayCode}
      </p>
      {/* A checked-in booking: called near its time, ahead of walk-ins (docs/APPOINTMENTS.md). */}
      {props.appointmentTime ? (
        <p className="ticket-appointment" data-testid="ticket-appointment">
          {t.appointmentAt(props.appointmentTime)}
        </p>
      ) : null}
      <dl className="ticket-facts">
        <div>
          <dt>{t.service}</dt>
          <dd>
            {ticket.serviceName}
            {ticket.priorityLabel ? <span className="ticket-priority"> · {t.priorityLabel}: {ticket.priorityLabel}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t.peopleAheadLabel}</dt>
          <dd>{t.peopleAhead(peopleAhead)}</dd>
        </div>
        {/* With no counter open there is no wait to estimate: the sentence stands on its own, marked. */}
        {props.issued.waitEstimate.kind === 'noCounter' ? (
          <div className="ticket-no-counter" data-testid="ticket-wait">
            <dd>{props.waitText}</dd>
          </div>
        ) : (
          <div data-testid="ticket-wait">
            <dt>{t.estimatedWait}</dt>
            <dd>{props.waitText}</dd>
          </div>
        )}
        <div>
          <dt>{t.takenAt}</dt>
          <dd>
            {hhmm(issuedAt)} {ddmmyyyy(issuedAt)}
          </dd>
        </div>
      </dl>
      <p className={`ticket-note print-${props.print.state}`} role="status">
        {props.print.state === 'printing' ? t.printing : props.print.state === 'printed' ? t.printed : props.print.state === 'failed' ? t.printFailed : t.noteNumber}
      </p>
      <p className="ticket-hint">{t.pleaseWait}</p>
      <button type="button" className="kiosk-choice primary" onClick={props.onDone}>
        {t.done}
      </button>
    </section>
  );
}
