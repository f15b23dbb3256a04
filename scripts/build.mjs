// Builds what `npm start` and the packaged app run: the hub (headless entry), the Electron main
// process and preload (esbuild; npm packages stay external and load from node_modules), and the
// renderer (Vite). Tests do not need this: they run the TypeScript sources directly.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

const hub = () => build({ ...common, entryPoints: ['main/node/cli.ts'], outfile: 'dist/hub/cli.mjs', format: 'esm' });
// `--hub`: only the headless hub, for the benchmark that times its start as `npm start` runs it.
if (process.argv.includes('--hub')) {
  await hub();
  process.exit(0);
}

await Promise.all([
  hub(),
  // Runs cli.mjs as a child and restarts it when it dies (the headless hub's supervisor).
  build({ ...common, entryPoints: ['main/node/supervisor.ts'], outfile: 'dist/hub/supervisor.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] }),
  // A sandboxed preload may only require('electron'): bundle everything else into it.
  build({ ...common, packages: undefined, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', format: 'cjs', external: ['electron'], platform: 'browser' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('build: dist/hub, dist/electron, dist/preload, dist/renderer');
