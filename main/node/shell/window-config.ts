import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { windowRoles } from '../../../contract/shell';
import type { WindowPlacement } from '../../core/shell-windows';
import { writeFileAtomic } from '../../../common/node/atomic-file';

/** Which windows the hub PC opens and where, remembered in the data folder across restarts. */
export class WindowConfig {
  private readonly file: string;
  placements: WindowPlacement[];

  constructor(dataDir: string) {
    this.file = join(dataDir, 'windows.json');
    this.placements = WindowConfig.read(this.file);
  }

  private static read(file: string): WindowPlacement[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return WindowConfig.firstStart;
    }
    try {
      const parsed = JSON.parse(text) as { windows?: unknown };
      const valid = (Array.isArray(parsed.windows) ? parsed.windows : []).filter(isPlacement);
      if (valid.length > 0) return valid;
    } catch {
      // A damaged file (a power cut mid-write on an older version) must not keep the app from opening.
    }
    return WindowConfig.firstStart;
  }

  /** A new hub PC opens the counter screen; the admin opens the others from the Màn hình menu. */
  private static readonly firstStart: WindowPlacement[] = [{ role: 'counter', displayId: null, bounds: null }];

  upsert(p: WindowPlacement): void {
    this.placements = [...this.placements.filter((w) => w.role !== p.role), p];
    this.save();
  }

  remove(role: WindowPlacement['role']): void {
    this.placements = this.placements.filter((w) => w.role !== role);
    this.save();
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify({ windows: this.placements }, null, 2));
  }
}

function isPlacement(w: unknown): w is WindowPlacement {
  if (typeof w !== 'object' || w === null) return false;
  const p = w as Record<string, unknown>;
  const rect = p.bounds === null || (typeof p.bounds === 'object' && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((p.bounds as Record<string, unknown>)[k])));
  return windowRoles.includes(p.role as WindowPlacement['role']) && (p.displayId === null || Number.isInteger(p.displayId)) && rect;
}
