import '../../../contract/locale';
import { uptime } from 'node:os';
import type { Principal } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import { isOpName, ops, type OpName, type OpOutput } from '../../../contract/ops';
import { authorize } from '../../core/access';
import { hubThrottles } from '../../core/attempt-throttle';
import { fallbackLogger, type Logger } from '../../../common/node/logger';
import { AuditStore } from '../db/audit-store';
import { CatalogStore } from '../db/catalog-store';
import { CounterSessionStore } from '../db/counter-session-store';
import type { Db } from '../db/open';
import { OutboxStore } from '../db/outbox-store';
import { PeopleStore } from '../db/people-store';
import { SiteStore } from '../db/site-store';
import { PrintStore } from '../db/print-store';
import { RatingStore } from '../db/rating-store';
import { DossierStore } from '../db/dossier-store';
import { SyncStore } from '../db/sync-store';
import { PrintSpooler, type SpoolerOptions } from '../print/spooler';
import { ScannerHub } from '../devices/scanner-hub';
import { TicketStore } from '../db/ticket-store';
import { WriteQueue } from '../db/write-queue';
import { authHandlers } from './auth-handlers';
import { authenticate } from './authenticate';
import { HubBus, Notifications } from './bus';
import { catalogHandlers } from './catalog-handlers';
import { setupHandlers } from './setup-handlers';
import type { Handlers, HubDeps } from './context';
import { counterHandlers } from './counter-handlers';
import { counterCloseCheckHandlers } from './counter-close-check';
import { counterUndoHandlers } from './counter-undo-handlers';
import { displayHandlers } from './display-handlers';
import { ratingHandlers } from './rating-handlers';
import { printHandlers } from './print-handlers';
import { dossierHandlers } from './dossier-handlers';
import { procedureHandlers } from './procedure-handlers';
import { kioskProcedureHandlers } from './kiosk-procedure-handlers';
import { syncHandlers } from './sync-handlers';
import { diagnosticsHandlers } from './diagnostics-handlers';
import { backupHandlers } from './backup-handlers';
import { reportHandlers } from './report-handlers';
import { BackupService, type BackupServiceOptions } from '../backup/backup-service';
import { ListenAddress } from './listen-address';
import { RecoveryGate } from '../sync/recovery-gate';
import { SyncWorker, type SyncWorkerOptions } from '../sync/worker';
import { ticketHandlers } from './ticket-handlers';
import { appointmentHandlers } from './appointment-handlers';
import { AppointmentStore } from '../db/appointment-store';
import { ReportReader } from '../reports/report-reader';
import { TicketFolding } from './ticket-folding';
import { StorageHealth } from './storage-health';
import { ClockWatch } from './clock-watch';
import { isDiskFull } from '../../core/storage-health';

export interface HubOptions {
  readonly db: Db;
  readonly clock?: () => number;
  /**
   * Elapsed time that setting the PC's clock does not move: the system's uptime, which (unlike
   * performance.now) goes on while the PC sleeps — a night asleep is not a clock jumping ahead. A
   * test that moves `clock` by hand gets the same clock here unless it says otherwise: its jumps
   * are not skew.
   */
  readonly monotonic?: () => number;
  readonly version?: string;
  readonly spooler?: SpoolerOptions;
  readonly sync?: SyncWorkerOptions;
  readonly dataDir?: string | null;
  readonly log?: Logger;
  readonly backup?: BackupServiceOptions;
  /** A better-sqlite3 binary built for another runtime (the Electron shell's), for the report reader's connection. */
  readonly nativeBinding?: string;
}

/**
 * The site hub's core service: one handler per contract operation, reached through `invoke`
 * by every transport. `invoke` authenticates, authorizes, validates, runs the handler, and only
 * after the handler returned (its transaction committed) announces the changes on the bus.
 */
export class Hub {
  readonly deps: HubDeps;
  readonly bus = new HubBus();
  readonly sync: SyncWorker;
  readonly backups: BackupService;
  /** The period reports' own thread and connection (main/node/reports/report-reader.ts). */
  readonly reports: ReportReader;
  /** The ticket events folded for the reports, off the ticket's own path (ticket-folding.ts). */
  readonly folding: TicketFolding;
  private readonly handlers: Handlers;

