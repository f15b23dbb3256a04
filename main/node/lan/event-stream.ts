import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal } from '../../../contract/access';
import { HubError, isCredentialLost } from '../../../contract/errors';
import { closeCodes, type ServerMessage } from '../../../contract/events';
import type { Call } from '../../../contract/queue';
import type { Logger } from '../../../common/node/logger';
import type { Hub } from '../hub/hub';

const REPLAY_PAGE = 500;
const HEARTBEAT_MS = 20_000;
/** Credentials of open sockets are checked again this often (a session can expire while a screen stays open). */
const RECHECK_MS = 60_000;
/** How often the sync worker's state is looked at, to tell staff screens when it flips. */
const SYNC_WATCH_MS = 1000;

interface Client {
  readonly ws: WebSocket;
  readonly token: string;
  principal: Principal;
  lastCallId: number;
  alive: boolean;
}

/** Who may receive calls on the stream (kiosks get only change hints). */
function receivesCalls(p: Principal): boolean {
  return p.kind === 'staff' || (p.kind === 'device' && (p.deviceKind === 'display' || p.deviceKind === 'rating'));
}

/**
 * The WebSocket event stream at /api/events. A client says which call it saw last (`after`); the
 * server replays every later call from the database, then forwards new ones as they commit, so
 * a display that was offline or reconnecting never loses a call and never sees one twice.
 */
export class EventStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Set<Client>();
  private readonly timers: NodeJS.Timeout[];
  private readonly log: Logger;
  private syncSeen = '';

  constructor(private readonly hub: Hub) {
    this.log = hub.deps.log.child({ component: 'events' });
    hub.bus.on('call', (call) => {
      for (const c of this.clients) this.sendCall(c, call);
    });
    hub.bus.on('changed', (topics, detail) => {
      // Dossiers are staff business: devices hear neither the topic nor the ids.
      const forDevices = topics.filter((t) => t !== 'dossiers');
      const dossierIds = detail?.dossierIds ? [...detail.dossierIds] : undefined;
      for (const c of this.clients) {
        if (c.principal.kind === 'staff') send(c.ws, { type: 'changed', topics, ...(dossierIds ? { dossierIds } : {}) });
        else if (forDevices.length > 0) send(c.ws, { type: 'changed', topics: forDevices });
      }
    });
    hub.bus.on('scan', ({ counterId, text }) => {
      for (const c of this.clients) {
        if (c.principal.kind !== 'staff') continue;
        if (hub.deps.sessions.openForStaff(c.principal.staffId)?.counter_id === counterId) send(c.ws, { type: 'scan', text });
      }
    });
    hub.bus.on('credentialEnded', (e) => {
      for (const c of this.clients) {
        const p = c.principal;
        const hit =
          (p.kind === 'device' && p.deviceId === e.deviceId) ||
          (p.kind === 'staff' && (p.sessionId === e.authSessionId || p.staffId === e.staffId));
        if (hit) this.recheck(c);
      }
    });
    this.timers = [
      setInterval(() => this.heartbeat(), HEARTBEAT_MS),
      setInterval(() => {
        for (const c of this.clients) this.recheck(c);
      }, RECHECK_MS),
      setInterval(() => this.watchSync(), SYNC_WATCH_MS),
    ];
    for (const t of this.timers) t.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://hub');
    const token = url.searchParams.get('token') ?? '';
    // No `after`: live calls only (a counter or kiosk has no use for history).
    const raw = url.searchParams.get('after');
    const after = raw === null ? null : Math.max(0, Number.parseInt(raw, 10) || 0);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // First of all: a protocol error (an unmasked or oversized frame) or a reset from a client
      // is emitted on the socket, and an 'error' nobody listens to would end the hub.
      ws.on('error', (e: Error) => this.hub.deps.log.debug({ component: 'events', err: e }, 'event stream client error'));
      this.accept(ws, token, after);
    });
  }

  private accept(ws: WebSocket, token: string, after: number | null): void {
    try {
      this.subscribe(ws, token, after);
    } catch (e) {
      // Accept, explain, close: a browser cannot read the status of a refused upgrade.
      this.refuse(ws, e);
    }
  }

  private subscribe(ws: WebSocket, token: string, after: number | null): void {
    const principal = this.hub.principalOf(token || null);
    if (principal.kind === 'anonymous') throw new HubError('UNAUTHENTICATED');
    const tickets = this.hub.deps.tickets;
    const client: Client = { ws, token, principal, lastCallId: after ?? tickets.lastCallId(), alive: true };
    ws.on('pong', () => (client.alive = true));
    // After an error 'close' follows, so this is the one place a client leaves.
    ws.on('close', () => this.clients.delete(client));
    send(ws, { type: 'hello', serverTime: new Date(this.hub.deps.clock()).toISOString(), lastCallId: tickets.lastCallId() });
    // Replay and subscription happen in one synchronous run: no call can commit in between.
    if (receivesCalls(principal)) {
      for (;;) {
        const page = tickets.callsSince(client.lastCallId, REPLAY_PAGE);
        for (const call of page) this.sendCall(client, call);
        if (page.length < REPLAY_PAGE) break;
      }
    }
    this.clients.add(client);
  }

  private sendCall(c: Client, call: Call): void {
    if (call.id <= c.lastCallId || !receivesCalls(c.principal)) return;
    c.lastCallId = call.id;
    send(c.ws, { type: 'call', call });
  }

  private recheck(c: Client): void {
    try {
      c.principal = this.hub.principalOf(c.token);
    } catch (e) {
      this.clients.delete(c);
      this.refuse(c.ws, e);
    }
  }

  /**
   * Closes a socket whose credential could not be confirmed. Only a credential that is really gone
   * gets `bye` and 4401 (the screen forgets it and asks to log in or pair again); trouble of the
   * hub's own closes with 1013 (known, e.g. a full disk) or 1011 (unexpected, logged), and the
   * screen reconnects later with its credential.
   */
  private refuse(ws: WebSocket, e: unknown): void {
    if (e instanceof HubError && isCredentialLost(e.code)) {
      send(ws, { type: 'bye', error: e.toEnvelope().error });
      ws.close(closeCodes.unauthorized, e.code);
    } else if (e instanceof HubError) {
      ws.close(closeCodes.tryAgainLater, e.code);
    } else {
      this.log.error({ err: e }, 'event stream: could not check a credential');
      ws.close(closeCodes.internalError, 'INTERNAL');
    }
  }

  /**
   * The sync worker runs on its own, outside any operation, so nothing announces its state: when
   * it goes on- or offline, gets enrolled, hits a conflict or a new kind of error, staff screens
   * hear "sync changed" and fetch `sync.status` (the counters' badge). In-memory, no database.
   * Not on the bus: the worker itself starts a run on every bus change.
   */
  private watchSync(): void {
    const s = this.hub.sync.state();
    const seen = [s.enrolled, s.online, s.conflict?.seq ?? '', s.lastError?.code ?? ''].join('|');
    if (seen === this.syncSeen) return;
    const first = this.syncSeen === '';
    this.syncSeen = seen;
    if (first) return;
    for (const c of this.clients) if (c.principal.kind === 'staff') send(c.ws, { type: 'changed', topics: ['sync'] });
  }

  private heartbeat(): void {
    for (const c of this.clients) {
      if (!c.alive) {
        this.clients.delete(c);
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    for (const c of this.clients) c.ws.close(closeCodes.goingAway, 'hub stopping');
    this.clients.clear();
    this.wss.close();
  }
}

function send(ws: WebSocket, m: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
}
