/**
 * Where a screen keeps its credential: localStorage, one key per screen kind, so a reload or a
 * hub restart does not log an officer out or unpair a kiosk, and a counter and a kiosk open in
 * two tabs of one browser do not overwrite each other.
 */
export class TokenStore {
  constructor(private readonly key: string) {}

  get(): string | null {
    try {
      return localStorage.getItem(this.key);
    } catch {
      return null;
    }
  }

  set(token: string): void {
    localStorage.setItem(this.key, token);
  }

  clear(): void {
    localStorage.removeItem(this.key);
  }
}
