// Type-checks each layer with its own tsconfig: the contract and the core see no Node and no DOM
// types, the renderer sees no Node types, so a forbidden import fails to compile (the
// architecture test checks the import arrows themselves). The root tsconfig covers tests and tools.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['contract', 'main/core', 'common/node', 'main/node', 'main/electron', 'preload', 'renderer', 'central', '.'];
let failed = false;
for (const p of projects) {
  const config = `${p}/tsconfig.json`;
  if (!existsSync(config)) continue;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { stdio: 'inherit' });
  console.log(`typecheck ${p}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
