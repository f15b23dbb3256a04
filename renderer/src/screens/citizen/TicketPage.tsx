import { useEffect, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { say } from '../../../../contract/locales';
import type { OpOutput } from '../../../../contract/ops';
import { anonymousClient } from '../../hub/session';
import { SampleMark } from '../../ui/SampleMark';
import './citizen.css';

type Status = OpOutput<'tickets.status'>;

/** Often enough to see the call before walking to the counter; a few requests a minute per phone. */
const REFRESH_MS = 3_000;

/**
 * The page behind a ticket's QR (`/q/<ticket>`), on a citizen's phone on the site's Wi-Fi: the
 * number, how many are ahead, and the call when it comes ("Mời đến quầy số 3"). Nothing personal:
 * a ticket carries none. It reads the hub again every few seconds and says when it cannot.
 */
export function TicketPage(props: { ticketId: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  // final: the hub's own words (no such ticket); otherwise a passing trouble, said in the page's language.
  const [problem, setProblem] = useState<{ final: true; text: string } | { final: false } | null>(null);

  useEffect(() => {
    const client = anonymousClient();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        setStatus(await client['tickets.status']({ ticketId: props.ticketId }));
        setProblem(null);
      } catch (e) {
        const final = e instanceof HubError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED');
        if (!final) console.error('ticket status failed', e);
        setProblem(final ? { final, text: (e as HubError).message } : { final });
        if (final) return;
      }
      if (!stopped) timer = setTimeout(() => void read(), REFRESH_MS);
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [props.ticketId]);

  // The ticket's language once known; Vietnamese until the first answer.
  const lang = status?.language ?? 'vi';
  return (
    <main className={`citizen-page ticket-page stage-${status?.stage ?? 'loading'}`} lang={lang}>
      {status ? (
        <>
          <p className="citizen-site">
            {status.siteName} {status.sampleData ? <SampleMark /> : null}
          </p>
          <p className="citizen-label">{say(lang, 'status.yourNumber')}</p>
          <p className="ticket-number" data-testid="ticket-number">{status.displayCode}</p>
          <p className="citizen-service" data-testid="ticket-service">{status.serviceName}</p>
          <section className="citizen-state" aria-live="assertive">
            <h1>{status.headline}</h1>
            {status.notice ? <p className="citizen-notice" data-testid="ticket-notice">{status.notice}</p> : null}
            {status.detail ? <p>{status.detail}</p> : null}
          </section>
        </>
      ) : problem === null ? (
        <p className="citizen-label">{say(lang, 'status.loading')}</p>
      ) : null}
      {problem ? <p className={problem.final ? 'citizen-problem final' : 'citizen-problem'} role="alert">{problem.final ? problem.text : say(lang, 'status.retrying')}</p> : null}
    </main>
  );
}
