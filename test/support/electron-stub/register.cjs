// Loaded with `node --require` before the built Electron main bundle (dist/electron/main.cjs):
// `require('electron')` then gets ./electron.cjs, a stand-in that records what the shell asks of
// Electron. The Electron binary cannot be downloaded on these machines; this shows that the
// bundle loads, starts the hub and gets as far as opening its windows.
const Module = require('node:module');
const { join } = require('node:path');

const stub = join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stub : resolve.call(this, request, ...rest);
};
