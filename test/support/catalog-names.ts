import type { OpOutput } from '../../contract/ops';

/** The sample catalogue's services and counters by the names a test reads them by. */
export function catalogNames(cat: OpOutput<'catalog.get'>) {
  return {
    svc: (name: string) => cat.services.find((s) => s.name === name)!.id,
    counter: (n: number) => cat.counters.find((c) => c.number === n)!.id,
  };
}
