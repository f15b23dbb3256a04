// `npm start`: opens the Electron app where the Electron runtime is installed (trying once to
// fetch it if it is missing); otherwise runs the hub headless and prints the URLs of its screens,
// so the product still works from any browser on the LAN.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareElectronNative } from './electron-native.mjs';

const marker = join('node_modules', '.cache', 'motcua', 'electron-fetch-attempted');

/** The installed Electron binary, found the way electron's index.js does but without its automatic download. */
function electronBinary() {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join('node_modules', 'electron', 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

const firstLine = (text) => text.trim().split('\n')[0];

let binary = electronBinary();
if (!binary && !existsSync(marker) && existsSync('node_modules/electron/install.js')) {
  console.log('Electron runtime is not installed; trying to fetch it once…');
  const r = spawnSync(process.execPath, ['node_modules/electron/install.js'], { encoding: 'utf8', timeout: 180_000 });
  mkdirSync(join('node_modules', '.cache', 'motcua'), { recursive: true });
  writeFileSync(marker, new Date().toISOString());
  if (r.status === 0) binary = electronBinary();
  // Its stack trace says nothing a person starting the app can act on: the first line does.
  else console.log(`Could not fetch Electron (${firstLine(r.stderr || r.stdout || r.error?.message || `exit ${r.status}`)}); the full output is in ${marker}.`);
  if (r.status !== 0) writeFileSync(marker, `${new Date().toISOString()}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.stack ?? ''}`);
}

if (binary && process.env.MOTCUA_HEADLESS !== '1') {
  const nativeBinding = await prepareElectronNative().catch((e) => {
    console.error(`Could not build better-sqlite3 for Electron (${e.message}); starting headless instead.`);
    return null;
  });
  if (nativeBinding) {
    const child = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, MOTCUA_SQLITE_BINDING: nativeBinding } });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    await import('../dist/hub/supervisor.mjs');
  }
} else {
  if (!binary) console.log('Electron runtime not available here: starting the hub headless (open the screens in a browser).');
  // The supervisor runs the hub as its child and starts it again if it ever dies.
  await import('../dist/hub/supervisor.mjs');
}
