import type { ClockView } from '../../../contract/ops';
import type { Logger } from '../../../common/node/logger';
import { clockCheck, clockView, type ClockAnchor, type ClockCheck } from '../../core/site-clock';
import type { SiteStore } from '../db/site-store';
import type { HubBus } from './bus';

const ANCHOR_KEY = 'clockAnchor';

/**
 * The hub's clock against the central's (main/core/site-clock.ts): the last exchange's times,
 * learnt from every answer of the central and kept in the settings with the sync's own write, plus
 * the monotonic reading of that moment while this process lives. Staff screens read it through
 * `system.health` and hear a `health` hint when it turns into a problem or stops being one.
 */
export class ClockWatch {
  private anchor: ClockAnchor | null;
  private liveMonotonicAt: number | null = null;
  private problem = false;

  constructor(private readonly deps: { readonly site: SiteStore; readonly bus: HubBus; readonly log: Logger; readonly clock: () => number; readonly monotonic: () => number }) {
    this.anchor = deps.site.get<ClockAnchor>(ANCHOR_KEY);
  }

  /** The central answered with its time (any 200 of the sync protocol). */
  observe(serverTime: string): void {
    const centralAt = Date.parse(serverTime);
    if (Number.isNaN(centralAt)) return;
    this.anchor = { centralAt, hubAt: this.deps.clock() };
    this.liveMonotonicAt = this.deps.monotonic();
    this.check();
  }

  /** Keeps the last exchange for after a restart; called inside a write of the sync worker. */
  save(): void {
    if (this.anchor) this.deps.site.set(ANCHOR_KEY, this.anchor);
  }

  /** The clock now; tells the screens (and the log, once per episode) when it turns bad or good. */
  check(): ClockCheck {
    const c = clockCheck(this.anchor, this.liveMonotonicAt, { wall: this.deps.clock(), monotonic: this.deps.monotonic() });
    if (c.problem !== this.problem) {
      this.problem = c.problem;
      if (c.problem) this.deps.log.warn({ skewSeconds: c.skewSeconds, basis: c.basis }, 'the hub clock is off the central: intake asks for confirmation');
      else this.deps.log.info({ skewSeconds: c.skewSeconds }, 'the hub clock agrees with the central again');
      setImmediate(() => this.deps.bus.emit('changed', ['health']));
    }
    return c;
  }

  view(): ClockView {
    return clockView(this.check());
  }
}
