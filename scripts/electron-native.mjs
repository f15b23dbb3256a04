// better-sqlite3 in node_modules stays built for Node (the tests and headless mode use it). For
// Electron, a copy is rebuilt against Electron's ABI in node_modules/.cache and handed to the hub
// as better-sqlite3's `nativeBinding`; packaging does the same through electron-builder.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export async function prepareElectronNative() {
  const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  const dir = resolve('node_modules', '.cache', 'motcua', `electron-${electronVersion}`);
  const binding = join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync('node_modules/better-sqlite3', join(dir, 'node_modules', 'better-sqlite3'), { recursive: true });
  const version = JSON.parse(readFileSync('node_modules/better-sqlite3/package.json', 'utf8')).version;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'motcua-electron-native', private: true, dependencies: { 'better-sqlite3': version } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error('rebuild produced no binary');
  return binding;
}
