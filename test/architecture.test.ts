import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of docs/ARCHITECTURE.md, checked on every import line: the folder a file is in
 * says where it runs, and so what it may import.
 */
const root = resolve(import.meta.dirname, '..');

type Layer = 'contract' | 'core' | 'common-node' | 'node' | 'electron' | 'preload' | 'renderer' | 'central';
const layers: { layer: Layer; dir: string }[] = [
  { layer: 'contract', dir: 'contract' },
  { layer: 'core', dir: 'main/core' },
  { layer: 'common-node', dir: 'common/node' },
  { layer: 'node', dir: 'main/node' },
  { layer: 'electron', dir: 'main/electron' },
  { layer: 'preload', dir: 'preload' },
  { layer: 'renderer', dir: 'renderer' },
  { layer: 'central', dir: 'central' },
];

/** What each layer may import: other layers, and kinds of packages. */
const allowed: Record<Layer, { layers: Layer[]; node: boolean; electron: boolean; react: boolean; packages: 'any' | string[] }> = {
  contract: { layers: ['contract'], node: false, electron: false, react: false, packages: ['zod'] },
  core: { layers: ['contract', 'core'], node: false, electron: false, react: false, packages: [] },
  'common-node': { layers: ['contract', 'common-node'], node: true, electron: false, react: false, packages: ['pino', 'pino-roll'] },
  node: { layers: ['contract', 'core', 'common-node', 'node'], node: true, electron: false, react: false, packages: 'any' },
  electron: { layers: ['contract', 'core', 'common-node', 'node', 'electron'], node: true, electron: true, react: false, packages: 'any' },
  preload: { layers: ['contract', 'preload'], node: false, electron: true, react: false, packages: [] },
  renderer: { layers: ['contract', 'renderer'], node: false, electron: false, react: true, packages: 'any' },
  central: { layers: ['contract', 'common-node', 'central'], node: true, electron: false, react: false, packages: 'any' },
};

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(join(root, rel)).isDirectory()) return filesUnder(rel);
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

function layerOf(relPath: string): Layer | null {
  const found = layers.filter((l) => relPath === l.dir || relPath.startsWith(l.dir + '/'));
  return found.sort((a, b) => b.dir.length - a.dir.length)[0]?.layer ?? null;
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(importPattern)) found.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return found;
}

function violations(file: string): string[] {
  const layer = layerOf(file)!;
  const rule = allowed[layer];
  const problems: string[] = [];
  for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), spec));
      const targetLayer = layerOf(target);
      if (targetLayer === null) problems.push(`${file} → ${spec} (outside every layer)`);
      else if (!rule.layers.includes(targetLayer)) problems.push(`${file} (${layer}) → ${spec} (${targetLayer})`);
      continue;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (spec.startsWith('node:') || builtinModules.includes(pkg)) {
      if (!rule.node) problems.push(`${file} (${layer}) → ${spec} (Node built-in)`);
    } else if (pkg === 'electron') {
      if (!rule.electron) problems.push(`${file} (${layer}) → electron`);
    } else if (pkg === 'react' || pkg === 'react-dom') {
      if (!rule.react) problems.push(`${file} (${layer}) → ${spec}`);
    } else if (rule.packages !== 'any' && !rule.packages.includes(pkg)) {
      problems.push(`${file} (${layer}) → package ${pkg}`);
    }
  }
  return problems;
}

describe('architecture', () => {
  const all = layers.flatMap((l) => filesUnder(l.dir));

  it('finds the layers', () => {
    expect(all.some((f) => f.startsWith('main/core/'))).toBe(true);
    expect(all.some((f) => f.startsWith('main/node/'))).toBe(true);
    expect(all.some((f) => f.startsWith('contract/'))).toBe(true);
  });

  it('has no import crossing a layer boundary the wrong way', () => {
    expect(all.flatMap(violations)).toEqual([]);
  });

  it('catches a forbidden arrow (the checker itself works)', () => {
    const fake = (layer: Layer, source: string) => {
      const rule = allowed[layer];
      return importsOf(source).filter((s) => (s.startsWith('node:') && !rule.node) || (s === 'electron' && !rule.electron));
    };
    expect(fake('core', "import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(fake('renderer', "import { ipcRenderer } from 'electron';")).toEqual(['electron']);
    expect(layerOf('main/core/x.ts')).toBe('core');
    expect(layerOf('main/node/db/open.ts')).toBe('node');
  });

  it('keeps the preload a thin pipe: only contextBridge and ipcRenderer from electron', () => {
    for (const file of filesUnder('preload')) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]electron['"]/g)) {
        const names = m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '')).filter(Boolean);
        expect(names.every((n) => n === 'contextBridge' || n === 'ipcRenderer' || n === 'IpcRendererEvent')).toBe(true);
      }
    }
  });
});
