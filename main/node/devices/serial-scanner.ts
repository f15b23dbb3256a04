import { SerialPort } from 'serialport';

/**
 * A QR scanner in serial mode (USB-CDC / virtual COM). Unlike keyboard-wedge mode it delivers the
 * code's raw UTF-8 bytes whatever window has focus and whatever input method is on, so the CCCD QR
 * arrives with its diacritics intact. A scan ends at CR/LF (the usual suffix) or, for scanners
 * configured without one, after ~50 ms of silence.
 */

export interface SerialScannerOptions {
  /** `/dev/ttyACM0`, `COM4`. */
  readonly path: string;
  /** Most USB-CDC scanners ignore it; RS-232 ones default to 9600. */
  readonly baudRate?: number;
  readonly silenceMs?: number;
}

export type ScanListener = (text: string) => void;

/**
 * Splits a byte stream into scans. Bytes are kept until the end of a scan and decoded once, so a
 * multi-byte letter split across two reads is not broken; invalid UTF-8 becomes U+FFFD, which the
 * CCCD parser refuses.
 */
export class ScanFramer {
  private chunks: Buffer[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly onScan: ScanListener,
    private readonly silenceMs = 50,
  ) {}

  push(data: Uint8Array): void {
    clearTimeout(this.timer);
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      if (data[i] === 0x0d || data[i] === 0x0a) {
        this.chunks.push(Buffer.from(data.subarray(start, i)));
        this.flush();
        start = i + 1;
      }
    }
    if (start < data.length) {
      this.chunks.push(Buffer.from(data.subarray(start)));
      this.timer = setTimeout(() => this.flush(), this.silenceMs);
    }
  }

  /** Emits what is buffered, if anything (CR LF pairs leave an empty scan, which is dropped). */
  flush(): void {
    clearTimeout(this.timer);
    const bytes = Buffer.concat(this.chunks);
    this.chunks = [];
    if (bytes.length > 0) this.onScan(this.decoder.decode(bytes));
  }
}

export class SerialScanner {
  private readonly listeners = new Set<ScanListener>();
  private readonly framer: ScanFramer;

  private constructor(private readonly port: SerialPort, silenceMs: number) {
    this.framer = new ScanFramer((text) => this.listeners.forEach((l) => l(text)), silenceMs);
    port.on('data', (chunk: Buffer) => this.framer.push(chunk));
    // An unplugged scanner also emits 'close' (see onClose); an unheard 'error' would crash the hub.
    port.on('error', () => undefined);
  }

  static async open(options: SerialScannerOptions): Promise<SerialScanner> {
    const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    return new SerialScanner(port, options.silenceMs ?? 50);
  }

  /** Returns a function that removes the listener. */
  onScan(listener: ScanListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the port goes away (USB unplugged) or closes. */
  onClose(listener: () => void): void {
    this.port.once('close', listener);
  }

  async close(): Promise<void> {
    this.framer.flush();
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}
