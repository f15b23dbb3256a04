// A stand-in for the `electron` module (see register.cjs). Every call the shell makes that a test
// cares about is appended as one JSON line to MOTCUA_ELECTRON_STUB_REPORT; an API the shell uses and
// this file lacks throws, so a new Electron call cannot go unnoticed. Displays come from
// MOTCUA_ELECTRON_STUB_DISPLAYS (JSON), else one 1920×1080 screen.
const { EventEmitter } = require('node:events');
const { appendFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const reportFile = process.env.MOTCUA_ELECTRON_STUB_REPORT;
function report(event, data) {
  if (reportFile) appendFileSync(reportFile, JSON.stringify({ event, ...data }) + '\n');
}

const displays = process.env.MOTCUA_ELECTRON_STUB_DISPLAYS
  ? JSON.parse(process.env.MOTCUA_ELECTRON_STUB_DISPLAYS)
  : [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, size: { width: 1920, height: 1080 } }];

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = process.env.MOTCUA_ELECTRON_STUB_PACKAGED === '1';
    this.loginItems = new Map();
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setImmediate(resolve));
  }
  getAppPath() {
    return process.env.MOTCUA_ELECTRON_STUB_APP_PATH ?? process.cwd();
  }
  getVersion() {
    return require(join(this.getAppPath(), 'package.json')).version;
  }
  getPath(name) {
    if (name === 'exe') return process.execPath;
    if (name === 'temp') return tmpdir();
    throw new Error(`electron stub: app.getPath(${name}) is not stubbed`);
  }
  getLoginItemSettings({ path }) {
    return { openAtLogin: this.loginItems.get(path) ?? false };
  }
  setLoginItemSettings({ openAtLogin, path }) {
    this.loginItems.set(path, openAtLogin);
    report('login-item', { path, openAtLogin });
  }
  relaunch() {
    report('relaunch', {});
  }
  quit() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  }
  exit(code) {
    report('exit', { code });
    process.exit(code);
  }
}
const app = new App();
// Electron quits on SIGTERM/SIGINT the same way (before-quit first).
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => app.quit());

let nextId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.url = '';
  }
  setWindowOpenHandler() {}
  send(channel) {
    report('send', { webContents: this.id, channel });
  }
  getURL() {
    return this.url;
  }
  reload() {}
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.id = nextId++;
    this.options = options;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new WebContents();
    this.destroyed = false;
  }
  loadURL(url) {
    this.webContents.url = url;
    const { webPreferences, ...rest } = this.options;
    report('window', { url, options: rest, webPreferences });
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show() {}
  focus() {}
  setMenu() {}
  setBounds(b) {
    this.bounds = b;
  }
  getBounds() {
    return this.bounds;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  close() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

module.exports = {
  app,
  BrowserWindow,
  dialog: {
    showErrorBox: (title, content) => report('error-box', { title, content }),
    // The button the person presses: MOTCUA_ELECTRON_STUB_MESSAGE_RESPONSE, else the first.
    showMessageBox: (options) => {
      report('message-box', { title: options.title, message: options.message, buttons: options.buttons ?? [] });
      return Promise.resolve({ response: Number(process.env.MOTCUA_ELECTRON_STUB_MESSAGE_RESPONSE ?? 0) });
    },
  },
  ipcMain: { handle: (channel) => report('ipc-handle', { channel }) },
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu: (template) => report('menu', { labels: template.map((m) => m.label) }),
  },
  screen: {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0],
    getDisplayMatching: () => displays[0],
  },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
};
