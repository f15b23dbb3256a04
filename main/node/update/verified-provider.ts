import { Provider, type AppUpdater, type UpdateInfo } from 'electron-updater';
import { resolveFiles, type ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider';
import type { VerifiedRelease } from './release';

/**
 * The feed electron-updater is given once a release has passed the signature check: a provider
 * that answers with that verified release instead of fetching the channel file a second time (the
 * server could serve other bytes to the second request). electron-updater still downloads the
 * installer from the provincial folder and checks it against the signed sha512 — on a fresh
 * download, on a differential one, and on a copy cached by an earlier run.
 */
export function verifiedFeed(release: VerifiedRelease, folderUrl: string): Parameters<AppUpdater['setFeedURL']>[0] {
  const baseUrl = new URL(folderUrl);
  class VerifiedReleaseProvider extends Provider<UpdateInfo> {
    constructor(_options: unknown, _updater: unknown, runtimeOptions: ProviderRuntimeOptions) {
      super(runtimeOptions);
    }

    getLatestVersion(): Promise<UpdateInfo> {
      return Promise.resolve(release.info);
    }

    resolveFiles(info: UpdateInfo) {
      return resolveFiles(info, baseUrl);
    }
  }
  return { provider: 'custom', updateProvider: VerifiedReleaseProvider };
}
