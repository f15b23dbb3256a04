import type { Call } from '../../../../contract/queue';
import { withSlash } from './clip-manifest';
import { callClips, type VoiceSets } from './voice-sets';

/**
 * The display's voice: every call is spoken from pre-recorded clips, one call after another.
 * Browsers have no offline Vietnamese speechSynthesis voice, so calls are concatenated from
 * clips (docs "Display and voice"); the FIFO exists because panels that speak "the latest state"
 * drop or garble calls that arrive close together.
 */

/**
 * Plays one clip and settles when it has finished. Rejects with an error named
 * 'NotAllowedError' (what HTMLMediaElement.play() throws) when the browser wants a user gesture
 * first; any other rejection means this clip failed and the announcer goes on without it.
 */
export interface ClipPlayer {
  play(file: string): Promise<void>;
}

export type AnnouncementState = 'queued' | 'playing' | 'done';

export interface Announcement {
  callId: number;
  kind: Call['kind'];
  displayCode: string;
  counterNumber: number;
  clips: string[];
  state: AnnouncementState;
  /** Clips that failed to play, so a missing or broken file shows up in the log. */
  missed: string[];
}

/** 'blocked': autoplay is refused until someone taps the screen ("Chạm để bật âm thanh"). */
export type AnnouncerState = 'idle' | 'speaking' | 'blocked';

export interface AnnouncerOptions {
  /** Silence after each call so two calls are heard as two. */
  callGapMs?: number;
  /** Done calls kept in the log (and so remembered for de-duplication). */
  logLimit?: number;
  /** Injectable so tests can drive time; setTimeout by default. */
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Announcer {
  /** Oldest first: done calls (up to logLimit), then the one playing, then those queued. */
  readonly log: Announcement[] = [];
  private current: AnnouncerState = 'idle';
  /** True while the play loop runs, so a second enqueue never starts a second, overlapping loop. */
  private running = false;
  private readonly listeners = new Set<(announcer: Announcer) => void>();
  private readonly callGapMs: number;
  private readonly logLimit: number;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(
    private readonly voices: VoiceSets,
    private readonly player: ClipPlayer,
    options: AnnouncerOptions = {},
  ) {
    this.callGapMs = options.callGapMs ?? 700;
    this.logLimit = options.logLimit ?? 200;
    this.wait = options.wait ?? sleep;
  }

  get state(): AnnouncerState {
    return this.current;
  }

  /**
   * Queues a call (or recall, spoken again the same way). Returns false for a call id already in
   * the log: a reconnecting display is replayed calls it may have queued already.
   */
  enqueue(call: Call): boolean {
    if (this.log.some((a) => a.callId === call.id)) return false;
    this.log.push({
      callId: call.id,
      kind: call.kind,
      displayCode: call.displayCode,
      counterNumber: call.counterNumber,
      clips: callClips(call, this.voices),
      state: 'queued',
      missed: [],
    });
    this.changed();
    void this.run();
    return true;
  }

  /** After a user gesture unblocked audio: speaks everything still queued, from the call that was cut off. */
  resume(): void {
    if (this.current !== 'blocked') return;
    this.current = 'idle';
    this.changed();
    void this.run();
  }

  /** Called on every change of the log or the state; returns the unsubscribe function. */
  onChange(listener: (announcer: Announcer) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(): Promise<void> {
    if (this.running || this.current === 'blocked') return;
    this.running = true;
    try {
      for (let next = this.nextQueued(); next; next = this.nextQueued()) {
        this.current = 'speaking';
        next.state = 'playing';
        this.changed();
        if (!(await this.speak(next))) {
          // Autoplay refused: keep the call queued and start it over after the tap, since half an
          // announcement is no use to anyone.
          next.state = 'queued';
          next.missed = [];
          this.current = 'blocked';
          this.changed();
          return;
        }
        next.state = 'done';
        this.trimLog();
        this.changed();
        await this.wait(this.callGapMs);
      }
      this.current = 'idle';
      this.changed();
    } finally {
      this.running = false;
    }
  }

  /** Plays one call's clips; false if autoplay was blocked. */
  private async speak(announcement: Announcement): Promise<boolean> {
    for (const [i, clip] of announcement.clips.entries()) {
      if (i > 0) await this.wait(this.voices.vi.gapMs);
      try {
        await this.player.play(clip);
      } catch (err) {
        if (isAutoplayBlocked(err)) return false;
        announcement.missed.push(clip);
      }
    }
    return true;
  }

  private nextQueued(): Announcement | undefined {
    return this.log.find((a) => a.state === 'queued');
  }

  /** Calls finish in order, so the oldest entries are the done ones; queued calls are never dropped. */
  private trimLog(): void {
    while (this.log.length > this.logLimit && this.log[0]?.state === 'done') this.log.shift();
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this);
  }
}

function isAutoplayBlocked(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'name' in err && err.name === 'NotAllowedError';
}

/** Longest a clip may take before it is given up on, so a stalled download cannot stall the queue. */
const clipTimeoutMs = 10_000;

/**
 * The page's ClipPlayer: one reused Audio element, playing `<baseUrl>/<lang>/<file>`. A clip that fails
 * to load rejects (and is skipped); autoplay refusal rejects with play()'s own NotAllowedError.
 */
export function htmlAudioPlayer(baseUrl: string, audio: HTMLAudioElement = new Audio()): ClipPlayer {
  const base = withSlash(baseUrl);
  audio.preload = 'auto';
  return {
    play(file) {
      return new Promise<void>((resolve, reject) => {
        let settled = false;
        const settle = (err?: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          audio.removeEventListener('ended', onEnded);
          audio.removeEventListener('error', onError);
          if (err === undefined) resolve();
          else reject(err);
        };
        const onEnded = () => settle();
        const onError = () => settle(new Error(`Không phát được ${file}`));
        const timer = setTimeout(() => {
          audio.pause();
          settle(new Error(`Hết thời gian phát ${file}`));
        }, clipTimeoutMs);
        audio.addEventListener('ended', onEnded);
        audio.addEventListener('error', onError);
        // A clip is named by its set's folder and its file ("vi/intro.wav"): each part is encoded, not the slash.
        audio.src = base + file.split('/').map(encodeURIComponent).join('/');
        audio.play().catch((err: unknown) => settle(err ?? new Error(`Không phát được ${file}`)));
      });
    },
  };
}
