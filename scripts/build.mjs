// Builds what `npm start` and the packaged app run: the hub (headless entry), the Electron main
// process and preload (esbuild; npm packages stay external and load from node_modules), and the
// renderer (Vite). Tests do not need this: they run the TypeScript sources directly.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

/** When and from which commit this build was made, for the "about" page (main/node/diagnostics/build-info.ts). */
function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null; // built from a source archive, without git
  }
}
const MOTCUA_BUILD = JSON.stringify({ date: new Date().toISOString(), commit: commit() });

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', define: { MOTCUA_BUILD } };

await Promise.all([
  build({ ...common, entryPoints: ['main/node/cli.ts'], outfile: 'dist/hub/cli.mjs', format: 'esm' }),
  // Runs cli.mjs as a child and restarts it when it dies (the headless hub's supervisor).
  build({ ...common, entryPoints: ['main/node/supervisor.ts'], outfile: 'dist/hub/supervisor.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] }),
  // A sandboxed preload may only require('electron'): bundle everything else into it.
  build({ ...common, packages: undefined, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', format: 'cjs', external: ['electron'], platform: 'browser' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('build: dist/hub, dist/electron, dist/preload, dist/renderer');
