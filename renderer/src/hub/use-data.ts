import { useCallback, useEffect, useRef, useState } from 'react';
import type { Topic } from '../../../contract/events';
import { HubError } from '../../../contract/errors';
import type { ChangeBus } from './changes';

export interface Data<T> {
  readonly data: T | null;
  readonly error: HubError | null;
  /** Loads again; resolves with the fresh data (null if the load failed or a newer one won). */
  readonly reload: () => Promise<T | null>;
}

/**
 * Loads a view's data and loads it again whenever the hub says one of its topics changed (or the
 * stream reconnected). Results of an older request never overwrite a newer one.
 */
export function useData<T>(load: () => Promise<T>, topics: readonly Topic[], changes: ChangeBus, deps: readonly unknown[] = []): Data<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<HubError | null>(null);
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async (): Promise<T | null> => {
    const mine = ++seq.current;
    try {
      const value = await run();
      if (mine !== seq.current) return null;
      setData(value);
      setError(null);
      return value;
    } catch (e) {
      if (mine === seq.current) setError(e instanceof HubError ? e : new HubError('INTERNAL'));
      return null;
    }
  }, [run]);
  useEffect(() => {
    void reload();
    return changes.on((t) => {
      if (t === 'all' || t.some((x) => topics.includes(x))) void reload();
    });
    // topics is a literal per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload, changes]);
  return { data, error, reload };
}
