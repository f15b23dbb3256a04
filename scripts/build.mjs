// Builds what `npm start` and the packaged app run: the hub (headless entry), the Electron main
// process and preload (esbuild; npm packages stay external and load from node_modules), and the
// renderer (Vite). `--out <folder>` builds elsewhere than dist/ (the shell's smoke test builds a
// whole app folder of its own).
// Any warning fails the build: the last one ignored ("import.meta … will be empty") was an app that
// died before its first window on every PC.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { build as viteBuild, createLogger } from 'vite';

// What this builds is what sites run, whatever the calling shell says (vitest sets NODE_ENV=test,
// which would bundle React's development build).
process.env.NODE_ENV = 'production';
const args = parseArgs({ options: { out: { type: 'string', default: 'dist' }, hub: { type: 'boolean', default: false } } }).values;
const out = resolve(args.out);

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
const cjsImportMeta = { define: { ...common.define, 'import.meta.url': 'cjsImportMetaUrl' }, inject: ['scripts/cjs-import-meta.js'] };

// The period reports' worker thread (main/node/reports/report-reader.ts) is its own file next to
// each bundle that runs the hub: the reader finds it beside the bundle's own file (import.meta.url).
const reportWorker = (dir) => build({ ...common, entryPoints: ['main/node/reports/report-worker.ts'], outfile: `${out}/${dir}/report-worker.mjs`, format: 'esm' });
const hubBundle = () => build({ ...common, entryPoints: ['main/node/cli.ts'], outfile: `${out}/hub/cli.mjs`, format: 'esm' });
const hub = async () => {
  const [a, b] = await Promise.all([hubBundle(), reportWorker('hub')]);
  return { warnings: [...a.warnings, ...b.warnings] };
};
// `--hub`: only the headless hub, for the benchmark that times its start as `npm start` runs it.
if (args.hub) {
  const r = await hub();
  process.exit(r.warnings.length > 0 ? 1 : 0);
}

const results = await Promise.all([
  hub(),
  // Runs cli.mjs as a child and restarts it when it dies (the headless hub's supervisor).
  build({ ...common, entryPoints: ['main/node/supervisor.ts'], outfile: `${out}/hub/supervisor.mjs`, format: 'esm' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: `${out}/electron/main.cjs`, format: 'cjs', external: ['electron'], ...cjsImportMeta }),
  reportWorker('electron'),
  // A sandboxed preload may only require('electron'): bundle everything else into it.
  build({ ...common, packages: undefined, entryPoints: ['preload/index.ts'], outfile: `${out}/preload/index.cjs`, format: 'cjs', external: ['electron'], platform: 'browser' }),
]);
const viteWarnings = [];
const viteLogger = createLogger('warn');
const viteWarn = viteLogger.warn;
viteLogger.warn = (message, options) => {
  viteWarnings.push(message);
  viteWarn(message, options);
};
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', customLogger: viteLogger, build: { outDir: `${out}/renderer` } });
const warnings = results.reduce((n, r) => n + r.warnings.length, 0) + viteWarnings.length;
if (warnings > 0) {
  console.error(`build: failed on ${warnings} warning(s) above`);
  process.exit(1);
}
console.log(`build: ${relative(process.cwd(), out) || '.'}/{hub,electron,preload,renderer}`);
