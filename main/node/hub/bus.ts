import { EventEmitter } from 'node:events';
import type { Topic } from '../../../contract/events';
import type { Call } from '../../../contract/queue';

/** More about a change than its topics: which dossiers (for the pages showing them). */
export interface ChangeDetail {
  readonly dossierIds?: readonly string[];
}

export interface BusEvents {
  call: [Call];
  changed: [topics: Topic[], detail?: ChangeDetail];
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
  readonly dossierIds = new Set<string>();
  readonly ended: BusEvents['credentialEnded'][0][] = [];
  call(c: Call): void {
    this.calls.push(c);
    this.topics.add('queue');
  }
  changed(...topics: Topic[]): void {
    for (const t of topics) this.topics.add(t);
  }
  /** A dossier changed: pages showing it reload, and so do lists of dossiers. */
  dossier(id: string): void {
    this.topics.add('dossiers');
    this.dossierIds.add(id);
  }
  credentialEnded(e: BusEvents['credentialEnded'][0]): void {
    this.ended.push(e);
  }
  flush(bus: HubBus): void {
    for (const c of this.calls) bus.emit('call', c);
    if (this.topics.size > 0) bus.emit('changed', [...this.topics], this.dossierIds.size > 0 ? { dossierIds: [...this.dossierIds] } : undefined);
    for (const e of this.ended) bus.emit('credentialEnded', e);
  }
}
