import { lanAddresses } from '../hub-env';

/**
 * Where the LAN server listens, told by the server once it does (main/node/lan/server.ts), so the
 * "about" page and the diagnostics can say which addresses screens on the LAN open.
 */
export class ListenAddress {
  private at: { host: string; port: number } | null = null;

  set(host: string, port: number): void {
    this.at = { host, port };
  }

  /** `http://<address>:<port>` for each address a LAN screen can use; the loopback only when it is all there is. */
  urls(): string[] {
    if (this.at === null) return [];
    const { host, port } = this.at;
    const hosts = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
    return (hosts.length > 0 ? hosts : ['127.0.0.1']).map((h) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`);
  }
}
