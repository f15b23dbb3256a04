import { createServer } from 'node:net';

/** A TCP port of 127.0.0.1 free at this moment (a server started later may still lose it: retry). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
