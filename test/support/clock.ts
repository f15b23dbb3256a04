/** A clock the test moves by hand: a day of queue activity runs in milliseconds. */
export class FakeClock {
  private t: number;
  constructor(iso = '2026-11-25T09:00:00+07:00') {
    this.t = Date.parse(iso);
  }
  readonly now = (): number => this.t;
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
  advanceSeconds(sec: number): void {
    this.t += sec * 1000;
  }
}
