import { useCallback, useEffect, useRef, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { useHub } from '../../hub/session';
import { syncNowOutcome, type SyncStatus } from './sync-texts';

/** The regular look at the sync; the hub also says at once when the worker goes on- or offline. */
const POLL_MS = 30_000;
/** While a run is in progress (or the first one has not happened), look again soon. */
const BUSY_POLL_MS = 2_000;
/** After tickets or dossiers change, the pending count is looked at again once, this much later. */
const AFTER_CHANGE_MS = 3_000;

/**
 * The sync status for a staff screen: loaded now, every 30 s, when the hub says the sync changed,
 * and a few seconds after the queue or a dossier changed (new events to send). Never more than
 * one request at a time, never waiting on anything else: the counter's desk is not slowed by it.
 */
export function useSyncStatus() {
  const { client, changes } = useHub();
  const [status, setState] = useState<SyncStatus | null>(null);
  /** This screen's clock when the status arrived: "now" on the hub is its `checkedAt` plus the time since. */
  const receivedAt = useRef(0);
  const setStatus = useCallback((s: SyncStatus) => {
    receivedAt.current = Date.now();
    setState(s);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      setStatus(await client['sync.status']({}));
      setError(null);
    } catch (e) {
      setError(e instanceof HubError ? e.message : 'Không đọc được tình trạng đồng bộ.');
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void refresh();
      }
    }
  }, [client, setStatus]);

  useEffect(() => {
    void refresh();
    const poll = setInterval(() => void refresh(), POLL_MS);
    let later: ReturnType<typeof setTimeout> | null = null;
    const off = changes.on((topics) => {
      if (topics === 'all' || topics.includes('sync')) void refresh();
      else if (!later && (topics.includes('queue') || topics.includes('dossiers'))) {
        later = setTimeout(() => {
          later = null;
          void refresh();
        }, AFTER_CHANGE_MS);
      }
    });
    return () => {
      clearInterval(poll);
      if (later) clearTimeout(later);
      off();
    };
  }, [refresh, changes]);

  const busy = status !== null && (status.running || status.level === 'connecting');
  useEffect(() => {
    if (!busy) return;
    const t = setTimeout(() => void refresh(), BUSY_POLL_MS);
    return () => clearTimeout(t);
  }, [busy, status, refresh]);

  // Offline: look again just after the worker's next try (at most 30 s away), to show how it went.
  const nextTry = status !== null && !status.online && status.nextAttemptAt !== null ? Date.parse(status.nextAttemptAt) - Date.parse(status.checkedAt) : null;
  useEffect(() => {
    if (nextTry === null) return;
    const t = setTimeout(() => void refresh(), Math.max(0, nextTry) + 1000);
    return () => clearTimeout(t);
  }, [nextTry, status, refresh]);

  const now = () => (status ? Date.parse(status.checkedAt) + (Date.now() - receivedAt.current) : Date.now());
  return { status, error, refresh, setStatus, now };
}

/** "Đồng bộ ngay": runs a sync on the hub, shows the status it ended with and says how it went. */
export function useSyncNow(onStatus: (s: SyncStatus) => void, now: () => number) {
  const { client } = useHub();
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const run = async () => {
    setRunning(true);
    setMessage(null);
    try {
      const s = await client['sync.now']({});
      onStatus(s);
      setMessage(syncNowOutcome(s, now()));
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof HubError ? e.message : 'Không đồng bộ được.' });
    } finally {
      setRunning(false);
    }
  };
  return { run, running, message };
}
