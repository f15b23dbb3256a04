import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { build, Platform, type Configuration } from 'electron-builder';
import * as ResEdit from 'resedit';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * electron-builder.yml as electron-builder reads it: its own schema check (the same function
 * `electron-builder` runs, over app-builder-lib's scheme.json), every file the configuration names,
 * the icons themselves, and a real `electron-builder --dir` on Windows and Linux. Electron cannot
 * be downloaded here, so the packaging runs with a stand-in Electron (`electronDist`): a PE file
 * with a version resource for Windows — electron-builder writes the app's icon and the asar
 * integrity into it with resedit, as into the real electron.exe — and an empty file for Linux. The
 * NSIS installer itself is not built: makensis and its plugins are downloaded by electron-builder.
 */
const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'motcua-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const debugLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

async function realConfig(): Promise<Configuration> {
  return getConfig(root, join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation, which does refuse a misspelt option", async () => {
    const config = await realConfig();
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    const typo = { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration;
    await expect(validateConfiguration(typo, debugLogger)).rejects.toThrow(/does not match the API schema[^]*configuration\.nsis/);
  });

  it('names only files that exist, and the icons are the sizes Windows and Linux ask for', async () => {
    const config = await realConfig();
    expect(statSync(join(root, config.directories!.buildResources!)).isDirectory()).toBe(true);
    for (const file of [config.win!.icon, config.nsis!.installerIcon, config.nsis!.uninstallerIcon]) {
      expect(existsSync(join(root, file!)), file!).toBe(true);
    }
    const linuxIcons = join(root, config.linux!.icon!);
    for (const name of readdirSync(linuxIcons)) {
      const size = Number(/^(\d+)x\1\.png$/.exec(name)![1]);
      const image = await loadImage(readFileSync(join(linuxIcons, name)));
      expect([image.width, image.height]).toEqual([size, size]);
    }
    expect(readdirSync(linuxIcons)).toEqual(expect.arrayContaining(['512x512.png', '256x256.png']));
    expect(icoSizes(readFileSync(join(root, config.win!.icon!)))).toEqual([256, 128, 64, 48, 32, 24, 16]);
  });

  it('publishes to a generic provider whose URL is a placeholder, and keeps the site data on uninstall', async () => {
    const config = await realConfig();
    const publish = config.publish as { provider: string; url: string };
    expect(publish.provider).toBe('generic');
    expect(new URL(publish.url).hostname.endsWith('.invalid')).toBe(true);
    // Unattended silent updates: a per-user install needs no administrator at night.
    expect(config.nsis).toMatchObject({ perMachine: false, deleteAppDataOnUninstall: false });
  });

  it('packages for Windows: the app executable carries our icon in every size', async () => {
    const out = await packageWith(Platform.WINDOWS, 'electron.exe', standInWindowsExe());
    const exe = ResEdit.NtExecutable.from(readFileSync(join(out, 'win-unpacked', 'Mot Cua.exe')));
    const groups = ResEdit.Resource.IconGroupEntry.fromEntries(ResEdit.NtExecutableResource.from(exe).entries);
    expect(groups.flatMap((g) => g.icons.map((i) => i.width || 256))).toEqual([256, 128, 64, 48, 32, 24, 16]);
    expect(existsSync(join(out, 'win-unpacked', 'resources', 'app.asar'))).toBe(true);
  });

  it('packages for Linux: app-update.yml names the generic provider and the updater cache', async () => {
    const out = await packageWith(Platform.LINUX, 'electron', Buffer.from('#!/bin/sh\n'));
    const appUpdate = readFileSync(join(out, 'linux-unpacked', 'resources', 'app-update.yml'), 'utf8');
    expect(appUpdate).toContain('provider: generic');
    expect(appUpdate).toContain('url: https://cap-nhat.invalid/motcua/');
    expect(appUpdate).toMatch(/updaterCacheDirName: motcua-updater/);
  });
});

/**
 * `electron-builder --dir` for one platform on the real configuration, in a copy of the project
 * holding what the configuration packages (package.json without dependencies, resources/, a
 * stand-in dist/): the point is the configuration, not copying node_modules for a minute.
 */
async function packageWith(platform: Platform, executable: string, bytes: Buffer): Promise<string> {
  const base = join(tmp, platform.name);
  const project = join(base, 'app');
  const electronDist = join(base, 'electron');
  mkdirSync(join(project, 'dist', 'electron'), { recursive: true });
  mkdirSync(electronDist);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const { name, productName, version, description, main } = pkg;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, productName, version, description, main, author: 'Một Cửa' }));
  cpSync(join(root, 'resources'), join(project, 'resources'), { recursive: true });
  writeFileSync(join(project, 'dist', 'electron', 'main.cjs'), '// stand-in for the built main process\n');
  writeFileSync(join(electronDist, executable), bytes, { mode: 0o755 });
  const config = await realConfig();
  const output = join(base, 'out');
  await build({
    projectDir: project,
    targets: platform.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist, electronVersion: '45.5.0', npmRebuild: false, directories: { ...config.directories, output } },
  });
  return output;
}

/** An empty Windows executable with the version resource Electron's has (electron-builder reads it). */
function standInWindowsExe(): Buffer {
  const exe = ResEdit.NtExecutable.createEmpty(false, false);
  const resources = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setFileVersion(45, 5, 0, 0);
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  return Buffer.from(exe.generate());
}

/** The sizes listed in an .ico's directory (0 in the byte means 256). */
function icoSizes(ico: Buffer): number[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
}
