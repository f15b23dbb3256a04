// Draws the app's icons from resources/build/icon.svg into what electron-builder reads from
// resources/build/ (directories.buildResources): icon.png (512, Linux and the fallback), icons/
// (one PNG per size, the Linux icon theme) and icon.ico (Windows: 256 down to 16, so the
// taskbar and the desktop shortcut each get a size drawn for them rather than a blurred
// scale). Run again after changing the SVG: `node scripts/make-icons.mjs`; the outputs are
// committed, so packaging never needs this script or a canvas.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import pngToIco from 'png-to-ico';

const dir = join(import.meta.dirname, '..', 'resources', 'build');
const svg = readFileSync(join(dir, 'icon.svg'));
const icoSizes = [256, 128, 64, 48, 32, 24, 16];
const linuxSizes = [512, 256, 128, 64, 48, 32, 16];

async function render(size) {
  const image = await loadImage(svg);
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  return canvas.toBuffer('image/png');
}

const pngs = new Map();
for (const size of new Set([...icoSizes, ...linuxSizes])) pngs.set(size, await render(size));

writeFileSync(join(dir, 'icon.png'), pngs.get(512));
rmSync(join(dir, 'icons'), { recursive: true, force: true });
mkdirSync(join(dir, 'icons'));
for (const size of linuxSizes) writeFileSync(join(dir, 'icons', `${size}x${size}.png`), pngs.get(size));
writeFileSync(join(dir, 'icon.ico'), await pngToIco(icoSizes.map((s) => pngs.get(s))));
console.log(`icons: ${join(dir, 'icon.png')}, icons/ (${linuxSizes.join(', ')}), icon.ico (${icoSizes.join(', ')})`);
