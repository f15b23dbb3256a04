import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ServerMessage } from '../../contract/events';

/** A raw event-stream client, as an LED board or a third-party display would use it. */
export class EventClient {
  readonly messages: ServerMessage[] = [];
  /** performance.now() at which each message arrived (same index as `messages`). */
  readonly receivedAt: number[] = [];
  readonly closed: Promise<{ code: number }>;
  private readonly ws: WebSocket;
  private waiters: (() => void)[] = [];

  constructor(baseUrl: string, token: string, after = 0) {
    this.ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/events?after=${after}&token=${encodeURIComponent(token)}`);
    this.ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      this.receivedAt.push(performance.now());
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => this.ws.on('close', (code) => resolve({ code })));
  }

  calls() {
    return this.messages.flatMap((m) => (m.type === 'call' ? [m.call] : []));
  }

  /** Resolves when the predicate holds over the messages received so far (fails after a timeout). */
  async until(predicate: (c: this) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`timed out; messages: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /**
   * A ping answered by the server: everything it sent before reading the ping has arrived when
   * this resolves (one TCP stream, in order). Rejects if the socket closes instead.
   */
  roundTrip(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        reject(new Error(`socket not open (state ${this.ws.readyState}); messages: ${JSON.stringify(this.messages)}`));
        return;
      }
      const onClose = (code: number) => reject(new Error(`socket closed with ${code}; messages: ${JSON.stringify(this.messages)}`));
      this.ws.once('close', onClose);
      this.ws.once('pong', () => {
        this.ws.off('close', onClose);
        resolve();
      });
      this.ws.ping();
    });
  }

  close(): void {
    this.ws.close();
  }
}
