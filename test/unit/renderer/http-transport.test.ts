import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HubError } from '../../../contract/errors';
import { httpTransport } from '../../../renderer/src/hub/http-transport';

/** A real HTTP server that answers 200 with whatever the test puts in `body` (a proxy, a cut-off answer). */
describe('the HTTP transport', () => {
  let server: Server;
  let url: string;
  let body = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('turns a 200 whose body cannot be read into an error the screen shows (and logs it), not a null taken for data', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    body = '{"siteName": "UBND xã';
    const outcome = await httpTransport(url, () => null)('system.health', {}).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(outcome).toEqual({ error: expect.any(HubError) });
    expect((outcome as { error: HubError }).error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^Câu trả lời của máy chủ Một Cửa bị lỗi/) });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('still hands over a readable answer', async () => {
    body = '{"ok":true}';
    expect(await httpTransport(url, () => null)('system.health', {})).toEqual({ ok: true });
  });
});
