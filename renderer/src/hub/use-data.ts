import { useCallback, useEffect, useRef, useState } from 'react';
import type { Topic } from '../../../contract/events';
import { HubError } from '../../../contract/errors';
import type { ChangeBus } from './changes';
import { newestLoad } from './newest-load';

export interface Data<T> {
  readonly data: T | null;
  readonly error: HubError | null;
  /** Loads again; resolves with the fresh data (a newer load's if one overtook it; null if it failed). */
  readonly reload: () => Promise<T | null>;
}

/**
 * Loads a view's data and loads it again whenever the hub says one of its topics changed (or the
 * stream reconnected). Results of an older request never overwrite a newer one.
 */
export function useData<T>(load: () => Promise<T>, topics: readonly Topic[], changes: ChangeBus, deps: readonly unknown[] = []): Data<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<HubError | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const current = useRef(run);
  current.current = run;
  // One loader for the view's lifetime, so an answer for old deps never lands after a newer one.
  const [reload] = useState(() =>
    newestLoad(
      () => current.current(),
      (o) => {
        if (o.ok) {
          setData(o.value);
          setError(null);
        } else setError(o.error instanceof HubError ? o.error : new HubError('INTERNAL'));
      },
    ),
  );
  useEffect(() => {
    void reload();
  }, [reload, run]);
  useEffect(
    () =>
      changes.on((t) => {
        if (t === 'all' || t.some((x) => topics.includes(x))) void reload();
      }),
    // topics is a literal per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reload, changes],
  );
  return { data, error, reload };
}
