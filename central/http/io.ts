import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { z } from 'zod';
import { hasBadChar } from '../../contract/safe-text';
import { unstorableJson } from '../sync/storable';
import { HttpError } from './http-error';
import type { Limits } from './limits';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Beyond this the rest of an oversized body is not even read: the connection is dropped. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;
/** Answers smaller than this are sent as they are (docs/SYNC.md: bodies over 1 KiB are gzipped). */
const GZIP_FROM_BYTES = 1024;

/** An answer after which the connection is closed: the rest of the request was not read. */
const CLOSE = { connection: 'close' } as const;

const tooLarge = (limits: Limits) =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên vượt quá ${Math.round(limits.maxBodyBytes / 1024 / 1024)} MiB: hãy gửi lô nhỏ hơn.`, {}, CLOSE);

/** The client went away in the middle of its body: nobody to answer. */
export class ClientGone extends Error {}

/**
 * The request body as it travelled (not decompressed yet), bounded in size (with room for gzip's
 * few bytes of overhead) and in time: a body not complete within `bodyTimeoutMs` of its headers
 * gets 408 and its connection closed, however slowly it trickles. An oversized body is still read
 * to its end (up to a bound, within the same deadline), so the client gets the 413 instead of a
 * reset connection in the middle of its upload.
 */
export function receive(req: IncomingMessage, limits: Limits): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_ENCODING', `Không hỗ trợ mã hóa nội dung "${encoding.slice(0, 40)}".`, {}, CLOSE));
  }
  const maxRaw = limits.maxBodyBytes + 64 * 1024;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (settle: () => void) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      settle();
    };
    const timer = setTimeout(() => {
      req.pause();
      done(() => reject(new HttpError(408, 'BODY_TIMEOUT', 'Dữ liệu gửi lên quá chậm: máy chủ tỉnh đã ngừng chờ.', {}, CLOSE)));
    }, limits.bodyTimeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRaw) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        done(() => reject(new ClientGone()));
      }
    };
    const onEnd = () => done(() => (size > maxRaw ? reject(tooLarge(limits)) : resolve(Buffer.concat(chunks))));
    const onClose = () => done(() => reject(new ClientGone()));
    req.on('data', onData).on('end', onEnd).on('close', onClose);
  });
}

/**
 * A received body decompressed and read as JSON checked against a schema (an empty body is `{}`).
 * `strictText`: no control character, lone surrogate or deep nesting anywhere (the back office's
 * names and notes) — refused with 400 before the schema and the database see it.
 */
export async function parseJson<S extends z.ZodType>(req: IncomingMessage, raw: Buffer, limits: Limits, schema: S, strictText: boolean): Promise<z.infer<S>> {
  let body = raw;
  if ((req.headers['content-encoding'] ?? '').toLowerCase() === 'gzip') {
    try {
      body = await gunzipAsync(raw, { maxOutputLength: limits.maxBodyBytes });
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits);
      throw new HttpError(400, 'BAD_GZIP', 'Dữ liệu nén gzip bị hỏng hoặc không đầy đủ.');
    }
  } else if (body.length > limits.maxBodyBytes) throw tooLarge(limits);
  let json: unknown;
  try {
    json = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  const unfit = strictText ? unstorableJson(json, true) : null;
  if (unfit !== null) throw new HttpError(400, 'VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${unfit}.`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** A back-office body: received, decompressed, no control characters, checked against its schema. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, limits: Limits, schema: S): Promise<z.infer<S>> {
  return parseJson(req, await receive(req, limits), limits, schema, true);
}

function validationError(error: z.ZodError): HttpError {
  const detail = error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
  return new HttpError(400, 'VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${detail}`);
}

/**
 * A self-contained HTML page (central/http/*-page.ts) whose script and style run under a nonce of
 * this response only: nothing else may run, load or frame it. `forms`: the page's forms may post
 * to the central itself (the booking pages); every other page posts nothing.
 */
export async function sendPage(
  req: IncomingMessage, res: ServerResponse, render: (nonce: string) => string, o: { readonly status?: number; readonly forms?: boolean; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  await send(req, res, o.status ?? 200, Buffer.from(render(nonce)), {
    ...o.headers,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action ${o.forms ? "'self'" : "'none'"}; frame-ancestors 'none'`,
  });
}

/** A form's answer: see the page at `location` (303, so a reload does not post again). */
export async function redirect(req: IncomingMessage, res: ServerResponse, location: string): Promise<void> {
  await send(req, res, 303, Buffer.alloc(0), { location });
}

/** A citizen's form fits in this; the booking form is a few hundred bytes. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * A posted HTML form (`application/x-www-form-urlencoded`), with no control character in any value
 * (contract/safe-text.ts): what the citizen typed reaches the hub in the feed.
 */
export async function readForm(req: IncomingMessage, limits: Limits): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Biểu mẫu phải được gửi dạng application/x-www-form-urlencoded.');
  const raw = await receive(req, { ...limits, maxBodyBytes: MAX_FORM_BYTES });
  if (raw.length > MAX_FORM_BYTES) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Biểu mẫu gửi lên quá dài.');
  const form = new URLSearchParams(raw.toString('utf8'));
  for (const [k, v] of form) {
    if (hasBadChar(k) || hasBadChar(v)) throw new HttpError(400, 'VALIDATION_FAILED', 'Biểu mẫu có ký tự điều khiển: mời nhập lại.');
  }
  return form;
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
    // No answer of the central is ever to be read as anything but its declared type.
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...headers,
    ...(gz ? { 'content-encoding': 'gzip' } : {}),
    'content-length': String(out.length),
  });
  res.end(out);
}
