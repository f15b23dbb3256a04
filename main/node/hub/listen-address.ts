import { lanAddresses } from '../hub-env';

/**
 * Where the LAN server listens, told by the server once it does (main/node/lan/server.ts), so the
 * "about" page and the diagnostics can say which addresses screens on the LAN open.
 */
export class ListenAddress {
  private at: { host: string; port: number } | null = null;
  /** The addresses as last read, and when: every printed ticket's QR asks (citizen-links.ts). */
  private read: { urls: string[]; at: number } | null = null;

  set(host: string, port: number): void {
    this.at = { host, port };
    this.read = null;
  }

  /**
   * `http://<address>:<port>` for each address a LAN screen can use; the loopback only when it is
   * all there is. Read again after a few seconds: an address handed out by DHCP can change.
   */
  urls(): string[] {
    if (this.at === null) return [];
    const now = performance.now();
    if (this.read && now - this.read.at < REREAD_MS) return this.read.urls;
    const { host, port } = this.at;
    const hosts = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
    const urls = (hosts.length > 0 ? hosts : ['127.0.0.1']).map((h) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`);
    this.read = { urls, at: now };
    return urls;
  }
}

const REREAD_MS = 10_000;
