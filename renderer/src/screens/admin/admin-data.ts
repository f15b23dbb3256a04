import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';

/** The site settings, reloaded whenever the hub announces a change (any admin, any window). */
export function useSite() {
  const { client, changes } = useHub();
  return useData(() => client['site.get']({}), ['site'], changes);
}

/** Services, sequences, priority classes and counters, kept current the same way. */
export function useCatalog() {
  const { client, changes } = useHub();
  return useData(() => client['catalog.get']({}), ['catalog'], changes);
}
