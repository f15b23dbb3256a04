import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalog } from '../../../contract/errors';
import { opNames } from '../../../contract/ops';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../../support/hub';
import { invalidBody, paths, replaceAt, shapedLike, type JsonSchema } from '../../support/schema-fuzz';

/**
 * Every operation of the OpenAPI document, called with generated invalid bodies by an anonymous
 * client, a kiosk and an admin: never a 5xx, always the error envelope with a known code, and a
 * refused request writes nothing (the hub's own connection counts every row it changes; the
 * clock is frozen so no "last seen" write happens on the side).
 */
describe('the LAN API under generated invalid input', () => {
  let hub: TestHub;
  const now = Date.now();
  const tokens: Record<'anonymous' | 'kiosk' | 'admin', string | null> = { anonymous: null, kiosk: null, admin: null };
  let doc: { paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: JsonSchema } } } } }> };

  const changes = () => (hub.running.hub.deps.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const call = (name: string, body: string, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${hub.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });
  const adminLogin = async () => {
    const r = await call('auth.login', JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }), null);
    return ((await r.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => now });
    await hub.admin(); // the one-time password changed
    tokens.kiosk = (await hub.device('kiosk')).token;
    tokens.admin = await adminLogin();
    doc = (await (await fetch(`${hub.url}/api/openapi.json`)).json()) as typeof doc;
    // Each credential's first use records when it was last seen: done here, not during the fuzz.
    await call('devices.me', '{}', tokens.kiosk);
    await call('auth.me', '{}', tokens.admin);
  });
  afterAll(() => hub?.close());

  it('covers every operation of the contract', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(opNames.map((n) => `/api/${n}`).sort());
  });

  for (const name of opNames) {
    it(`${name}: no 5xx, a known error code, nothing written when refused`, async () => {
      const schema = doc.paths[`/api/${name}`]!.post.requestBody.content['application/json'].schema;
      for (const who of ['anonymous', 'kiosk', 'admin'] as const) {
        await fc.assert(
          fc.asyncProperty(invalidBody(schema), async (body) => {
            const before = changes();
            const res = await call(name, JSON.stringify(body) ?? 'null', tokens[who]);
            const answer = (await res.json()) as { error?: { code: string; message: string } };
            expect(res.status, JSON.stringify(answer)).toBeLessThan(500);
            if (res.status === 200) return;
            expect(Object.keys(errorCatalog)).toContain(answer.error?.code);
            expect(answer.error?.message.length).toBeGreaterThan(0);
            // A failed login is audited on purpose; nothing else refused may leave a trace.
            if (answer.error?.code !== 'LOGIN_FAILED') expect(changes(), `${who} ${name} ${JSON.stringify(body).slice(0, 200)}`).toBe(before);
          }),
          { numRuns: 20 },
        );
        // A lucky body may have been valid (auth.logout with {}): the admin logs in again.
        if (who === 'admin' && (await call('auth.me', '{}', tokens.admin)).status !== 200) tokens.admin = await adminLogin();
      }
      // Then every string of a few well-shaped bodies, one at a time, with each character no
      // field may hold: whatever else the body gets wrong, this is refused and writes nothing.
      for (const shaped of fc.sample(shapedLike(schema), { seed: 7, numRuns: 4 })) {
        for (const path of paths(shaped).filter((p) => typeof p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], shaped) === 'string')) {
          for (const bad of ['a\u0000b', '\uD800x', 'x\u001by']) {
            const before = changes();
            const body = JSON.stringify(replaceAt(shaped, path, bad));
            const res = await call(name, body, tokens.admin);
            expect(res.status, `${name} ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
            expect(res.status, `${name} ${body.slice(0, 200)}`).toBeLessThan(500);
            expect(changes()).toBe(before);
          }
        }
      }
    });
  }

  it('refuses bodies nested 20 000 deep and bodies that are not JSON, without a 5xx', async () => {
    const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);
    const deepObject = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    for (const body of [deepArray, deepObject, '{', '{"a":1,}', '\u0000', 'null', '"x"', '1e999999']) {
      const res = await call('dossiers.search', body, tokens.admin);
      expect(res.status, body.slice(0, 20)).toBe(400);
    }
  });

  it('searching dossiers with a NUL or an FTS operator answers 400 or results, never 500', async () => {
    for (const q of ['a\u0000b', 'Nguy\u0000ễn', '"', 'a" OR "b', 'NEAR(a b)', '*', '\uD800ab']) {
      const res = await call('dossiers.search', JSON.stringify({ q }), tokens.admin);
      expect([200, 400], q).toContain(res.status);
    }
  });
});
