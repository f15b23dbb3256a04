import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { z } from 'zod';
import { HttpError } from './http-error';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Request bodies: at most 8 MiB once decompressed (docs/SYNC.md: 413 and the hub halves its batch). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Gzip never grows data by more than a few bytes per 16 KiB block: a compressed body above this is too large whatever it holds. */
const MAX_RAW_BYTES = MAX_BODY_BYTES + 64 * 1024;
/** Beyond this the rest of an oversized body is not even read: the connection is dropped. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
/** Answers smaller than this are sent as they are (docs/SYNC.md: bodies over 1 KiB are gzipped). */
const GZIP_FROM_BYTES = 1024;

const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên vượt quá 8 MiB: hãy gửi lô nhỏ hơn.');

/**
 * The request body, decompressed (gzip or none), bounded before and after decompression. An
 * oversized body is still read to its end (up to a bound), so the client gets the 413 instead of a
 * reset connection in the middle of its upload.
 */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    throw new HttpError(415, 'UNSUPPORTED_ENCODING', `Không hỗ trợ mã hóa nội dung "${encoding}".`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_RAW_BYTES) chunks.push(chunk);
    else if (size > MAX_DRAIN_BYTES) {
      req.destroy();
      break;
    }
  }
  if (size > MAX_RAW_BYTES) throw tooLarge();
  const raw = Buffer.concat(chunks);
  if (encoding === 'identity') {
    if (raw.length > MAX_BODY_BYTES) throw tooLarge();
    return raw;
  }
  try {
    return await gunzipAsync(raw, { maxOutputLength: MAX_BODY_BYTES });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new HttpError(400, 'BAD_GZIP', 'Dữ liệu nén gzip bị hỏng hoặc không đầy đủ.');
  }
}

/** The body as JSON checked against a schema (an empty body is `{}`). */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const body = await readBody(req);
  let json: unknown;
  try {
    json = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function validationError(error: z.ZodError): HttpError {
  const detail = error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
  return new HttpError(400, 'VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${detail}`);
}

/** A JSON answer, gzipped when the client accepts it and it is worth it. */
export async function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<void> {
  await send(req, res, status, Buffer.from(JSON.stringify(body)), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

export async function send(req: IncomingMessage, res: ServerResponse, status: number, data: Buffer, headers: Readonly<Record<string, string>>): Promise<void> {
  const gz = data.length >= GZIP_FROM_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const out = gz ? await gzipAsync(data) : data;
  res.writeHead(status, {
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...headers,
    ...(gz ? { 'content-encoding': 'gzip' } : {}),
    'content-length': String(out.length),
  });
  res.end(out);
}
