import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type ClientRequest, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { InstallOptions } from 'electron-updater/out/BaseUpdater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { createLogger } from '../../common/node/logger';
import { UPDATE_STATUS_FILE, UpdateStatus } from '../../contract/update-status';
import { generateSigningKey, readSigningKey, signReleaseFolder } from '../../main/node/update/release-folder';
import { SiteUpdater } from '../../main/node/update/site-updater';

/**
 * A provincial update folder and a hub PC's electron-updater, for the updater's tests: electron-
 * builder's file layout served by a real HTTP server on loopback, and electron-updater's real
 * NsisUpdater (download, sha512 check, cache, install-on-quit) under Node. Only what needs the
 * Electron binary or Windows is replaced: the app object (AppAdapter, as electron-builder's own
 * tests do), the network stack (Node's http instead of Electron's net), the `electron` module
 * electron-updater requires when it quits, and the spawn of the NSIS installer (doInstall).
 */

/** Writes an installer and the latest.yml electron-builder would write for it. */
export function writeRelease(dir: string, version: string, installer: Buffer = randomBytes(300_000)): { installerName: string; installer: Buffer } {
  mkdirSync(dir, { recursive: true });
  const installerName = `MotCua-Setup-${version}.exe`;
  writeFileSync(join(dir, installerName), installer);
  const sha512 = createHash('sha512').update(installer).digest('base64');
  writeFileSync(
    join(dir, 'latest.yml'),
    [
      `version: ${version}`,
      'files:',
      `  - url: ${installerName}`,
      `    sha512: ${sha512}`,
      `    size: ${installer.length}`,
      `path: ${installerName}`,
      `sha512: ${sha512}`,
      "releaseDate: '2025-03-05T15:00:00.000Z'",
      '',
    ].join('\n'),
  );
  return { installerName, installer };
}

export interface ReleaseServer {
  readonly url: string;
  /** Paths asked for, in order. */
  readonly requests: string[];
  /** Called when a file is asked for, before it is sent (to look at the PC's state at that moment). */
  onRequest: ((path: string) => void) | null;
  close(): Promise<void>;
}