  constructor(options: HubOptions) {
    const db = options.db;
    const outbox = new OutboxStore(db);
    const printing = new PrintStore(db);
    const clock = options.clock ?? Date.now;
    const log = options.log ?? fallbackLogger('hub');
    const storage = new StorageHealth({ log: log.child({ component: 'storage' }), bus: this.bus, clock });
    const writer = new WriteQueue(db, storage);
    const site = new SiteStore(db);
    const monotonic = options.monotonic ?? options.clock ?? (() => uptime() * 1000);
    this.deps = {
      db,
      writer,
      storage,
      siteClock: new ClockWatch({ site, bus: this.bus, log: log.child({ component: 'clock' }), clock, monotonic }),
      site,
      catalog: new CatalogStore(db),
      people: new PeopleStore(db),
      sessions: new CounterSessionStore(db),
      tickets: new TicketStore(db, outbox),
      appointments: new AppointmentStore(db, outbox),
      ratings: new RatingStore(db, outbox),
      dossiers: new DossierStore(db, outbox),
      sync: new SyncStore(db),
      recovery: new RecoveryGate(site),
      printing,
      spooler: new PrintSpooler({ printing, writer, bus: this.bus, clock, log: log.child({ component: 'print' }) }, options.spooler),
      scanners: new ScannerHub(this.bus),
      outbox,
      audit: new AuditStore(db),
      bus: this.bus,
      log,
      throttle: hubThrottles(),
      clock,
      version: options.version ?? '0.0.0',
      dataDir: options.dataDir ?? null,
      listening: new ListenAddress(),
    };
    this.sync = new SyncWorker(this.deps, options.sync);
    this.backups = new BackupService(this.deps, options.backup);
    this.folding = new TicketFolding(this.deps);
    this.reports = new ReportReader({ file: db.name, nativeBinding: options.nativeBinding ?? null, log: log.child({ component: 'reports' }) });
    this.handlers = {
      ...authHandlers(this.deps),
      ...catalogHandlers(this.deps),
      ...setupHandlers(this.deps),
      ...ticketHandlers(this.deps),
      ...appointmentHandlers(this.deps),
      ...counterHandlers(this.deps),
      ...counterUndoHandlers(this.deps),
      ...counterCloseCheckHandlers(this.deps),
      ...displayHandlers(this.deps),
      ...ratingHandlers(this.deps),
      ...printHandlers(this.deps),
      ...procedureHandlers(this.deps),
      ...kioskProcedureHandlers(this.deps),
      ...dossierHandlers(this.deps),
      ...syncHandlers(this.deps, this.sync),
      ...diagnosticsHandlers(this.deps, this.sync),
      ...backupHandlers(this.deps, this.backups),
      ...reportHandlers(this.deps, this.reports, this.folding),
    };
  }

  /** Who a bearer token belongs to (for the event stream, which authenticates once per socket). */
  principalOf(token: string | null): Principal {
    return authenticate(this.deps, token, this.deps.clock());
  }

  async invoke(name: string, input: unknown, token: string | null, clientAddress: string): Promise<unknown> {
    if (!isOpName(name)) throw new HubError('NOT_FOUND', `Không có thao tác ${name}.`);
    return this.run(name, input, token, clientAddress);
  }

  /**
   * Who may call `name` with this token, or the error they get: checked by `invoke`, and by a
   * transport before it accepts a large body (a file upload) from someone who may not send it.
   */
  admit(name: OpName, token: string | null, now: number = this.deps.clock()): Principal {
    const def = ops[name];
    let principal: Principal;
    try {
      principal = authenticate(this.deps, token, now);
    } catch (e) {
      // A stale token must not stop someone from logging in or pairing again.
      if (!('public' in def.access)) throw e;
      principal = { kind: 'anonymous' };
    }
    authorize(def.access, principal);
    return principal;
  }

  private async run<K extends OpName>(name: K, input: unknown, token: string | null, clientAddress: string): Promise<OpOutput<K>> {
    const def = ops[name];
    const now = this.deps.clock();
    const principal = this.admit(name, token, now);
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new HubError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ')}`, { issues });
    }
    const notify = new Notifications();
    const handler = this.handlers[name] as (input: unknown, ctx: Parameters<Handlers[K]>[1]) => Promise<OpOutput<K>> | OpOutput<K>;
    try {
      const output = await handler(parsed.data, { principal, now, clientAddress, notify });
      notify.flush(this.bus);
      return output;
    } catch (e) {
      // The write queue has seen its own failures; this also catches files (a scan) that did not fit.
      this.deps.storage.failed(e);
      throw asHubError(e);
    }
  }
}

/**
 * Database constraint failures become a CONFLICT the user can read, a full disk DISK_FULL (a stable
 * code the screens act on); anything unknown stays as it is (INTERNAL at the transport).
 */
function asHubError(e: unknown): unknown {
  if (e instanceof HubError) return e;
  if (isDiskFull(e)) return new HubError('DISK_FULL');
  if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    const column = /: ([\w.]+)(,|$)/.exec(e.message)?.[1] ?? '';
    return new HubError('CONFLICT', 'Dữ liệu bị trùng hoặc không còn phù hợp với dữ liệu hiện có. Vui lòng kiểm tra và thử lại.', { constraint: column || e.code });
  }
  return e;
}
