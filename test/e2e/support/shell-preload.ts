import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { shellChannels } from '../../../contract/shell';
import type { IpcCaller, shellIpcHandlers } from '../../../main/node/shell/ipc-handlers';

/**
 * The Electron shell's side of a page, in Chromium: the real preload (preload/index.ts, bundled as
 * for Electron) runs in the page with an `electron` module whose ipcRenderer calls the shell's real
 * IPC handlers (main/node/shell/ipc-handlers.ts) in the test process, with the frame's URL as the
 * sender's. `send` plays the main process sending an event to the window (webContents.send).
 */
export async function installShell(context: BrowserContext, handlers: ReturnType<typeof shellIpcHandlers>, senderId: number): Promise<void> {
  const bundle = await build({ entryPoints: ['preload/index.ts'], bundle: true, write: false, format: 'cjs', platform: 'browser', external: ['electron'], logLevel: 'silent' });
  const preload = bundle.outputFiles[0]!.text;
  const byChannel: Record<string, (caller: IpcCaller, arg: unknown) => Promise<unknown>> = {
    [shellChannels.deviceToken]: handlers.deviceToken,
    [shellChannels.unlock]: handlers.unlock,
    [shellChannels.printPdf]: handlers.printPdf,
  };
  await context.exposeBinding('__motcuaIpcInvoke', async (source, channel: string, arg: unknown) => {
    const handler = byChannel[channel];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderId, frameUrl: source.frame.url() }, arg);
  });
  await context.addInitScript(`(() => {
    const listeners = new Map();
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
      ipcRenderer: {
        invoke: (channel, ...args) => window.__motcuaIpcInvoke(channel, ...args),
        on: (channel, handler) => listeners.set(channel, [...(listeners.get(channel) ?? []), handler]),
        off: (channel, handler) => listeners.set(channel, (listeners.get(channel) ?? []).filter((h) => h !== handler)),
      },
    };
    Object.defineProperty(window, '__motcuaShellSend', { value: (channel) => (listeners.get(channel) ?? []).forEach((h) => h({})) });
    const module = { exports: {} };
    (function (require, module, exports) {
      ${preload}
    })((name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); }, module, module.exports);
  })();`);
}
