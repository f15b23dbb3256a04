import { useHub } from '../hub/session';
import { useData } from '../hub/use-data';
import { hhmm } from './format';
import { Notice } from './Notice';

/**
 * On staff screens: the hub cannot save because its disk is full. What to say and when comes from
 * the hub (`system.health`); a `health` hint brings it up, and takes it down, on every open screen.
 */
export function StorageBanner() {
  const { client, changes } = useHub();
  const health = useData(() => client['system.health']({}), ['health'], changes);
  const storage = health.data?.storage;
  if (!storage || storage.level === 'ok') return null;
  return (
    <Notice kind="error" className="storage-banner">
      <strong>
        {storage.title}
        {storage.since ? ` (từ ${hhmm(Date.parse(storage.since))})` : ''}.
      </strong>{' '}
      {storage.message}
    </Notice>
  );
}
