import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceKind } from '../../../contract/access';
import { writeFileAtomic } from '../../../common/node/atomic-file';

/**
 * The device tokens of the hub PC's own kiosk, display and rating windows, kept in the data folder
 * (readable by this user only) so that a restart does not pair them again.
 */
export class LocalTokens {
  private readonly file: string;
  private tokens: Partial<Record<DeviceKind, string>>;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'local-devices.json');
    this.tokens = LocalTokens.read(this.file);
  }

  get(kind: DeviceKind): string | null {
    return this.tokens[kind] ?? null;
  }

  set(kind: DeviceKind, token: string): void {
    this.tokens = { ...this.tokens, [kind]: token };
    writeFileAtomic(this.file, JSON.stringify(this.tokens), 0o600);
  }

  private static read(file: string): Partial<Record<DeviceKind, string>> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Partial<Record<DeviceKind, string>>;
    } catch {
      // None yet, or damaged: the windows get new tokens (the old device records stay revocable).
      return {};
    }
  }
}
