import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../common/node/atomic-file';

export interface SyncMarker {
  readonly incarnation: string;
  readonly ackedThrough: number;
}

/**
 * A note next to the database of how far the central acknowledged its stream. A database copied
 * back from an older backup remembers less than this note: that is how a restore is noticed
 * (docs/SYNC.md, "Incarnations and restored backups").
 */
export function readMarker(dataDir: string): SyncMarker | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'sync-marker.json'), 'utf8')) as SyncMarker;
  } catch {
    return null;
  }
}

export function writeMarker(dataDir: string, marker: SyncMarker): void {
  const file = join(dataDir, 'sync-marker.json');
  writeFileAtomic(file, JSON.stringify(marker));
}
