/**
 * What the Electron shell adds to the pages it shows (window.motcuaShell). The same pages run
 * in plain browsers on the LAN, where it is absent: every use must be optional.
 */
export interface ShellApi {
  /** A device token for a kiosk/display/rating window opened on the hub PC itself (no pairing needed). */
  deviceToken(): Promise<string | null>;
  /** Called when someone presses the unlock chord (Ctrl+Shift+Q) on a locked kiosk window. */
  onUnlockRequest(listener: () => void): () => void;
  /** Closes the locked window when the PIN is right; otherwise says why, for the person at the window. */
  unlock(pin: string): Promise<UnlockResult>;
  /**
   * Prints an A4 PDF (the legal forms) on the site's A4 printer (`os:<name>` in Quản trị → Máy in)
   * without a dialog, or with the system print dialog when none is set. Resolves false if it failed.
   */
  printPdf(pdfBase64: string): Promise<boolean>;
}

/**
 * The answer to an unlock attempt. PIN_WRONG and TOO_MANY_ATTEMPTS count as guesses (a kiosk
 * stands in a public hall); PIN_NOT_SET means an admin has to set one in Quản trị → Thiết bị.
 */
export type UnlockResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'PIN_WRONG' | 'PIN_NOT_SET' | 'TOO_MANY_ATTEMPTS' | 'NOT_A_LOCKED_WINDOW'; readonly message: string };

/** The longest PIN the admin can set (contract: admin.setKioskPin); longer input is not a PIN. */
export const MAX_PIN_LENGTH = 8;

export const shellChannels = {
  deviceToken: 'motcua:device-token',
  unlock: 'motcua:unlock',
  unlockRequested: 'motcua:unlock-requested',
  printPdf: 'motcua:print-pdf',
} as const;

export const windowRoles = ['counter', 'kiosk', 'display', 'rating', 'supervisor', 'admin'] as const;
export type WindowRole = (typeof windowRoles)[number];

declare global {
  interface Window {
    readonly motcuaShell?: ShellApi;
  }
}
