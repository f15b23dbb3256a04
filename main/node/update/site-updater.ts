import type { AppUpdater } from 'electron-updater';
import type { UpdateStatus } from '../../../contract/update-status';
import type { Logger } from '../../../common/node/logger';
import { isNewer, channelFileName } from './release';
import { fetchSignedRelease, type FetchLike } from './signed-channel';
import { writeUpdateStatus } from './status-file';
import { describe, toUpdateError, UpdateError, type UpdateErrorCode } from './update-errors';
import { channelUrl, trustedKeys } from './update-settings';
import { verifiedFeed } from './verified-provider';

export interface SiteUpdaterOptions {
  /** electron-updater's updater for this platform (NsisUpdater on Windows, AppImageUpdater …). */
  readonly engine: AppUpdater;
  readonly dataDir: string;
  /** `resources/update-keys` inside the installed program. */
  readonly keysDir: string;
  readonly currentVersion: string;
  readonly log: Logger;
  readonly fetch: FetchLike;
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: () => number;
  readonly channelFile?: string;
  /** For each of the two small files of a check (the channel file and its signature). */
  readonly timeoutMs?: number;
}

/** These leave the updater off until someone changes the setup; the rest are failures of one check. */
const switchedOff: readonly UpdateErrorCode[] = ['UPDATE_NOT_CONFIGURED', 'UPDATE_NO_TRUSTED_KEY', 'UPDATE_NOT_PACKAGED'];

/**
 * One hub PC's updates from the provincial folder. A check:
 * 1. reads the folder's address (update-settings.ts) and the public keys the program carries;
 * 2. fetches the channel file and its signature and verifies them (signed-channel.ts) — a
 *    missing or wrong signature stops here, before any download;
 * 3. compares versions: only a newer one goes on;
 * 4. hands the verified release to electron-updater, which downloads the installer and checks
 *    its sha512 (the signed one) — a mismatch is refused and the file deleted;
 * 5. the update then waits, `ready`, for the night (update-schedule.ts), which takes a backup and
 *    then restarts the app into it; quitting the app never installs it.
 * After every step the status is written to `<data>/update-status.json`. A check never throws:
 * whatever fails becomes a status with a code and a Vietnamese message, and the next check
 * comes by itself.
 */
export class SiteUpdater {
  private statusNow: UpdateStatus;
  private running: Promise<UpdateStatus> | null = null;
  private installing = false;
  private readonly clock: () => number;

  constructor(private readonly options: SiteUpdaterOptions) {
    this.clock = options.clock ?? Date.now;
    this.statusNow = { state: 'idle', channelUrl: null, currentVersion: options.currentVersion, availableVersion: null, checkedAt: null, error: null };
    const { engine, log } = options;
    engine.autoDownload = false;
    // Never installed by a quit: electron-updater would run the installer as the app exits, with
    // no backup set taken first. Every install goes through the schedule's beforeInstall backup
    // and installNow (update-schedule.ts).
    engine.autoInstallOnAppQuit = false;
    engine.allowDowngrade = false;
    engine.disableWebInstaller = true;
    engine.logger = {
      info: (m?: unknown) => log.info({ component: 'electron-updater' }, String(m)),
      warn: (m?: unknown) => log.warn({ component: 'electron-updater' }, String(m)),
      error: (m?: unknown) => log.error({ component: 'electron-updater' }, String(m)),
    };
    // The installer is started after quitAndInstall returned; its failure only arrives here.
    engine.on('error', (e) => {
      if (this.installing) {
        this.installing = false;
        this.fail(toUpdateError(e, 'install'), this.statusNow.channelUrl);
      }
    });
  }

  get status(): UpdateStatus {
    return this.statusNow;
  }

  /** Runs a check, or joins the one under way. */
  check(): Promise<UpdateStatus> {
    this.running ??= this.runCheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Restarts the app into the waiting update (silent installer, app started again after it). */
  installNow(): boolean {
    if (this.statusNow.state !== 'ready' || this.installing) return false;
    this.options.log.info({ version: this.statusNow.availableVersion }, 'installing the update: the app restarts');
    this.installing = true;
    try {
      this.options.engine.quitAndInstall(true, true);
      return true;
    } catch (e) {
      this.installing = false;
      this.fail(toUpdateError(e, 'install'), this.statusNow.channelUrl);
      return false;
    }
  }

  private async runCheck(): Promise<UpdateStatus> {
    // One waiting update is enough; a newer release is picked up after it is installed.
    if (this.statusNow.state === 'ready') return this.statusNow;
    const { engine, dataDir, env } = this.options;
    let url: string | null = null;
    let available: string | null = null;
    try {
      url = channelUrl(dataDir, env);
      const keys = trustedKeys(this.options.keysDir);
      if (!engine.isUpdaterActive()) {
        throw new UpdateError('UPDATE_NOT_PACKAGED', 'Ứng dụng đang chạy từ mã nguồn, chưa được đóng gói: không tự cập nhật.');
      }
      this.publish({ state: 'checking', channelUrl: url, availableVersion: null, error: null });
      const release = await fetchSignedRelease({
        url,
        channelFile: this.options.channelFile ?? channelFileName(),
        trustedKeys: keys,
        fetch: this.options.fetch,
        timeoutMs: this.options.timeoutMs ?? 30_000,
      });
      if (!isNewer(release.version, this.options.currentVersion)) {
        return this.publish({ state: 'idle', channelUrl: url, availableVersion: null, checkedAt: this.now(), error: null });
      }
      available = release.version;
      this.publish({ state: 'downloading', channelUrl: url, availableVersion: available, checkedAt: this.now(), error: null });
      await this.download(verifiedFeed(release, url), release.version);
      this.options.log.info({ version: available }, 'update downloaded and verified; installs outside office hours');
      return this.publish({ state: 'ready', channelUrl: url, availableVersion: available, error: null });
    } catch (e) {
      return this.fail(e instanceof UpdateError ? e : toUpdateError(e, 'download'), url, available);
    }
  }

  private async download(feed: Parameters<AppUpdater['setFeedURL']>[0], version: string): Promise<void> {
    const { engine } = this.options;
    try {
      engine.setFeedURL(feed);
      const result = await engine.checkForUpdates();
      if (result === null || !result.isUpdateAvailable) {
        // electron-updater's own conditions (minimumSystemVersion, staged rollout) said no.
        throw new UpdateError('UPDATE_FAILED', `Bản ${version} không dành cho máy này (yêu cầu hệ điều hành hoặc đợt phát hành của tỉnh).`);
      }
      await engine.downloadUpdate();
    } catch (e) {
      throw toUpdateError(e, 'download');
    }
  }

  private fail(error: UpdateError, url: string | null, available: string | null = this.statusNow.availableVersion): UpdateStatus {
    const state = switchedOff.includes(error.code) ? 'disabled' : 'error';
    const log = this.options.log;
    if (state === 'error') log.warn({ code: error.code, err: error.cause ?? error }, `update: ${describe(error)}`);
    else if (this.statusNow.error?.code !== error.code) log.info({ code: error.code }, 'updates are off');
    return this.publish({ state, channelUrl: url, availableVersion: available, checkedAt: this.now(), error: { code: error.code, message: error.message } });
  }

  private publish(change: Partial<UpdateStatus>): UpdateStatus {
    this.statusNow = { ...this.statusNow, ...change };
    try {
      writeUpdateStatus(this.options.dataDir, this.statusNow);
    } catch (e) {
      // The about page shows an older status; the update itself goes on.
      this.options.log.error({ err: e }, 'could not write update-status.json');
    }
    return this.statusNow;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
