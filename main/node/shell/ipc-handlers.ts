import type { DeviceKind } from '../../../contract/access';
import { credentialLostCodes, HubError } from '../../../contract/errors';
import { MAX_PIN_LENGTH, type ShellApi, type UnlockResult, type WindowRole } from '../../../contract/shell';
import { a4SystemPrinterName } from '../../core/printing-rules';
import { isLocked, screenNames } from '../../core/shell-windows';
import type { Hub } from '../hub/hub';
import { createLocalDevice, unlockWithKioskPin } from '../hub/local-devices';
import type { LocalTokens } from './local-tokens';

/** Who sent an IPC call: the window's web contents and the URL of the frame that called. */
export interface IpcCaller {
  readonly senderId: number;
  readonly frameUrl: string | undefined;
}

export interface ShellIpcDeps {
  readonly hub: Hub;
  /** The hub's own origin (http://127.0.0.1:<port>): only its pages may call. */
  readonly hubOrigin: string;
  readonly tokens: LocalTokens;
  roleOf(senderId: number): WindowRole | null;
  closeWindow(senderId: number): void;
  printPdf(pdf: Buffer, deviceName: string | null): Promise<boolean>;
}

/** A4 forms are a few hundred KB; anything far larger is not one of ours. */
const MAX_PDF_BYTES = 20 * 1024 * 1024;

type Handlers = { [K in 'deviceToken' | 'unlock' | 'printPdf']: (caller: IpcCaller, arg: unknown) => ReturnType<ShellApi[K]> };

/**
 * What the shell answers over IPC (the preload's channels, contract/shell.ts), decided here without
 * Electron so it can be tested: a call from any frame that is not one of the hub's own pages
 * (a page navigated elsewhere, an iframe) gets nothing.
 */
export function shellIpcHandlers(deps: ShellIpcDeps): Handlers {
  const lockedRoleOf = (caller: IpcCaller): WindowRole | null => {
    const role = fromHub(caller.frameUrl, deps.hubOrigin) ? deps.roleOf(caller.senderId) : null;
    return role !== null && isLocked(role) ? role : null;
  };
  return {
    async deviceToken(caller) {
      const role = lockedRoleOf(caller);
      if (role === null) return null;
      const kind = role as DeviceKind;
      const known = deps.tokens.get(kind);
      if (known !== null && isValid(() => deps.hub.principalOf(known))) return known;
      const token = createLocalDevice(deps.hub.deps, kind, `${screenNames[role]} trên máy chủ`);
      deps.tokens.set(kind, token);
      return token;
    },
    async unlock(caller, pin): Promise<UnlockResult> {
      const role = lockedRoleOf(caller);
      if (role === null) return { ok: false, code: 'NOT_A_LOCKED_WINDOW', message: 'Cửa sổ này không bị khóa.' };
      const text = typeof pin === 'string' ? pin.slice(0, MAX_PIN_LENGTH + 1) : '';
      const result = await unlockWithKioskPin(deps.hub.deps, role, text);
      if (result.ok) deps.closeWindow(caller.senderId);
      return result;
    },
    async printPdf(caller, pdfBase64) {
      if (!fromHub(caller.frameUrl, deps.hubOrigin) || typeof pdfBase64 !== 'string' || pdfBase64.length > (MAX_PDF_BYTES * 4) / 3 + 4) return false;
      const pdf = Buffer.from(pdfBase64, 'base64');
      if (pdf.length > MAX_PDF_BYTES || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
      return deps.printPdf(pdf, a4SystemPrinterName(deps.hub.deps.printing.printers()));
    },
  };
}

/** The frame shows one of the hub's own pages. */
export function fromHub(frameUrl: string | undefined, hubOrigin: string): boolean {
  if (frameUrl === undefined) return false;
  try {
    return new URL(frameUrl).origin === hubOrigin;
  } catch {
    return false;
  }
}

/** A token the hub no longer knows (revoked by an admin, a restored database) is replaced; any other error is the hub's. */
function isValid(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (e) {
    if (e instanceof HubError && credentialLostCodes.includes(e.code)) return false;
    throw e;
  }
}
