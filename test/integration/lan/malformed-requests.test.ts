import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../support/hub-process';
import { rawRequest, type RawOptions } from '../../support/raw-http';

/**
 * Requests an attacker or a broken client on the LAN can send, each of which killed the hub
 * process before (an uncaught URIError or TypeError in the request or upgrade handler). The hub
 * runs as its own process so a crash shows as a dead process, not as a failed test worker.
 */
const post = (target: string) => `POST ${target} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`;
const get = (target: string) => `GET ${target} HTTP/1.1\r\nHost: hub\r\n\r\n`;
const upgrade = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: hub\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;

/** An unmasked text frame "hi": clients must mask theirs, so the server's WebSocket library raises a protocol error. */
const unmaskedFrame = Buffer.from([0x81, 0x02, 0x68, 0x69]);

const cases: { name: string; request: string; expected: number | null | 'closed-or-4xx'; options?: RawOptions }[] = [
  { name: 'POST /api/%ZZ', request: post('/api/%ZZ'), expected: 400 },
  { name: 'POST /api/%', request: post('/api/%'), expected: 400 },
  { name: 'POST /api/%E0%A4%A', request: post('/api/%E0%A4%A'), expected: 400 },
  { name: 'POST /api/system.health%', request: post('/api/system.health%'), expected: 400 },
  { name: 'absolute-form with a port out of range', request: get('http://hub:99999/'), expected: 400 },
  { name: 'absolute-form that is not a URL', request: get('http://[/'), expected: 400 },
  { name: 'absolute-form POST to an op', request: post('http://[/api/system.health'), expected: 400 },
  { name: 'upgrade on an absolute-form that is not a URL', request: upgrade('http://[/api/events'), expected: 'closed-or-4xx' },
  { name: 'upgrade with a port out of range', request: upgrade('http://hub:99999/api/events'), expected: 'closed-or-4xx' },
  // The upgrade itself is well formed: accepted, then told the token is not valid (bye, 4401).
  { name: 'upgrade with an undecodable token', request: upgrade('/api/events?token=%ZZ&after=%E0%A4%A'), expected: 101 },
  { name: 'upgrade somewhere else', request: upgrade('/api/%ZZ'), expected: 404 },
  { name: 'static GET /%', request: get('/%'), expected: 400 },
  { name: 'static GET /%E0%A4%A', request: get('/%E0%A4%A'), expected: 400 },
  { name: 'static GET /assets/%ZZ', request: get('/assets/%ZZ'), expected: 400 },
  { name: 'static overlong dots', request: get('/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd'), expected: 400 },
  { name: 'static NUL', request: get('/assets/a%00b.js'), expected: 404 },
  { name: 'plain GET on the event stream', request: get('/api/events'), expected: 426 },
  { name: 'garbage bytes', request: '\u0000\u0001\u0002 \r\n\r\n', expected: 'closed-or-4xx' },
  { name: 'HTTP/9.9', request: 'GET / HTTP/9.9\r\nHost: hub\r\n\r\n', expected: 'closed-or-4xx' },
  { name: 'a header line without a colon', request: 'GET / HTTP/1.1\r\nHost hub\r\n\r\n', expected: 'closed-or-4xx' },
  { name: 'a 100 kB header', request: `GET / HTTP/1.1\r\nHost: hub\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`, expected: 431 },
  { name: 'upgrade somewhere else, then a reset', request: upgrade('/api/%ZZ'), expected: null, options: { reset: true } },
  { name: 'upgrade with a bad URL, then a reset', request: upgrade('http://[/api/events'), expected: null, options: { reset: true } },
  { name: 'upgrade on the event stream, then a reset', request: upgrade('/api/events'), expected: null, options: { reset: true } },
  { name: 'an unmasked frame from a client without a token', request: upgrade('/api/events'), expected: 101, options: { afterHead: unmaskedFrame, waitMs: 1500 } },
  { name: 'an oversized frame from a client without a token', request: upgrade('/api/events'), expected: 101, options: { afterHead: Buffer.from([0x81, 0xff, ...Buffer.alloc(8, 0xff), 0, 0, 0, 0]), waitMs: 1500 } },
  { name: 'a body shorter than declared, then silence', request: 'POST /api/system.health HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"', expected: null },
];

describe('malformed requests on the LAN', () => {
  let dir: string;
  let hub: HubProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-malformed-'));
    hub = await startHubProcess(dir);
  });
  afterAll(async () => {
    await hub?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(`${c.name}: answered without a 5xx, and the hub keeps serving`, async () => {
      const answer = await rawRequest(hub.url, c.request, c.options ?? { waitMs: c.expected === null ? 1500 : 10_000 });
      if (c.expected === 'closed-or-4xx') {
        if (answer.status !== null) expect(answer.status).toBeGreaterThanOrEqual(400);
        if (answer.status !== null) expect(answer.status).toBeLessThan(500);
      } else {
        expect(answer.status).toBe(c.expected);
      }
      // A crash takes a moment to show: ask the hub something first.
      await fetch(`${hub.url}/api/system.health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
      expect(hub.child.exitCode, hub.output()).toBeNull();
      expect(hub.child.signalCode).toBeNull();
      const health = await fetch(`${hub.url}/api/system.health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(health.status).toBe(200);
    });
  }
});
