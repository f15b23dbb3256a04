import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupLocation, BackupReason, BackupSettings, BackupStatus, BackupSetView } from '../../../contract/backups';
import { HubError } from '../../../contract/errors';
import type { OpOutput, OpParsedInput } from '../../../contract/ops';
import { writeFileAtomic } from '../../../common/node/atomic-file';
import { backupProblems, defaultKeepPolicy, newestUpTo, nextBackupAt, START_GRACE_MS, type KeepPolicy } from '../../core/backup-rules';
import { backupSummary, problemText } from '../../core/backup-texts';
import { isoOrNull } from '../../core/vn-time';
import type { HubDeps } from '../hub/context';
import { isFolder, listSets, localRoot, LOCATIONS_FILE, readLocation, rotate, secondRoot, setView, type StoredSet } from './backup-sets';
import { ensureLocationKey, keyForPassphrase, keyFromLocation, type StoredKey } from './location-key';
import { stageRestore } from './restore';
import { copySet, takeBackup } from './take-backup';

/** The `backup` setting. */
interface StoredSettings {
  readonly intervalHours: number;
  readonly secondLocation: string | null;
  readonly keep: KeepPolicy;
  readonly encryption: StoredKey | null;
}

export const BACKUP_SETTINGS_KEY = 'backup';
const defaults: StoredSettings = { intervalHours: 4, secondLocation: null, keep: defaultKeepPolicy, encryption: null };

export interface BackupServiceOptions {
  readonly pagesPerStep?: number;
  readonly nativeBinding?: string;
  /** Called once a restore is staged: the hub must close its database and start again on the copy. */
  readonly onRestartRequested?: () => void;
  /** Longest sleep of the scheduler before it looks again (settings and the clock may change meanwhile). */
  readonly maxSleepMs?: number;
  /** No automatic backup sooner than this after the start (default START_GRACE_MS). */
  readonly startGraceMs?: number;
}

/**
 * The hub's backups (docs/OPERATIONS.md, "Sao lưu và khôi phục"): a set every N hours while the
 * hub runs, before a migration (start-hub.ts) and before an update is installed (the updater
 * calls `create('update')`), to the data folder and then to the second location, each rotated.
 * Runs are one at a time; a request during a run waits for it and then runs its own.
 */
export class BackupService {
  private chain: Promise<unknown> = Promise.resolve();
  private busy = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private lastRun: { at: number; ok: boolean; message: string | null } | null = null;
  /** The first automatic backup waits until then (set by `start`). */
  private notBefore = 0;
  private readonly log: HubDeps['log'];

  constructor(private readonly deps: HubDeps, private readonly options: BackupServiceOptions = {}) {
    this.log = deps.log.child({ component: 'backup' });
  }

  private stored(): StoredSettings {
    return { ...defaults, ...(this.deps.site.get<Partial<StoredSettings>>(BACKUP_SETTINGS_KEY) ?? {}) };
  }

  private dataDir(): string {
    if (!this.deps.dataDir) throw new HubError('CONFLICT', 'Hub chạy không có thư mục dữ liệu (trong bộ nhớ): không có gì để sao lưu.');
    return this.deps.dataDir;
  }

  settings(): BackupSettings {
    const s = this.stored();
    return { intervalHours: s.intervalHours, secondLocation: s.secondLocation, keep: s.keep, encrypted: s.encryption !== null };
  }

  async saveSettings(input: OpParsedInput<'backups.saveSettings'>): Promise<BackupSettings> {
    const current = this.stored();
    let encryption = current.encryption;
    if (input.encryption.mode === 'off') encryption = null;
    if (input.encryption.mode === 'set') {
      if (input.secondLocation === null) throw new HubError('VALIDATION_FAILED', 'Mã hóa chỉ dùng cho nơi sao lưu thứ hai: hãy chọn thư mục đó trước.');
      const root = secondRoot(input.secondLocation);
      encryption = await keyForPassphrase((await isFolder(root)) ? root : null, input.encryption.passphrase);
    }
    const next: StoredSettings = { intervalHours: input.intervalHours, secondLocation: input.secondLocation, keep: input.keep, encryption };
    await this.deps.writer.run(() => this.deps.site.set(BACKUP_SETTINGS_KEY, next));
    // A hub whose database is broken cannot read its settings: the refusal names the backups on
    // the second location from this note (no secret in it).
    await mkdir(localRoot(this.dataDir()), { recursive: true });
    writeFileAtomic(join(localRoot(this.dataDir()), LOCATIONS_FILE), JSON.stringify({ second: input.secondLocation }));
    this.schedule();
    return this.settings();
  }

