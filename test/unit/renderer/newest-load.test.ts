import { describe, expect, it } from 'vitest';
import { newestLoad, type LoadOutcome } from '../../../renderer/src/hub/newest-load';

/** A load the test answers by hand, in any order. */
function manualLoads<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const run = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  return { run, pending };
}

describe('newestLoad: only the newest answer counts, and every caller gets it', () => {
  it('an action’s reload overtaken by an event’s reload resolves with the newer state, and the older answer is never shown', async () => {
    const { run, pending } = manualLoads<string>();
    const shown: LoadOutcome<string>[] = [];
    const reload = newestLoad(run, (o) => shown.push(o));
    const afterAction = reload(); // the officer's F4: reload after finishing the ticket
    const afterEvent = reload(); // an event from the hub arrives meanwhile
    pending[0]!.resolve('current: A001 (before the finish)');
    pending[1]!.resolve('current: none');
    // The action's caller judges the next key against the state after its action, not against nothing.
    expect(await afterAction).toBe('current: none');
    expect(await afterEvent).toBe('current: none');
    expect(shown).toEqual([{ ok: true, value: 'current: none' }]);
  });

  it('a late older answer after the newer one does not overwrite it', async () => {
    const { run, pending } = manualLoads<number>();
    const shown: number[] = [];
    const reload = newestLoad(run, (o) => o.ok && shown.push(o.value));
    const first = reload();
    const second = reload();
    pending[1]!.resolve(2);
    expect(await second).toBe(2);
    pending[0]!.resolve(1);
    expect(await first).toBe(2);
    expect(shown).toEqual([2]);
  });

  it('a failure is reported when it is the newest; an older failure is not', async () => {
    const { run, pending } = manualLoads<number>();
    const shown: LoadOutcome<number>[] = [];
    const reload = newestLoad(run, (o) => shown.push(o));
    const first = reload();
    const second = reload();
    pending[0]!.reject(new Error('mất kết nối'));
    pending[1]!.reject(new Error('hub tắt'));
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(shown).toEqual([{ ok: false, error: new Error('hub tắt') }]);
  });
});
