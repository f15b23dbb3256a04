import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';

/** The payload of the QR code in a PNG as a phone-grade reader (jsqr) sees it, or null. */
export async function readQrFromPng(png: Buffer): Promise<string | null> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return jsQR(data, width, height)?.data ?? null;
}