  async status(): Promise<BackupStatus> {
    const now = this.deps.clock();
    const s = this.stored();
    const localPath = localRoot(this.dataDir());
    const localContents = await readLocation(localPath);
    const localSets = localContents.sets;
    const unreadable = [{ path: localPath, sets: localContents.unreadable }];
    const localNewest = newestUpTo(localSets.map(dated), now);
    let second: BackupStatus['second'] = null;
    let secondFacts: { path: string; reachable: boolean; newestAt: number | null } | null = null;
    if (s.secondLocation !== null) {
      const reachable = await isFolder(s.secondLocation);
      const contents = reachable ? await readLocation(secondRoot(s.secondLocation)) : null;
      const sets = contents?.sets ?? [];
      if (contents) unreadable.push({ path: secondRoot(s.secondLocation), sets: contents.unreadable });
      const newestAt = newestUpTo(sets.map(dated), now);
      secondFacts = { path: s.secondLocation, reachable, newestAt };
      second = { path: s.secondLocation, reachable, newestAt: isoOrNull(newestAt), sets: sets.map((x) => setView(x, 'second')) };
    }
    const lastError = this.lastRun && !this.lastRun.ok ? this.lastRun.message : null;
    const problems = backupProblems({ now, intervalHours: s.intervalHours, localNewestAt: localNewest, second: secondFacts, lastError, unreadable });
    return {
      settings: this.settings(),
      local: { path: localPath, reachable: true, newestAt: isoOrNull(localNewest), sets: localSets.map((x) => setView(x, 'local')) },
      second,
      running: this.busy > 0,
      lastRun: this.lastRun && { at: new Date(this.lastRun.at).toISOString(), ok: this.lastRun.ok, message: this.lastRun.message },
      nextAt: this.stopped ? null : new Date(nextBackupAt(localNewest, now, s.intervalHours, this.notBefore)).toISOString(),
      summary: backupSummary(now, { path: localPath, newestAt: localNewest }, secondFacts && { path: secondFacts.path, newestAt: secondFacts.newestAt }),
      warnings: problems.map((p) => ({ kind: p.kind, message: problemText(p) })),
      serverTime: new Date(now).toISOString(),
    };
  }

