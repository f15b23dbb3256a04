import { contextBridge, ipcRenderer } from 'electron';
import { shellChannels, type ShellApi, type UnlockResult } from '../contract/shell';

/** A thin, allow-listed pipe: four channels, no Node, no generic ipc access for the page. */
const api = {
  deviceToken: () => ipcRenderer.invoke(shellChannels.deviceToken) as Promise<string | null>,
  onUnlockRequest: (listener: () => void) => {
    const handler = () => listener();
    ipcRenderer.on(shellChannels.unlockRequested, handler);
    return () => {
      ipcRenderer.off(shellChannels.unlockRequested, handler);
    };
  },
  unlock: (pin: string) => ipcRenderer.invoke(shellChannels.unlock, String(pin).slice(0, 32)) as Promise<UnlockResult>,
  printPdf: (pdfBase64: string) => ipcRenderer.invoke(shellChannels.printPdf, String(pdfBase64)) as Promise<boolean>,
} satisfies ShellApi;

contextBridge.exposeInMainWorld('motcuaShell', api);
