import { Check, Volume2, X } from 'lucide-react';
import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Call } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Clock } from '../../ui/Clock';
import { SampleMark } from '../../ui/SampleMark';
import { ConnectionBanner } from '../../ui/Notice';
import { Announcer, htmlAudioPlayer, type AnnouncerState } from './announcer';
import { say, sayer } from '../../../../contract/locales';
import { ServicePictogram } from '../../ui/pictograms/ServicePictogram';
import { loadVoiceSets } from './voice-sets';
import { rememberCall, shouldAnnounce } from './display-memory';

const VOICE_BASE = '/voice/';

declare global {
  interface Window {
    /** What the display scheduled and played, for the end-to-end tests and for support staff. */
    __motcuaAnnouncements?: Announcer['log'];
  }
}

/** The hall's screen speaks Vietnamese; only the line of a call in another language is in that language. */
const vi = sayer('vi');
const markText = { called: vi('display.mark.called'), serving: vi('display.mark.serving'), served: vi('display.mark.served'), absent: vi('display.mark.absent'), moved: vi('display.mark.moved') } as const;
/** SVG, not ✓ ✗: the bundled font has neither, and a TV stick may have no font that does. */
const markIcon: Partial<Record<keyof typeof markText, ReactNode>> = { served: <Check aria-hidden="true" />, absent: <X aria-hidden="true" /> };

/**
 * The waiting-room TV: the current call large, the last calls with served/absent marks, waiting
 * counts, clock and the admin's ticker. Every call is spoken from the offline clip set through a
 * FIFO, so calls that come together are all heard, one after another. No personal data: codes,
 * counters and services only.
 */
export function DisplayScreen() {
  const { client, changes, status, onCall, clockOffset } = useHub();
  const state = useData(() => client['display.state']({}), ['queue', 'site', 'catalog'], changes);
  const [latest, setLatest] = useState<Call | null>(null);
  const [flash, setFlash] = useState(0);
  const [voice, setVoice] = useState<AnnouncerState | 'loading' | 'unavailable'>('loading');
  const [announcer, setAnnouncer] = useState<Announcer | null>(null);

  useEffect(() => {
    let a: Announcer | null = null;
    let off = () => {};
    loadVoiceSets(VOICE_BASE, (lang, problem) => console.error(`voice clip set ${lang} not usable`, problem))
      .then((voices) => {
        a = new Announcer(voices, htmlAudioPlayer(VOICE_BASE));
        window.__motcuaAnnouncements = a.log;
        off = a.onChange((x) => setVoice(x.state));
        setAnnouncer(a);
        setVoice(a.state);
      })
      .catch((e: unknown) => {
        console.error('the display cannot speak', e);
        setVoice('unavailable');
      });
    return () => off();
  }, []);

  // Calls arrive before the announcer is ready on a cold start: keep them and hand them over.
  const pending = useMemo<Call[]>(() => [], []);
  useEffect(
    () =>
      onCall((call) => {
        rememberCall(call.id);
        setLatest(call);
        setFlash((f) => f + 1);
        if (!shouldAnnounce(call, Date.now() + clockOffset)) return;
        if (announcer) announcer.enqueue(call);
        else pending.push(call);
      }),
    [onCall, announcer, clockOffset, pending],
  );
  useEffect(() => {
    if (announcer) for (const c of pending.splice(0)) announcer.enqueue(c);
  }, [announcer, pending]);

  // A TV is rarely a touch screen: any key (a remote's OK, a keyboard) lets it speak too.
  useLayoutEffect(() => {
    if (voice !== 'blocked') return;
    const resume = () => announcer?.resume();
    window.addEventListener('keydown', resume);
    return () => window.removeEventListener('keydown', resume);
  }, [voice, announcer]);

  const recent = state.data?.recent ?? [];
  // A call heard on the socket shows at once; once the hub's state has caught up with it, the hub
  // says what stays large (a number marked absent leaves the screen).
  const data = state.data;
  const current = data && (latest === null || latest.id <= data.lastCallId) ? data.current : latest;
  const others = recent.filter((r) => r.call.ticketId !== current?.ticketId).slice(0, 7);

  return (
    <div className="display" onPointerDown={() => announcer?.resume()}>
      <header className="display-header">
        <div className="display-site">
          {state.data?.siteName ?? 'Một Cửa'}
          {state.data?.sampleData ? <SampleMark /> : null}
        </div>
        <Clock offsetMs={clockOffset} withDate className="display-clock" />
      </header>
      <ConnectionBanner status={status}>{vi('display.offline')}</ConnectionBanner>
      {voice === 'blocked' ? (
        <button type="button" className="display-sound" onClick={() => announcer?.resume()}>
          <Volume2 aria-hidden="true" />
          <span>
            {vi('display.soundBlocked')}
            <small>{vi('display.soundHowTo')}</small>
          </span>
        </button>
      ) : null}
      <main className="display-main">
        <section className={`display-current flash-${flash % 2}`} aria-live="assertive" aria-atomic="true">
          {current ? (
            <>
              <p className="display-invite">{vi('display.invite')}</p>
              <p className="display-code" data-testid="display-code">
                {current.displayCode}
              </p>
              <p className="display-counter">
                {vi('display.toCounter')} <strong>{current.counterLabel.toUpperCase()}</strong>
              </p>
              <p className="display-service">{current.serviceName}</p>
              {current.appointmentTime ? (
                <p className="display-appointment" data-testid="display-appointment">
                  {vi('display.appointment', { time: current.appointmentTime })}
                </p>
              ) : null}
              {/* The citizen who took the number in another language reads the call in it too. */}
              {current.language !== 'vi' ? (
                <p className="display-line-lang" lang={current.language} data-testid="display-line-lang">
                  {say(current.language, 'display.callLine', { code: current.displayCode, counter: current.counterNumber })}
                </p>
              ) : null}
            </>
          ) : (
            <p className="display-invite">{vi('display.takeNumber')}</p>
          )}
        </section>
        <section className="display-recent" aria-label={vi('display.recentLabel')}>
          <h2>{vi('display.recent')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{vi('display.code')}</th>
                <th scope="col">{vi('display.counter')}</th>
                <th scope="col">{vi('display.status')}</th>
              </tr>
            </thead>
            <tbody data-testid="recent-calls">
              {others.map((r) => (
                <tr key={r.call.id} className={`mark-${r.mark}`}>
                  <td className="code">{r.call.displayCode}</td>
                  <td>{r.call.counterNumber}</td>
                  <td>
                    {markIcon[r.mark]}
                    {markText[r.mark]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
      <section className="display-queue" aria-label={vi('display.waitingLabel')}>
        {state.data?.queue.map((q) => (
          <div key={q.serviceId} className="display-queue-item">
            <ServicePictogram icon={q.icon} />
            <span className="prefix">{q.prefix}</span>
            <span className="name">{q.name}</span>
            <span className="count">{vi('display.waiting', { n: q.waiting })}</span>
          </div>
        ))}
      </section>
      <footer className="display-ticker" aria-label={vi('display.ticker')}>
        <div className="ticker-track">{state.data?.ticker ?? ''}</div>
      </footer>
    </div>
  );
}
