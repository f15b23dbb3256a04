import type { OpOutput } from '../../../../contract/ops';
import { sayer, type Lang } from '../../../../contract/locales';
import type { PrintOutcome } from '../../hub/use-print-outcome';
import { ddmmyyyy, hhmm } from '../../ui/format';

/**
 * The number on screen, as large as the screen allows: until a ticket printer exists, and
 * whenever printing fails, this is what the citizen writes down.
 */
export function TicketCard(props: { issued: OpOutput<'tickets.issue'>; appointmentTime?: string | null; print: PrintOutcome; lang: Lang; waitText: string; onDone: () => void }) {
  const t = sayer(props.lang);
  const { ticket, peopleAhead, shown } = props.issued;
  const issuedAt = Date.parse(ticket.issuedAt);
  return (
    <section className="ticket-card" aria-live="assertive" aria-label={`${t('kiosk.yourNumber')} ${ticket.displayCode}`}>
      <p className="ticket-label">{t('kiosk.yourNumber')}</p>
      <p className="ticket-number" data-testid="ticket-number">
        {ticket.displayCode}
      </p>
      {/* A checked-in booking: called near its time, ahead of walk-ins (docs/APPOINTMENTS.md). */}
      {props.appointmentTime ? (
        <p className="ticket-appointment" data-testid="ticket-appointment">
          {t('kiosk.appointmentAt', { time: props.appointmentTime })}
        </p>
      ) : null}
      <dl className="ticket-facts">
        <div>
          <dt>{t('kiosk.service')}</dt>
          <dd data-testid="ticket-service">
            {shown.serviceName}
            {shown.priorityLabel ? <span className="ticket-priority"> · {t('kiosk.priorityLabel')}: {shown.priorityLabel}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('kiosk.peopleAheadLabel')}</dt>
          <dd>{peopleAhead === 0 ? t('kiosk.nobodyAhead') : t('kiosk.peopleAhead', { n: peopleAhead })}</dd>
        </div>
        {/* With no counter open there is no wait to estimate: the sentence stands on its own, marked. */}
        {props.issued.waitEstimate.kind === 'noCounter' ? (
          <div className="ticket-no-counter" data-testid="ticket-wait">
            <dd>{props.waitText}</dd>
          </div>
        ) : (
          <div data-testid="ticket-wait">
            <dt>{t('kiosk.estimatedWait')}</dt>
            <dd>{props.waitText}</dd>
          </div>
        )}
        <div>
          <dt>{t('kiosk.takenAt')}</dt>
          <dd>
            {hhmm(issuedAt)} {ddmmyyyy(issuedAt)}
          </dd>
        </div>
      </dl>
      <p className={`ticket-note print-${props.print.state}`} role="status">
        {props.print.state === 'printing' ? t('kiosk.printing') : props.print.state === 'printed' ? t('kiosk.printed') : props.print.state === 'failed' ? t('kiosk.printFailed') : t('kiosk.noteNumber')}
      </p>
      <p className="ticket-hint">{t('kiosk.pleaseWait')}</p>
      <button type="button" className="kiosk-choice primary" onClick={props.onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}
