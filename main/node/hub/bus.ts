import { EventEmitter } from 'node:events';
import type { Topic } from '../../../contract/events';
import type { Call } from '../../../contract/queue';

export interface BusEvents {
  call: [Call];
  changed: [Topic[]];
  /** A device token or staff session stopped being valid: close its sockets now. */
  credentialEnded: [{ deviceId?: string; authSessionId?: string; staffId?: string }];
  /** A serial scanner read a code at a counter. */
  scan: [{ counterId: string; text: string }];
}

/** In-process fan-out from the hub to its transports. Emitted only after a transaction commits. */
export class HubBus extends EventEmitter<BusEvents> {}

/**
 * What a handler wants announced. Collected during the handler and flushed by the hub only when
 * the handler succeeded, so no screen ever hears about a change that was rolled back.
 */
export class Notifications {
  readonly calls: Call[] = [];
  readonly topics = new Set<Topic>();
  readonly ended: BusEvents['credentialEnded'][0][] = [];
  call(c: Call): void {
    this.calls.push(c);
    this.topics.add('queue');
  }
  changed(...topics: Topic[]): void {
    for (const t of topics) this.topics.add(t);
  }
  credentialEnded(e: BusEvents['credentialEnded'][0]): void {
    this.ended.push(e);
  }
  flush(bus: HubBus): void {
    for (const c of this.calls) bus.emit('call', c);
    if (this.topics.size > 0) bus.emit('changed', [...this.topics]);
    for (const e of this.ended) bus.emit('credentialEnded', e);
  }
}