  /** Takes a set now (after the run under way, if any). */
  create(reason: BackupReason): Promise<OpOutput<'backups.create'>> {
    return this.serial(() => this.run(reason));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    const result = this.chain.then(work).finally(() => {
      this.busy--;
    });
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async run(reason: BackupReason): Promise<OpOutput<'backups.create'>> {
    const s = this.stored();
    const dataDir = this.dataDir();
    const now = this.deps.clock();
    let local: StoredSet;
    try {
      local = await takeBackup({
        db: this.deps.db, dataDir, root: localRoot(dataDir), reason, appVersion: this.deps.version, now,
        ...(this.options.pagesPerStep ? { pagesPerStep: this.options.pagesPerStep } : {}),
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      });
      await this.rotate(localRoot(dataDir), s.keep, local.manifest.id);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.lastRun = { at: now, ok: false, message };
      this.log.error({ err: e, reason }, 'backup failed');
      throw e instanceof HubError ? e : new HubError('INTERNAL', `Sao lưu không thành công: ${message}`);
    }
    let second: BackupSetView | null = null;
    let secondError: { code: string; message: string } | null = null;
    if (s.secondLocation !== null) {
      try {
        second = setView(await this.copyToSecond(local, s.secondLocation, s), 'second');
      } catch (e) {
        const err = e instanceof HubError ? e : new HubError('BACKUP_LOCATION_UNAVAILABLE', `Không chép được bản sao lưu sang ${s.secondLocation}: ${e instanceof Error ? e.message : String(e)}`);
        secondError = { code: err.code, message: err.message };
        this.log.warn({ err: e, location: s.secondLocation }, 'backup not copied to the second location');
      }
    }
    this.lastRun = { at: now, ok: secondError === null, message: secondError?.message ?? null };
    this.log.info({ id: local.manifest.id, reason, bytes: local.manifest.database.size, scans: local.manifest.scans.length, second: second !== null }, 'backup taken');
    return { local: setView(local, 'local'), second, secondError };
  }

  private async copyToSecond(set: StoredSet, location: string, s: StoredSettings): Promise<StoredSet> {
    if (!(await isFolder(location))) {
      throw new HubError('BACKUP_LOCATION_UNAVAILABLE', `Không thấy nơi sao lưu thứ hai ${location} (ổ USB chưa cắm?). Bản sao lưu chỉ được lưu trong thư mục dữ liệu.`);
    }
    const root = secondRoot(location);
    await mkdir(root, { recursive: true });
    const copy = s.encryption
      ? await copySet(set, root, { kind: 'encrypt', key: await ensureLocationKey(root, s.encryption) })
      : await copySet(set, root);
    await this.rotate(root, s.keep, copy.manifest.id);
    return copy;
  }

  /** Rotates a location; the sets it had to keep because their manifest is unreadable are logged (the status shows them). */
  private async rotate(root: string, keep: KeepPolicy, protect: string): Promise<void> {
    const { removed, unreadable } = await rotate(root, keep, protect);
    if (removed.length > 0) this.log.info({ root, removed }, 'backup sets rotated out');
    if (unreadable.length > 0) this.log.warn({ root, unreadable }, 'backup sets with an unreadable manifest kept (their scans too)');
  }

  /** Copies a set taken outside a run (before a migration) to the second location, and rotates. */
  replicate(set: StoredSet): Promise<void> {
    return this.serial(async () => {
      const s = this.stored();
      if (s.secondLocation === null) return;
      try {
        await this.copyToSecond(set, s.secondLocation, s);
      } catch (e) {
        this.lastRun = { at: this.deps.clock(), ok: false, message: e instanceof Error ? e.message : String(e) };
        this.log.warn({ err: e }, 'the backup taken before the migration was not copied to the second location');
        throw e;
      }
    });
  }

  /**
   * Checks and stages a set for restoring (restore.ts), then asks the hub to restart on it. The
   * hub's own key opens an encrypted set; a typed passphrase opens one made with another.
   * `found` runs once the set is known to exist, before anything is staged (the audit line).
   */
  restore(input: OpParsedInput<'backups.restore'>, found: () => Promise<void>): Promise<OpOutput<'backups.restore'>> {
    return this.serial(async () => {
      const dataDir = this.dataDir();
      const set = await this.find(input.id, input.location);
      await found();
      let key: Buffer | null = null;
      if (set.manifest.encrypted) {
        const root = join(set.dir, '..', '..');
        const own = this.stored().encryption;
        key = input.passphrase ? await keyFromLocation(root, input.passphrase) : own ? Buffer.from(own.secretKey, 'base64') : null;
      }
      await stageRestore(dataDir, set, key, this.options.nativeBinding);
      // No automatic backup of the database that is about to be replaced.
      this.stopped = true;
      if (this.timer) clearTimeout(this.timer);
      this.log.warn({ id: set.manifest.id, location: input.location }, 'restore staged; the hub restarts on the copy');
      const restart = this.options.onRestartRequested;
      if (!restart) throw new HubError('CONFLICT', 'Hub này không tự khởi động lại được: hãy tắt rồi bật lại hub để hoàn tất khôi phục.');
      // After the answer has left: the screen learns the restore started before the hub goes away.
      setTimeout(restart, 200);
      return { backupId: set.manifest.id, takenAt: set.manifest.takenAt, restarting: true as const };
    });
  }

  private async find(id: string, location: BackupLocation): Promise<StoredSet> {
    const s = this.stored();
    const root = location === 'local' ? localRoot(this.dataDir()) : s.secondLocation && secondRoot(s.secondLocation);
    const set = root ? (await listSets(root)).find((x) => x.manifest.id === id) : undefined;
    if (!set) throw new HubError('NOT_FOUND', `Không tìm thấy bản sao lưu ${id}${location === 'second' ? ' ở nơi sao lưu thứ hai (ổ đã cắm chưa?)' : ''}.`);
    return set;
  }

  /** Starts the automatic backups: the first one when the newest set is older than the interval, not in the first minutes. */
  start(): void {
    this.stopped = false;
    this.notBefore = this.deps.clock() + (this.options.startGraceMs ?? START_GRACE_MS);
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  private schedule(): void {
    if (this.stopped || !this.deps.dataDir) return;
    if (this.timer) clearTimeout(this.timer);
    void listSets(localRoot(this.deps.dataDir)).then((sets) => {
      if (this.stopped) return;
      const now = this.deps.clock();
      const due = nextBackupAt(newestUpTo(sets.map(dated), now), now, this.stored().intervalHours, this.notBefore);
      const wait = Math.min(Math.max(0, due - now), this.options.maxSleepMs ?? 3_600_000);
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (due > this.deps.clock()) return this.schedule();
        // A failure is logged and shown in the status; the next round still comes.
        void this.create('scheduled').catch(() => undefined).finally(() => this.schedule());
      }, wait);
      this.timer.unref();
    });
  }
}

const dated = (s: StoredSet) => ({ id: s.manifest.id, takenAt: Date.parse(s.manifest.takenAt) });