/** Serves a folder as a static file server does (404 for what is not there). */
export async function serveFolder(dir: string, port = 0): Promise<ReleaseServer> {
  const requests: string[] = [];
  const state: { onRequest: ((path: string) => void) | null } = { onRequest: null };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    state.onRequest?.(path);
    let body: Buffer;
    try {
      body = readFileSync(join(dir, path.replace(/^\/motcua\//, '')));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/motcua/`,
    requests,
    get onRequest() {
      return state.onRequest;
    },
    set onRequest(f) {
      state.onRequest = f;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * electron-updater's own executor (its download, redirect limit and sha512 check run as in the
 * app) with Node's http where it would open a request with Electron's net.
 */
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Typed as Electron's ClientRequest; the executor only uses what Node's has as well.
    return request(options, callback) as ClientRequest as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }

  /** Node's responses carry their redirects; the base executor follows them. */
  protected override addRedirectHandlers(): void {}
}

/** What electron-updater asked of the app and of the installer. */
export interface PcEvents {
  readonly installs: InstallOptions[];
  quits: number;
  /** The app's quit, as Electron would deliver it to electron-updater's install-on-quit handler. */
  quit(exitCode: number): void;
}

class TestNsisUpdater extends NsisUpdater {
  constructor(app: AppAdapter, private readonly events: PcEvents) {
    super(null, app);
  }

  /** The NSIS installer cannot run here: record how electron-updater would start it. */
  protected override doInstall(options: InstallOptions): boolean {
    this.events.installs.push(options);
    return true;
  }
}

/** electron-updater's NsisUpdater as the app on a hub PC at `version` would have it. */
export function hubPcEngine(dir: string, version: string): { engine: NsisUpdater; events: PcEvents } {
  stubElectronForUpdater();
  mkdirSync(dir, { recursive: true });
  // What electron-builder writes into the installed program (test/integration/packaging checks it does).
  const appUpdateYml = join(dir, 'app-update.yml');
  writeFileSync(appUpdateYml, 'provider: generic\nurl: https://cap-nhat.invalid/motcua/\nchannel: latest\nupdaterCacheDirName: motcua-updater\n');
  const quitHandlers: ((exitCode: number) => void)[] = [];
  const events: PcEvents = {
    installs: [],
    quits: 0,
    quit: (exitCode) => quitHandlers.forEach((h) => h(exitCode)),
  };
  const app: AppAdapter = {
    version,
    name: 'motcua',
    isPackaged: true,
    appUpdateConfigPath: appUpdateYml,
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => {
      events.quits++;
    },
    onQuit: (handler) => {
      quitHandlers.push(handler);
    },
  };
  const engine = new TestNsisUpdater(app, events);
  // Internal field electron-updater's own tests set the same way (it is Electron's net otherwise).
  Object.assign(engine, { httpExecutor: new NodeHttpExecutor() });
  return { engine, events };
}

/**
 * electron-updater requires `electron` when it quits for an install (to emit
 * before-quit-for-update). The electron package here has no binary; give that require an
 * autoUpdater to emit on.
 */
function stubElectronForUpdater(): void {
  const requireFromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
  const electronPath = requireFromUpdater.resolve('electron');
  const cache = requireFromUpdater.cache;
  if (cache[electronPath] !== undefined) return;
  const stub = new (requireFromUpdater('node:module') as typeof import('node:module')).Module(electronPath);
  stub.filename = electronPath;
  stub.loaded = true;
  stub.exports = { autoUpdater: new EventEmitter() };
  cache[electronPath] = stub;
}

/**
 * A province and one hub PC, in a temp folder: the province's key (its public half in the PC's
 * trusted keys), the release folder served on loopback, the PC's data folder pointing at it.
 */
export interface UpdateBench {
  readonly root: string;
  readonly release: string;
  readonly dataDir: string;
  readonly keysDir: string;
  readonly pcDir: string;
  server: ReleaseServer;
  readonly logLines: string[];
  /** Writes a release and signs the folder as the province does (scripts/sign-update.mjs). */
  publishSigned(version: string): Promise<{ installerName: string; installer: Buffer }>;
  /** The PC's updater at this version, with its electron-updater engine. */
  hubPc(version: string, env?: NodeJS.ProcessEnv): Promise<{ updater: SiteUpdater; events: PcEvents; engine: NsisUpdater }>;
  /** `<data>/update-status.json` as the hub would read it. */
  statusFile(): UpdateStatus;
  close(): Promise<void>;
}

const passphrase = 'mật khẩu đủ dài của tỉnh';

export async function updateBench(): Promise<UpdateBench> {
  const root = mkdtempSync(join(tmpdir(), 'motcua-update-'));
  const release = join(root, 'release');
  const dataDir = join(root, 'data');
  const keysDir = join(root, 'update-keys');
  const pcDir = join(root, 'pc');
  mkdirSync(dataDir);
  mkdirSync(keysDir);
  const key = generateSigningKey(passphrase);
  writeFileSync(join(keysDir, `motcua-update-${key.keyId}.pem`), key.publicPem);
  writeFileSync(join(root, 'province.key'), key.privatePem);
  const logLines: string[] = [];
  const server = await serveFolder(release);
  writeFileSync(join(dataDir, 'update.json'), JSON.stringify({ url: server.url }));
  const bench: UpdateBench = {
    root,
    release,
    dataDir,
    keysDir,
    pcDir,
    server,
    logLines,
    async publishSigned(version) {
      const written = writeRelease(release, version);
      await signReleaseFolder(release, readSigningKey(join(root, 'province.key'), passphrase));
      return written;
    },
    async hubPc(version, env = {}) {
      const { engine, events } = hubPcEngine(pcDir, version);
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      });
      const log = await createLogger({ name: 'hub', dir: null, destination });
      const updater = new SiteUpdater({ engine, dataDir, keysDir, currentVersion: version, log, fetch: (url, init) => fetch(url, init), env, channelFile: 'latest.yml', timeoutMs: 5000 });
      return { updater, events, engine };
    },
    statusFile: () => UpdateStatus.parse(JSON.parse(readFileSync(join(dataDir, UPDATE_STATUS_FILE), 'utf8'))),
    async close() {
      await bench.server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return bench;
}
