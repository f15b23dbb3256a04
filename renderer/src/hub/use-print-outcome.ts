import { useEffect, useState } from 'react';
import type { HubClient } from '../../../contract/client';

export type PrintOutcome = { state: 'none' } | { state: 'printing' } | { state: 'printed' } | { state: 'failed'; reason: string | null };

/** How long the kiosk waits for the paper before telling the citizen to note the number. */
const GIVE_UP_MS = 8000;

/**
 * Follows the print job of the ticket just issued: printed, or held (paper out, printer off…), or
 * too slow. The hub keeps a held job and staff reprint it; the kiosk only has to say so.
 */
export function usePrintOutcome(client: HubClient, jobId: string | null): PrintOutcome {
  const [outcome, setOutcome] = useState<PrintOutcome>(jobId ? { state: 'printing' } : { state: 'none' });
  useEffect(() => {
    if (!jobId) {
      setOutcome({ state: 'none' });
      return;
    }
    setOutcome({ state: 'printing' });
    let stopped = false;
    const started = Date.now();
    const poll = async () => {
      if (stopped) return;
      const job = await client['print.job']({ jobId }).catch(() => null);
      if (stopped) return;
      if (job?.status === 'done') setOutcome({ state: 'printed' });
      else if (job?.status === 'held' || job?.status === 'cancelled') setOutcome({ state: 'failed', reason: job.error });
      else if (Date.now() - started > GIVE_UP_MS) setOutcome({ state: 'failed', reason: null });
      else setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [client, jobId]);
  return outcome;
}
