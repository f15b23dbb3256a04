/**
 * A 1-bit image in the printer's own layout: rows of `rowBytes` bytes, most significant bit
 * leftmost, 1 = a burnt dot. Both `GS v 0` and the preview read this layout directly.
 */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly rowBytes: number;
  readonly data: Uint8Array;
}

/** What a canvas `getImageData()` returns; typed structurally to keep DOM types out. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/**
 * Threshold an RGBA image (black text on white) to dots. Anti-aliased edges darker than half grey
 * become dots, which keeps thin diacritic strokes at 203 dpi.
 */
export function thresholdToBitmap(image: RgbaImage, threshold = 128): Bitmap {
  // Read once: @napi-rs/canvas ImageData properties are native getters, ~50× slower in the loop.
  const { width, height, data: rgba } = image;
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const luma = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;
      // Transparent pixels are paper.
      if (rgba[i + 3] >= 128 && luma < threshold) data[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return { width, height, rowBytes, data };
}

export function bitAt(bitmap: Bitmap, x: number, y: number): boolean {
  return (bitmap.data[y * bitmap.rowBytes + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

/**
 * Drop blank bytes at the right of every row (alignment is in the pixels, so the left stays). A
 * centred line then costs about half a full-width one, which matters at 9600 baud.
 */
export function trimRight(bitmap: Bitmap): Bitmap {
  let used = 1;
  for (let y = 0; y < bitmap.height; y++) {
    for (let b = bitmap.rowBytes - 1; b >= used; b--) {
      if (bitmap.data[y * bitmap.rowBytes + b] !== 0) {
        used = b + 1;
        break;
      }
    }
  }
  if (used === bitmap.rowBytes) return bitmap;
  const data = new Uint8Array(used * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    data.set(bitmap.data.subarray(y * bitmap.rowBytes, y * bitmap.rowBytes + used), y * used);
  }
  return { width: used * 8, height: bitmap.height, rowBytes: used, data };
}
