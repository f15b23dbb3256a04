// pino-roll ships no types; this is the part of its API (README, "build(options) => SonicBoom") we use.
declare module 'pino-roll' {
  import type { SonicBoom, SonicBoomOpts } from 'sonic-boom';
  interface RollOptions extends Omit<SonicBoomOpts, 'dest' | 'fd'> {
    file: string | (() => string);
    size?: number | string;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
  }
  export default function roll(options: RollOptions): Promise<SonicBoom>;
}
