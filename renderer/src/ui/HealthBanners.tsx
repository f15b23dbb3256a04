import { useHub } from '../hub/session';
import { useData } from '../hub/use-data';
import { hhmm } from './format';
import { Notice } from './Notice';

/**
 * On staff screens: what stops the hub from working right — its disk is full (nothing new can be
 * saved), or its clock is off the province's (receipt and due times would be wrong). What to say
 * and when comes from the hub (`system.health`); a `health` hint brings a banner up, and takes it
 * down, on every open screen.
 */
export function HealthBanners() {
  const { client, changes } = useHub();
  const health = useData(() => client['system.health']({}), ['health'], changes);
  const storage = health.data?.storage;
  const clock = health.data?.clock;
  return (
    <>
      {storage && storage.level !== 'ok' ? (
        <Notice kind="error" className="storage-banner">
          <strong>
            {storage.title}
            {storage.since ? ` (từ ${hhmm(Date.parse(storage.since))})` : ''}.
          </strong>{' '}
          {storage.message}
        </Notice>
      ) : null}
      {clock && clock.level !== 'ok' ? (
        <Notice kind="error" className="clock-banner">
          <strong>{clock.title}.</strong> {clock.message}
        </Notice>
      ) : null}
    </>
  );
}
