import { createHash, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createSite, engines, openTestDb, procedure, SiteOutbox, startTestCentral } from './helpers';

/** One HTTP/1.1 exchange written byte for byte: the status of the answer, or null when the connection closed without one. */
function exchange(url: string, raw: Buffer): Promise<number | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let head = '';
    socket.setTimeout(20_000, () => reject(new Error(`no answer to ${JSON.stringify(raw.subarray(0, 120).toString('latin1'))}`)));
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      // Skip interim answers (100 Continue): the final status is what counts.
      const m = /^(?:HTTP\/1\.1 1\d\d [^\r]*\r\n\r\n)*HTTP\/1\.1 (\d{3})/.exec(head);
      if (m && Number(m[1]) >= 200) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
    // Written without half-closing: a client that sends FIN first gets its request aborted by Node.
    socket.write(raw);
  });
}

interface Sent {
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
}

const request = (s: Sent): Buffer => {
  const lines = [`${s.method} ${s.target} HTTP/1.1`, 'host: central', 'connection: close', ...Object.entries(s.headers).map(([k, v]) => `${k}: ${v}`)];
  if (s.body) lines.push(`content-length: ${s.body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), s.body ?? Buffer.alloc(0)]);
};

/** Strings that broke the central: U+0000, lone surrogates, year 0000, control characters. */
const nasty = fc.constantFrom('\u0000', 'Nguyễn\u0000An', '\ud800', 'a\udc00b', '\u0007\u001b[31m', '0000-01-01T00:00:00Z', '', ' ', 'x'.repeat(300), '2026-02-30T00:00:00Z');
const anyValue: fc.Arbitrary<unknown> = fc.oneof(nasty, fc.jsonValue(), fc.constantFrom(2 ** 31, 2 ** 53, -1, 0, 1e308, null, [], {}));
const deep = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;

/** An object with one field (maybe nested one level) replaced by something odd. */
const mutated = (base: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(base)), fc.oneof({ weight: 6, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(deep(200)) })).map(([k, v]) => ({ ...base, [k]: v }));

const encodeBody = (json: string, how: 'plain' | 'gzip' | 'truncated'): Buffer => {
  const b = Buffer.from(json);
  if (how === 'plain') return b;
  const gz = gzipSync(b);
  return how === 'gzip' ? gz : gz.subarray(0, Math.max(1, gz.length - 5));
};

describe.each(engines)('the central under odd and hostile requests (%s)', (engine) => {
  let url = '';
  let stop: () => Promise<void> = async () => undefined;
  const siteId = `xa-fuzz-${randomUUID().slice(0, 6)}`;
  let credential = '';

  beforeAll(async () => {
    const t = await openTestDb(engine);
    // No throttling and no stream limit here: wrong tokens and fresh streams are part of the noise.
    const c = await startTestCentral(t.db, { limits: { authFailures: 1_000_000, maxStreamsPerSite: 1_000_000 } });
    url = c.url;
    credential = await createSite(url, siteId);
    stop = async () => {
      await c.close();
      await t.dispose();
    };
  });
  afterAll(() => stop());

  const syncHeaders = (): fc.Arbitrary<Record<string, string>> =>
    fc.record({
      authorization: fc.constantFrom(`Bearer ${credential}`, `Bearer ${credential}`, 'Bearer sai', 'Basic abc', ''),
      'x-motcua-protocol': fc.constantFrom('1', '1', '0', '2', 'x', ''),
      'x-motcua-site': fc.constantFrom(siteId, siteId, 'xa-khac', ''),
      'content-encoding': fc.constantFrom('gzip', 'identity', 'br'),
    });

  /** A push that is right in every way but one or two (its headers right four times in five). */
  const push: fc.Arbitrary<Sent> = fc
    .tuple(
      fc.constantFrom('ticket', 'dossier', 'rating'),
      fc.option(fc.tuple(fc.constantFrom('type', 'version', 'aggregateId', 'createdAt', 'seq', 'eventId'), anyValue)),
      fc.option(fc.tuple(fc.constantFrom('at', 'status', 'applicant', 'ticketId', 'dossierId', 'procedureVersion', 'data', 'reasons', 'x'), anyValue)),
      fc.boolean(),
      fc.constantFrom('plain' as const, 'gzip' as const, 'gzip' as const, 'truncated' as const),
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: syncHeaders() }),
    )
    .map(([kind, eventChange, payloadChange, rehash, how, broken]) => {
      const o = new SiteOutbox(siteId);
      const t = randomUUID();
      const e = kind === 'ticket' ? o.ticket('issued', t, 'waiting') : kind === 'dossier' ? o.dossier('received', randomUUID(), 'received') : o.rating(t);
      const payload = payloadChange ? JSON.stringify({ ...(JSON.parse(e.payload) as object), [payloadChange[0]]: payloadChange[1] }) : e.payload;
      const ev: Record<string, unknown> = { ...e, payload, ...(eventChange ? { [eventChange[0]]: eventChange[1] } : {}) };
      if (rehash) ev.hash = createHash('sha256').update(`${String(ev.type)}|${String(ev.version)}|${String(ev.aggregateId)}|${String(ev.payload)}`).digest('hex');
      const body = JSON.stringify({ ...o.request([]), events: [ev] });
      const headers = broken ?? {
        authorization: `Bearer ${credential}`, 'x-motcua-protocol': '1', 'x-motcua-site': siteId, 'content-encoding': how === 'plain' ? 'identity' : 'gzip',
      };
      return { method: 'POST', target: `/sync/v1/sites/${siteId}/events`, headers: { ...headers, 'content-type': 'application/json' }, body: encodeBody(body, how) };
    });

  /** A back-office call with the right token and a body wrong in one field. */
  const admin: fc.Arbitrary<Sent> = fc
    .oneof(
      fc.tuple(fc.constant('/admin/sites'), mutated({ siteId: `xa-${randomUUID().slice(0, 8)}`, name: 'Xã thử', expiresInDays: 30 })),
      fc.tuple(fc.constant('/admin/catalog'), mutated({ procedure: procedure('9.000001.H99') })),
      fc.tuple(fc.constant('/admin/catalog'), mutated(procedure('9.000002.H99')).map((p) => ({ procedure: p }))),
      fc.tuple(fc.constant(`/admin/sites/${siteId}/staff`), mutated({ username: 'canbo1', fullName: 'Cán bộ', role: 'officer', active: true }).map((staff) => ({ staff }))),
      fc.tuple(fc.constant(`/admin/sites/${siteId}/dossiers/${randomUUID()}/status`), mutated({ status: 'processing', note: 'Đang xử lý' })),
      fc.tuple(fc.constantFrom('/admin/feeds/catalog/compact', '/admin/feeds/staff/compact'), mutated({ keepFrom: 1, siteId })),
      fc.tuple(fc.constant('/admin/calendar'), mutated({ calendar: { year: 2027, province: null, days: [] } })),
      fc.tuple(fc.constant('/admin/sites/xa-khac/credential'), mutated({ expiresInDays: 30 })),
      fc.tuple(fc.constant('/admin/login'), mutated({ username: 'canbo.thu', password: 'mat-khau-thu-nghiem' })),
      fc.tuple(fc.constant('/admin/accounts'), mutated({ username: `canbo.${randomUUID().slice(0, 6)}`, fullName: 'Cán bộ thử', role: 'clerk' })),
      fc.tuple(fc.constant('/admin/accounts/canbo.thu'), mutated({ fullName: 'Cán bộ thử', role: 'clerk', active: true, resetPassword: false })),
    )
    .chain(([target, body]) =>
      fc.constantFrom('plain' as const, 'gzip' as const).map((how) => ({
        method: 'POST',
        target,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...(how === 'gzip' ? { 'content-encoding': 'gzip' } : {}) },
        body: encodeBody(JSON.stringify(body), how),
      })),
    );

  /** Anything at all: methods, request targets (absolute-form too), headers and bodies. */
  const anything: fc.Arbitrary<Sent> = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'FOO', 'M-SEARCH'),
    target: fc.oneof(
      fc.constantFrom(
        'http://[/', 'http://[::1/admin/sites', 'http://a:b@c/admin/sites', 'http://central/admin/sites', '*', '//', '/%', '/%zz', '/%E0%A4%A',
        '/sync/v1/sites/%00/status', '/sync/v1/sites/%ZZ/events', '/admin/sites/%ED%A0%80/staff', '/admin/feeds/%00/compact', '/sync/v1/sites/x/feeds/catalog?cursor=-1',
        '/sync/v1/sites/x/feeds/catalog?cursor=99999999999999999999&limit=0', '/admin/sites/x/dossiers?limit=1e3', '/admin/dossiers?q=%25_%5C', `/admin/dossiers?q=${'Nguyễn'.repeat(40)}`,
        '/admin/dossiers?q=%00%00', '/admin/sites/x/dossiers/not-a-uuid', '/admin/accounts/%00', '/admin/audit?limit=-1', `/${'a'.repeat(5000)}`, '/../../etc/passwd', '/?%',
      ),
      fc.tuple(fc.constantFrom('/sync/v1/sites/', '/admin/sites/', '/admin/feeds/', '/'), fc.webSegment(), fc.constantFrom('', '/events', '/status', '/feeds/catalog', '/staff', '/credential'))
        .map(([a, b, c]) => `${a}${b}${c}`),
    ),
    headers: fc.oneof(
      syncHeaders(),
      fc.record({ authorization: fc.constantFrom(`Bearer ${ADMIN_TOKEN}`, 'Bearer x', ''), 'content-encoding': fc.constantFrom('gzip', 'identity', 'deflate') }),
    ),
    body: fc.option(
      fc.oneof(
        fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
        nasty.map((s) => Buffer.from(JSON.stringify({ name: s, siteId: s, procedure: s, staff: s, status: s, note: s, keepFrom: s }))),
        fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
        fc.constant(Buffer.from(`{"a":${'['.repeat(30_000)}`)),
      ),
    ),
  });

  it('never answers 5xx nor stops, whatever it is sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: push }, { weight: 2, arbitrary: admin }, { weight: 3, arbitrary: anything }), async (sent) => {
        const status = await exchange(url, request(sent));
        expect(status === null || status < 500, `${status} to ${sent.method} ${sent.target.slice(0, 100)}`).toBe(true);
      }),
      { numRuns: 250 },
    );
    expect((await fetch(`${url}/`)).status).toBe(200);
  });

  it('answers malformed request lines and headers with a 4xx or by closing, and goes on', async () => {
    const lines = [
      'GET http://[/ HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET http://[::1 HTTP/1.1\r\nhost: x\r\n\r\n',
      'POST http://[/sync/v1/sites/x/events HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n{}',
      'GET / HTTP/1.1\r\nhost: x\r\nbroken header line\r\n\r\n',
      'GET /\u0000 HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET / HTTP/9.9\r\nhost: x\r\n\r\n',
      'POST /admin/sites HTTP/1.1\r\nhost: x\r\ncontent-length: -5\r\n\r\n',
      'POST /admin/sites HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
      `GET / HTTP/1.1\r\nhost: x\r\nx-long: ${'a'.repeat(20_000)}\r\n\r\n`,
      '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003',
      'GET\r\n\r\n',
    ];
    for (const line of lines) {
      const status = await exchange(url, Buffer.from(line, 'latin1'));
      expect(status === null || (status >= 400 && status < 500), `${status} to ${JSON.stringify(line.slice(0, 60))}`).toBe(true);
    }
    expect((await fetch(`${url}/`)).status).toBe(200);
  });
});
