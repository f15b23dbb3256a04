import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { windowRoles, type WindowRole } from '../../contract/shell';

export interface WindowPlacement {
  readonly role: WindowRole;
  /** Electron display id the window belongs on; null = primary. */
  readonly displayId: number | null;
  readonly bounds: { x: number; y: number; width: number; height: number } | null;
}

/** Which windows the hub PC opens and where, remembered in the data folder across restarts. */
export class WindowConfig {
  private readonly file: string;
  placements: WindowPlacement[];

  constructor(dataDir: string) {
    this.file = join(dataDir, 'windows.json');
    this.placements = WindowConfig.read(this.file);
  }

  private static read(file: string): WindowPlacement[] {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { windows?: WindowPlacement[] };
      const valid = (parsed.windows ?? []).filter((w) => windowRoles.includes(w.role));
      if (valid.length > 0) return valid;
    } catch {
      /* first start or unreadable: the default below */
    }
    return [{ role: 'counter', displayId: null, bounds: null }];
  }

  upsert(p: WindowPlacement): void {
    this.placements = [...this.placements.filter((w) => w.role !== p.role), p];
    this.save();
  }

  remove(role: WindowRole): void {
    this.placements = this.placements.filter((w) => w.role !== role);
    this.save();
  }

  private save(): void {
    writeFileSync(this.file, JSON.stringify({ windows: this.placements }, null, 2));
  }
}
