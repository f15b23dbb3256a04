import { useState } from 'react';

/** Deep equality for JSON-like values; key order does not matter (the hub may reorder keys). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface Draft<T> {
  readonly value: T;
  /** Edited and not saved yet. */
  readonly dirty: boolean;
  update(patch: Partial<T>): void;
  /** The hub accepted this: it is the new saved state. */
  saved(next: T): void;
}

interface State<T> {
  /** The last value the hub gave us, to notice when it changes. */
  source: T;
  /** What the form was last in step with (the source, or what a save returned). */
  base: T;
  draft: T;
}

/**
 * A form's working copy of data that lives in the hub. When the hub's data changes (another
 * admin, or our own save coming back through the change stream) the form follows it — unless the
 * user has unsaved edits, which are never overwritten under their hands.
 */
export function useDraft<T extends object>(source: T): Draft<T> {
  const [state, setState] = useState<State<T>>({ source, base: source, draft: source });
  let current = state;
  if (!same(source, state.source)) {
    current = { source, base: source, draft: same(state.draft, state.base) ? source : state.draft };
    // Adjusting state while rendering (React's documented pattern for following a prop).
    setState(current);
  }
  return {
    value: current.draft,
    dirty: !same(current.draft, current.base),
    update: (patch) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })),
    saved: (next) => setState((s) => ({ ...s, base: next, draft: next })),
  };
}
