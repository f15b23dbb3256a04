export type LoadOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * A loader where only the newest request's answer counts: an older answer arriving late is not
 * applied, and whoever asked for the older load gets the newest one's value instead of nothing.
 * A screen that loads again on every hub event and also after each of its own actions relies on
 * this: the action's caller must see the state after its action (the counter judges the next
 * F-key against it), even when an event's reload overtook its own.
 */
export function newestLoad<T>(run: () => Promise<T>, apply: (outcome: LoadOutcome<T>) => void): () => Promise<T | null> {
  let seq = 0;
  let newest: Promise<T | null> = Promise.resolve(null);
  return () => {
    const mine = ++seq;
    const attempt = (async (): Promise<T | null> => {
      let outcome: LoadOutcome<T>;
      try {
        outcome = { ok: true, value: await run() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      // A newer load started meanwhile: its answer is the fresh one (it only waits on newer ones).
      if (mine !== seq) return newest;
      apply(outcome);
      return outcome.ok ? outcome.value : null;
    })();
    newest = attempt;
    return attempt;
  };
}
