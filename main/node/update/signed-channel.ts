import type { KeyObject } from 'node:crypto';
import { parseRelease, type VerifiedRelease } from './release';
import { unreachable, UpdateError } from './update-errors';
import { verifyChannelFile } from './update-signature';

/** `fetch` as Node and Electron's `net.fetch` both provide it (the shell passes net's: system proxy). */
export type FetchLike = (url: string, init: { signal: AbortSignal; cache: 'no-store' }) => Promise<Response>;

export interface ChannelSource {
  /** The provincial folder, ending in `/`. */
  readonly url: string;
  readonly channelFile: string;
  readonly trustedKeys: readonly KeyObject[];
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
}

/** Channel files are a few hundred bytes; anything this large is not one. */
const MAX_CHANNEL_BYTES = 256 * 1024;
const MAX_SIGNATURE_BYTES = 16 * 1024;

/**
 * Step one of every check: the channel file and its signature from the provincial folder,
 * verified against the keys the app carries, then parsed. Nothing the server says is believed
 * before the signature is checked over the exact bytes received.
 */
export async function fetchSignedRelease(source: ChannelSource): Promise<VerifiedRelease> {
  const { channelFile } = source;
  const bytes = await download(source, channelFile, MAX_CHANNEL_BYTES);
  if (bytes === null) {
    throw new UpdateError('UPDATE_CHANNEL_NOT_FOUND', `Thư mục cập nhật ${source.url} chưa có tệp ${channelFile}: tỉnh chưa đưa bản nào lên, hoặc địa chỉ thư mục sai.`);
  }
  const signature = await download(source, `${channelFile}.sig`, MAX_SIGNATURE_BYTES);
  if (signature === null) {
    throw new UpdateError('UPDATE_SIGNATURE_MISSING', `Bản cập nhật trên máy chủ không có chữ ký (${channelFile}.sig): không cài. Tỉnh cần ký bản phát hành bằng scripts/sign-update.mjs.`);
  }
  verifyChannelFile(channelFile, bytes, Buffer.from(signature).toString('utf8'), source.trustedKeys);
  return parseRelease(channelFile, Buffer.from(bytes).toString('utf8'));
}

/** The file's bytes, or null when the server says it has no such file (404). */
async function download(source: ChannelSource, name: string, maxBytes: number): Promise<Uint8Array | null> {
  const url = new URL(name, source.url).href;
  let response: Response;
  try {
    response = await source.fetch(url, { signal: AbortSignal.timeout(source.timeoutMs), cache: 'no-store' });
  } catch (e) {
    throw unreachable(source.url, e);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UpdateError('UPDATE_SERVER_ERROR', `Máy chủ cập nhật trả lời lỗi HTTP ${response.status} cho ${name}. Máy sẽ tự thử lại sau.`);
  }
  try {
    return await readAtMost(response, maxBytes, name);
  } catch (e) {
    if (e instanceof UpdateError) throw e;
    throw unreachable(source.url, e);
  }
}

async function readAtMost(response: Response, maxBytes: number, name: string): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > maxBytes) {
      // The rest is never read.
      await reader.cancel();
      throw new UpdateError('UPDATE_METADATA_INVALID', `Tệp ${name} trên máy chủ cập nhật lớn quá ${maxBytes / 1024} KB: đó không phải tệp của bản phát hành.`);
    }
    chunks.push(value);
  }
}
