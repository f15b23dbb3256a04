import type { Principal } from '../../../contract/access';
import type { OpName, OpOutput, OpParsedInput } from '../../../contract/ops';
import type { AuditStore } from '../db/audit-store';
import type { CatalogStore } from '../db/catalog-store';
import type { CounterSessionStore } from '../db/counter-session-store';
import type { Db } from '../db/open';
import type { OutboxStore } from '../db/outbox-store';
import type { PeopleStore } from '../db/people-store';
import type { SiteStore } from '../db/site-store';
import type { PrintStore } from '../db/print-store';
import type { RatingStore } from '../db/rating-store';
import type { DossierStore } from '../db/dossier-store';
import type { SyncStore } from '../db/sync-store';
import type { RecoveryGate } from '../sync/recovery-gate';
import type { PrintSpooler } from '../print/spooler';
import type { ScannerHub } from '../devices/scanner-hub';
import type { TicketStore } from '../db/ticket-store';
import type { AppointmentStore } from '../db/appointment-store';
import type { WriteQueue } from '../db/write-queue';
import type { HubThrottles } from '../../core/attempt-throttle';
import type { Logger } from '../../../common/node/logger';
import type { HubBus, Notifications } from './bus';
import type { StorageHealth } from './storage-health';
import type { ClockWatch } from './clock-watch';
import type { ListenAddress } from './listen-address';

/** Everything a handler may use: the database through its stores, the clock, the bus. */
export interface HubDeps {
  readonly db: Db;
  /** Every change goes through here: group commit, one writer. */
  readonly writer: WriteQueue;
  /** Whether the hub can save (a full disk), learnt from its writes; best-effort writes go through it. */
  readonly storage: StorageHealth;
  /** The hub's clock against the central's (legal due times depend on it). */
  readonly siteClock: ClockWatch;
  readonly site: SiteStore;
  readonly catalog: CatalogStore;
  readonly people: PeopleStore;
  readonly sessions: CounterSessionStore;
  readonly tickets: TicketStore;
  readonly appointments: AppointmentStore;
  readonly ratings: RatingStore;
  readonly dossiers: DossierStore;
  readonly sync: SyncStore;
  /** Whether the desk may hand out numbers and codes while a restored copy fetches back what it lost. */
  readonly recovery: RecoveryGate;
  readonly printing: PrintStore;
  readonly spooler: PrintSpooler;
  readonly scanners: ScannerHub;
  readonly outbox: OutboxStore;
  readonly audit: AuditStore;
  readonly bus: HubBus;
  /** Structured log (`<data>/logs/`): never personal data, never secrets. */
  readonly log: Logger;
  /** Guessing of passwords, pairing codes and lookup codes: counted before each check (main/core/attempt-throttle.ts). */
  readonly throttle: HubThrottles;
  /** Injected so tests can run a day, a rollover or a week in a second. */
  readonly clock: () => number;
  readonly version: string;
  /** Where scans are stored; null for an in-memory hub. */
  readonly dataDir: string | null;
  /** Where the LAN server listens (set once it does): the addresses the "about" page shows. */
  readonly listening: ListenAddress;
}

export interface HandlerContext {
  readonly principal: Principal;
  readonly now: number;
  /** Client address, for throttling guesses and the audit log. */
  readonly clientAddress: string;
  readonly notify: Notifications;
}

export type Handler<K extends OpName> = (input: OpParsedInput<K>, ctx: HandlerContext) => OpOutput<K> | Promise<OpOutput<K>>;
export type Handlers = { readonly [K in OpName]: Handler<K> };
