import type { UpdateInfo } from 'electron-updater';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import semver from 'semver';
import { z } from 'zod';
import { UpdateError } from './update-errors';

/**
 * A release as the province's signed channel file describes it. Parsed by electron-updater's own
 * parser (so we read exactly what it would), then held to what the signature must cover: a
 * version, and a sha512 for every file — a file without one would be downloaded unchecked.
 */
const FileEntry = z.object({
  url: z.string().min(1).max(500),
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 (base64) bắt buộc cho mọi tệp'),
  size: z.int().positive().optional(),
});
const ChannelContent = z.object({
  version: z.string().refine((v) => semver.valid(v) !== null, 'phiên bản không theo SemVer'),
  files: z.array(FileEntry).min(1).max(20),
  releaseDate: z.string().optional(),
});

export interface VerifiedRelease {
  readonly version: string;
  /** What electron-updater is handed instead of fetching the channel file again. */
  readonly info: UpdateInfo;
  readonly files: readonly z.infer<typeof FileEntry>[];
}

/** The channel file electron-builder writes for this platform (same names electron-updater asks for). */
export function channelFileName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
}

export function parseRelease(channelFile: string, text: string): VerifiedRelease {
  let raw: unknown;
  try {
    raw = parseUpdateInfo(text, channelFile, new URL(`file:///${channelFile}`));
  } catch (e) {
    throw new UpdateError('UPDATE_METADATA_INVALID', `${channelFile} đã được ký nhưng không đọc được (YAML hỏng).`, { cause: e });
  }
  const parsed = ChannelContent.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UpdateError('UPDATE_METADATA_INVALID', `${channelFile} đã được ký nhưng thiếu thông tin cần thiết (${why}).`);
  }
  return { version: parsed.data.version, info: raw as UpdateInfo, files: parsed.data.files };
}

/**
 * Only a newer version is installed. An older one is never offered back, even validly signed: a
 * server (or someone who copied an old release onto it) cannot roll a site back to a version
 * with a known fault.
 */
export function isNewer(available: string, current: string): boolean {
  return semver.gt(available, current);
}
