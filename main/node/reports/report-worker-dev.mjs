// The report reader's thread when the hub runs from its TypeScript sources (tsx, vitest): a worker
// starts as plain Node, so tsx loads the thread's TypeScript here. The built hub starts
// report-worker.mjs, bundled by scripts/build.mjs, instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./report-worker.ts', import.meta.url);
