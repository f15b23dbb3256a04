import { session, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { join } from 'node:path';
import { fromHub } from '../node/shell/ipc-handlers';

/**
 * Electron's security checklist applied to every window: isolated, sandboxed, no Node in pages,
 * navigation only within the hub, no pop-ups, no permissions but sound. Pages are the same ones
 * LAN browsers load from the hub (which sends the Content Security Policy header).
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: join(preloadPath),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    devTools,
    // The waiting-room display must speak without anyone touching it.
    autoplayPolicy: 'no-user-gesture-required',
  };
}

export function lockNavigation(contents: WebContents, hubOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!fromHub(url, hubOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!fromHub(url, hubOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'speaker-selection'));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
