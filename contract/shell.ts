/**
 * What the Electron shell adds to the pages it shows (window.motcuaShell). The same pages run
 * in plain browsers on the LAN, where it is absent: every use must be optional.
 */
export interface ShellApi {
  /** A device token for a kiosk/display/rating window opened on the hub PC itself (no pairing needed). */
  deviceToken(): Promise<string | null>;
  /** Called when someone presses the unlock chord (Ctrl+Shift+Q) on a locked kiosk window. */
  onUnlockRequest(listener: () => void): () => void;
  /** Closes the locked window when the PIN is right. */
  unlock(pin: string): Promise<boolean>;
  /**
   * Prints an A4 PDF (the legal forms) on the site's A4 printer (`os:<name>` in Quản trị → Máy in)
   * without a dialog, or with the system print dialog when none is set. Resolves false if it failed.
   */
  printPdf(pdfBase64: string): Promise<boolean>;
}

export const shellChannels = {
  deviceToken: 'motcua:device-token',
  unlock: 'motcua:unlock',
  unlockRequested: 'motcua:unlock-requested',
  printPdf: 'motcua:print-pdf',
} as const;

export const windowRoles = ['counter', 'kiosk', 'display', 'rating', 'admin'] as const;
export type WindowRole = (typeof windowRoles)[number];

declare global {
  interface Window {
    readonly motcuaShell?: ShellApi;
  }
}
