import type { ScannerConfig } from '../../../contract/printing';
import type { HubBus } from '../hub/bus';
import { SerialScanner } from './serial-scanner';

interface Attached {
  readonly config: ScannerConfig;
  scanner: SerialScanner | null;
  error: string | null;
  retry: NodeJS.Timeout | null;
}

/** How long to wait before opening an unplugged or missing scanner again. */
const REOPEN_MS = 5000;

/**
 * The serial QR scanners on the hub PC. Each reads whatever window has focus (the point of serial
 * mode: citizen-ID QRs arrive as the exact UTF-8 bytes), and its scans go to the screen of the
 * counter it stands at. A scanner unplugged and plugged back is reopened by itself.
 */
export class ScannerHub {
  private attached: Attached[] = [];
  private stopped = false;

  constructor(private readonly bus: HubBus) {}

  async apply(configs: readonly ScannerConfig[]): Promise<void> {
    await this.closeAll();
    this.stopped = false;
    this.attached = configs.map((config) => ({ config, scanner: null, error: null, retry: null }));
    await Promise.all(this.attached.map((a) => this.open(a)));
  }

  status(): { scanner: ScannerConfig; connected: boolean; error: string | null }[] {
    return this.attached.map((a) => ({ scanner: a.config, connected: a.scanner !== null, error: a.error }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.closeAll();
  }

  private async open(a: Attached): Promise<void> {
    if (this.stopped || !this.attached.includes(a)) return;
    try {
      const scanner = await SerialScanner.open({ path: a.config.path, baudRate: a.config.baudRate });
      a.scanner = scanner;
      a.error = null;
      scanner.onScan((text) => this.bus.emit('scan', { counterId: a.config.counterId, text }));
      scanner.onClose(() => {
        a.scanner = null;
        a.error = 'Máy quét đã bị rút ra hoặc mất kết nối.';
        this.reopenLater(a);
      });
    } catch (e) {
      a.error = `Không mở được cổng ${a.config.path}: ${e instanceof Error ? e.message : String(e)}`;
      this.reopenLater(a);
    }
  }

  private reopenLater(a: Attached): void {
    if (this.stopped || a.retry) return;
    a.retry = setTimeout(() => {
      a.retry = null;
      void this.open(a);
    }, REOPEN_MS);
    a.retry.unref();
  }

  private async closeAll(): Promise<void> {
    const old = this.attached;
    this.attached = [];
    for (const a of old) {
      if (a.retry) clearTimeout(a.retry);
      await a.scanner?.close().catch(() => undefined);
    }
  }
}
