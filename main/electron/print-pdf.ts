import { app, BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Prints a PDF on an operating-system printer: the PDF is opened in a hidden window with
 * Chromium's PDF viewer and printed silently on `deviceName`, or through the system dialog when
 * no A4 printer is configured (main/node/shell/ipc-handlers.ts checks the PDF and chooses the printer).
 * Needs a real printer to verify (not testable on CI).
 */
export async function printPdf(pdf: Buffer, deviceName: string | null): Promise<boolean> {
  const file = join(app.getPath('temp'), `motcua-${randomUUID()}.pdf`);
  await writeFile(file, pdf);
  const win = new BrowserWindow({ show: false, webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await win.loadURL(pathToFileURL(file).href);
    return await new Promise<boolean>((resolve) =>
      win.webContents.print({ silent: deviceName !== null, ...(deviceName ? { deviceName } : {}), printBackground: true }, (ok) => resolve(ok)),
    );
  } finally {
    win.destroy();
    await unlink(file).catch(() => undefined);
  }
}
