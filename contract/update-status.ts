import { z } from 'zod';
import { IsoTime } from './scalars';

/**
 * What the Electron shell's updater last did, as it writes it to `<data>/update-status.json`
 * (UPDATE_STATUS_FILE) for the hub to show on the "about" page and in the diagnostics bundle. A
 * file, not a call: the shell and the hub run in one process on the hub PC, but a headless hub
 * has no updater at all and then simply finds no file.
 */
export const UpdateState = z.enum(['disabled', 'idle', 'checking', 'downloading', 'ready', 'error']);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  state: UpdateState,
  /** The provincial file server's folder the app updates from (generic provider); null = none set. */
  channelUrl: z.string().max(2000).nullable(),
  currentVersion: z.string().max(64),
  /** A newer version found on the channel (downloading or ready to install at the next restart). */
  availableVersion: z.string().max(64).nullable(),
  checkedAt: IsoTime.nullable(),
  /** Why the last check or download failed, for the admin: a stable code and a Vietnamese message. */
  error: z.object({ code: z.string().max(64), message: z.string().max(2000) }).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const UPDATE_STATUS_FILE = 'update-status.json';
