import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createHubClient, type HubClient, type Transport } from '../../../contract/client';
import { HubError } from '../../../contract/errors';
import type { Call } from '../../../contract/queue';
import { ChangeBus } from './changes';
import { forgetsCredential } from './credential';
import { EventStream, type StreamStatus } from './event-stream';
import { httpTransport } from './http-transport';

export interface HubSession {
  readonly client: HubClient;
  readonly changes: ChangeBus;
  readonly status: StreamStatus;
  /** Hub clock minus this machine's clock. */
  readonly clockOffset: number;
  onCall(listener: (call: Call) => void): () => void;
  onScan(listener: (text: string) => void): () => void;
}

const Ctx = createContext<HubSession | null>(null);

export function useHub(): HubSession {
  const s = useContext(Ctx);
  if (!s) throw new Error('useHub outside HubProvider');
  return s;
}

/**
 * One connection to the hub for a screen: the typed client (an expired or revoked credential
 * from any call reports `onLost`), the event stream and its status, and the change hints.
 * `lastCallId` = null: live calls only; a function: resume after that call (displays).
 */
export function HubProvider(props: {
  token: string;
  lastCallId: (() => number) | null;
  onLost: (error: HubError) => void;
  children: ReactNode;
}) {
  const { token, onLost } = props;
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [clockOffset, setClockOffset] = useState(0);
  const changes = useMemo(() => new ChangeBus(), []);
  const callListeners = useRef(new Set<(c: Call) => void>());
  const scanListeners = useRef(new Set<(text: string) => void>());
  const lostRef = useRef(onLost);
  lostRef.current = onLost;
  const lastCallRef = useRef(props.lastCallId);
  lastCallRef.current = props.lastCallId;

  const client = useMemo(() => {
    const base = httpTransport(location.origin, () => token);
    const guarded: Transport = async (name, input) => {
      try {
        return await base(name, input);
      } catch (e) {
        if (forgetsCredential(e)) lostRef.current(e);
        throw e;
      }
    };
    return createHubClient(guarded);
  }, [token]);

  useEffect(() => {
    const stream = new EventStream(
      () => token,
      () => lastCallRef.current?.() ?? null,
      {
        onCall: (c) => callListeners.current.forEach((l) => l(c)),
        onScan: (text) => scanListeners.current.forEach((l) => l(text)),
        onChanged: (t, detail) => changes.emit(t, detail),
        onClockOffset: setClockOffset,
        onStatus: (s, err) => {
          setStatus(s);
          if (s === 'ended' && forgetsCredential(err)) lostRef.current(err);
        },
      },
    );
    stream.start();
    return () => stream.stop();
  }, [token, changes]);

  const value = useMemo<HubSession>(
    () => ({
      client,
      changes,
      status,
      clockOffset,
      onCall: (l) => {
        callListeners.current.add(l);
        return () => callListeners.current.delete(l);
      },
      onScan: (l) => {
        scanListeners.current.add(l);
        return () => scanListeners.current.delete(l);
      },
    }),
    [client, changes, status, clockOffset],
  );
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}

/** A client with no credential, for login and pairing. */
export function anonymousClient(): HubClient {
  return clientWithToken(null);
}

/** A one-off client for a token that is not (yet) the screen's stored credential. */
export function clientWithToken(token: string | null): HubClient {
  return createHubClient(httpTransport(location.origin, () => token));
}
