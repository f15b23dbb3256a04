// Injected into the CommonJS bundles (the Electron main process): esbuild empties `import.meta` in
// CJS output, so code that finds its packages with createRequire(import.meta.url) — the fonts of
// the forms and of the printed tickets — would get `undefined` and the app would die before its
// first window. The bundle's own file URL stands in for it (packages resolve from there alike).
import { pathToFileURL } from 'node:url';

export const cjsImportMetaUrl = pathToFileURL(__filename).href;
