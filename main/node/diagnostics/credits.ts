import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Credit } from '../../../contract/about';

/**
 * The libraries the app stands on, with their licences, for the "about" page. Licences are
 * written here (a test checks them against each package), versions read from the installed
 * package, so the page says what actually runs.
 */
export const creditedPackages: readonly { name: string; licence: string; use: string }[] = [
  { name: 'better-sqlite3', licence: 'MIT', use: 'Kết nối với cơ sở dữ liệu SQLite' },
  { name: 'react', licence: 'MIT', use: 'Giao diện các màn hình' },
  { name: 'zod', licence: 'MIT', use: 'Kiểm tra dữ liệu gửi đến máy chủ' },
  { name: 'ws', licence: 'MIT', use: 'Cập nhật tức thời cho các màn hình' },
  { name: 'pino', licence: 'MIT', use: 'Nhật ký máy chủ' },
  { name: 'serialport', licence: 'MIT', use: 'Máy in và máy quét cổng COM' },
  { name: 'pdfkit', licence: 'MIT', use: 'Biểu mẫu PDF' },
  { name: 'exceljs', licence: 'MIT', use: 'Sổ theo dõi hồ sơ dạng Excel' },
  { name: 'qrcode', licence: 'MIT', use: 'Mã QR trên phiếu' },
  { name: '@napi-rs/canvas', licence: 'MIT', use: 'Dựng hình phiếu in' },
  { name: '@visx/heatmap', licence: 'MIT', use: 'Biểu đồ báo cáo (visx)' },
  { name: 'fflate', licence: 'MIT', use: 'Nén gói chẩn đoán' },
  { name: '@fontsource/be-vietnam-pro', licence: 'OFL-1.1', use: 'Phông chữ Be Vietnam Pro' },
];

const require = createRequire(import.meta.url);

/**
 * The installed version of a package, found by its folder rather than through `exports` (some
 * packages export no package.json). Null when it cannot be found: the page then says "không rõ".
 */
export function installedVersion(name: string): string | null {
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null;
  }
  return null;
}

/** The runtime first (Node.js, Electron when present, SQLite), then the packages. */
export function credits(runtime: { node: string; electron: string | null; sqlite: string }): Credit[] {
  return [
    { name: 'Node.js', version: runtime.node, licence: 'MIT', use: 'Môi trường chạy máy chủ' },
    ...(runtime.electron ? [{ name: 'Electron', version: runtime.electron, licence: 'MIT', use: 'Cửa sổ ứng dụng trên máy chủ' }] : []),
    { name: 'SQLite', version: runtime.sqlite, licence: 'Public domain', use: 'Cơ sở dữ liệu' },
    ...creditedPackages.map((p) => ({ ...p, version: installedVersion(p.name) })),
  ];
}
