import type { Align, QrErrorLevel } from './layout-types';
import type { Bitmap } from './bitmap';

/** ESC/POS command bytes (Epson "ESC/POS Application Programming Guide"), one function each. */

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

const bytes = (...values: number[]): Buffer => Buffer.from(values);

/** `ESC @` resets the printer; `FS .` leaves the double-byte (Kanji) mode Chinese clones start in. */
export const initialize = (): Buffer => bytes(ESC, 0x40, FS, 0x2e);

export const align = (a: Align): Buffer => bytes(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);

export const bold = (on: boolean): Buffer => bytes(ESC, 0x45, on ? 1 : 0);

/**
 * `GS !`: the high nibble is the width multiplier, the low nibble the height (both 1–8).
 * node-thermal-printer's setTextSize(h, w) swaps them; this takes them by name.
 */
export function characterSize(width: number, height: number): Buffer {
  const w = clampScale(width);
  const h = clampScale(height);
  return bytes(GS, 0x21, ((w - 1) << 4) | (h - 1));
}

function clampScale(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new RangeError(`Character scale must be 1–8, got ${n}`);
  return n;
}

/** `ESC d n`: print and feed n lines. */
export const feedLines = (n: number): Buffer => bytes(ESC, 0x64, Math.max(0, Math.min(255, n)));

/** `ESC J n`: print and feed n dots; used for the gaps between rasters. */
export const feedDots = (n: number): Buffer => bytes(ESC, 0x4a, Math.max(0, Math.min(255, n)));

/** Clones with small buffers drop the tail of a tall `GS v 0`; Epson's own guides use bands. */
export const MAX_BAND_ROWS = 255;

/** `GS v 0 m xL xH yL yH d…`, one command per band of ≤ 255 rows. */
export function rasterImage(bitmap: Bitmap): Buffer {
  const parts: Buffer[] = [];
  for (let top = 0; top < bitmap.height; top += MAX_BAND_ROWS) {
    const rows = Math.min(MAX_BAND_ROWS, bitmap.height - top);
    const x = bitmap.rowBytes;
    parts.push(bytes(GS, 0x76, 0x30, 0, x & 0xff, x >> 8, rows & 0xff, rows >> 8), withoutRealTimeCommands(bitmap.data.subarray(top * x, (top + rows) * x)));
  }
  return Buffer.concat(parts);
}

/** Second bytes of the real-time commands DLE EOT (status), DLE ENQ (request) and DLE DC4 (pulse, power off, clear buffer). */
const REAL_TIME = new Set([0x04, 0x05, 0x14]);

/**
 * Printers obey real-time commands wherever their bytes appear, image data included (Epson's
 * notes on DLE EOT). Dots that happen to read `10 04 n` would make the printer answer a status
 * question nobody asked — and the hub reads the answer after a job as its confirmation — and
 * `10 14 …` could clear its buffer. Such a 0x10 byte loses its one dot (1/8 mm, at the anti-aliased
 * edge of a glyph): invisible, and the job then holds no real-time command at all.
 */
function withoutRealTimeCommands(data: Uint8Array): Buffer {
  const out = Buffer.from(data);
  for (let i = 0; i + 1 < out.length; i++) if (out[i] === 0x10 && REAL_TIME.has(out[i + 1])) out[i] = 0x00;
  return out;
}

const QR_EC: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/**
 * A native QR (`GS ( k`, function 165/167/169/180/181): model 2, module size, error level, store,
 * print. The store length counts bytes (Buffer.byteLength), not UTF-16 units — node-thermal-printer's
 * printQR gets this wrong. Payloads are ASCII by contract; the check makes a mistake loud.
 */
export function qrCode(payload: string, moduleDots: number, level: QrErrorLevel): Buffer {
  if (!/^[\x20-\x7e]+$/.test(payload)) throw new RangeError('QR payload must be printable ASCII');
  const data = Buffer.from(payload, 'ascii');
  const storeLength = data.length + 3;
  if (storeLength > 0xffff) throw new RangeError('QR payload too long');
  return Buffer.concat([
    bytes(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0),
    bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleDots),
    bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_EC[level]),
    bytes(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30),
    data,
    bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30),
  ]);
}

/** `GS V 65/66 n`: feed to the cutter, then cut — no guessing the head-to-cutter distance. */
export const cut = (kind: 'partial' | 'full'): Buffer => bytes(GS, 0x56, kind === 'full' ? 65 : 66, 0);

/** `ESC B n t`: buzzer n times, t × 50 ms (Xprinter/clone kiosks; Epson models without a buzzer ignore it). */
export const beep = (): Buffer => bytes(ESC, 0x42, 2, 2);
