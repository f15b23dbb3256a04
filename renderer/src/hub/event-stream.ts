import { HubError, isErrorCode } from '../../../contract/errors';
import { eventsPath, type ServerMessage, type Topic } from '../../../contract/events';
import type { Call } from '../../../contract/queue';
import type { ChangeDetail } from './changes';
import { afterStreamClose } from './credential';

export type StreamStatus = 'connecting' | 'online' | 'offline' | 'ended';

export interface StreamHandlers {
  onCall?(call: Call): void;
  /** A serial scanner at this officer's counter read a code. */
  onScan?(text: string): void;
  /** "This changed, fetch it again." A fresh connection says "everything". */
  onChanged?(topics: readonly Topic[] | 'all', detail?: ChangeDetail): void;
  onStatus?(status: StreamStatus, error?: HubError): void;
  /** Server clock minus this clock, in ms (the display shows the hub's time). */
  onClockOffset?(offsetMs: number): void;
}

/**
 * The hub's event stream with reconnection. Each connection asks for every call after the last
 * one delivered, so nothing is lost while the hub restarts or the Wi-Fi drops; reconnects back off
 * (with jitter, so twenty screens do not knock at once); a `bye` for a credential that is gone
 * (revoked device, expired session) ends it for good instead of looping. The hub's own trouble
 * (a full disk: close 1013) is waited out like a restart, with the credential kept.
 */
export class EventStream {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly token: () => string | null,
    /** null = live calls only. */
    private readonly lastCallId: () => number | null,
    private readonly h: StreamHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }

  private connect(): void {
    const token = this.token();
    if (!token) {
      this.h.onStatus?.('ended', new HubError('UNAUTHENTICATED'));
      return;
    }
    this.h.onStatus?.('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const after = this.lastCallId();
    const ws = new WebSocket(`${scheme}://${location.host}${eventsPath}?token=${encodeURIComponent(token)}${after === null ? '' : `&after=${after}`}`);
    this.ws = ws;
    let bye: HubError | null = null;
    ws.onmessage = (e: MessageEvent<string>) => {
      const m = JSON.parse(e.data) as ServerMessage;
      if (m.type === 'hello') {
        this.attempt = 0;
        this.h.onClockOffset?.(Date.parse(m.serverTime) - Date.now());
        this.h.onStatus?.('online');
        this.h.onChanged?.('all');
      } else if (m.type === 'call') this.h.onCall?.(m.call);
      else if (m.type === 'changed') this.h.onChanged?.(m.topics, m.dossierIds ? { dossierIds: m.dossierIds } : undefined);
      else if (m.type === 'scan') this.h.onScan?.(m.text);
      // A code this screen does not know is not a reason to forget its credential.
      else if (m.type === 'bye') bye = new HubError(isErrorCode(m.error.code) ? m.error.code : 'INTERNAL', m.error.message);
    };
    ws.onclose = () => {
      if (this.ws !== ws || this.stopped) return;
      if (bye && afterStreamClose(bye) === 'ended') {
        this.h.onStatus?.('ended', bye);
        return;
      }
      this.h.onStatus?.('offline', new HubError('HUB_UNREACHABLE'));
      const delay = Math.min(15_000, 500 * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }
}
