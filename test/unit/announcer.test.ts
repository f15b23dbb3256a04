import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../contract/queue';
import { Announcer, htmlAudioPlayer, type ClipPlayer } from '../../renderer/src/screens/display/announcer';
import { clipSequence } from '../../renderer/src/screens/display/voice-sets';
import { ClipManifest } from '../../renderer/src/screens/display/clip-manifest';

const manifest = ClipManifest.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/voice/vi/manifest.json'), 'utf8')),
);
/** The display's sets with Vietnamese only: every clip is played from `vi/`. */
const voices = { vi: manifest };
const fromVi = (files: string[]) => files.map((f) => `vi/${f}`);
/** What the announcer plays for a Vietnamese call. */
const spoken = (c: Call) => fromVi(clipSequence(c, manifest));

let nextId = 1;
function call(displayCode: string, counterNumber: number, over: Partial<Call> = {}): Call {
  return {
    id: nextId++,
    at: '2025-06-02T08:00:00+07:00',
    kind: 'call',
    ticketId: '0197f0c0-0000-7000-8000-000000000001',
    displayCode,
    counterId: '0197f0c0-0000-7000-8000-000000000002',
    counterNumber,
    counterLabel: `Quầy ${counterNumber}`,
    serviceId: '0197f0c0-0000-7000-8000-000000000003',
    serviceName: 'Hộ tịch',
    language: 'vi',
    appointmentTime: null,
    ...over,
  };
}

const blocked = () => new DOMException('play() needs a user gesture', 'NotAllowedError');

/**
 * Each clip takes `clipMs` of fake time. It records every start and end so the tests can prove
 * that no two clips ever overlap, and lets a test make chosen clips fail or autoplay refuse.
 */
class FakePlayer implements ClipPlayer {
  readonly played: string[] = [];
  readonly spans: { file: string; start: number; end: number }[] = [];
  failing = new Set<string>();
  autoplayAllowed = true;
  private active = 0;
  maxActive = 0;

  constructor(private readonly clipMs = 300) {}

  async play(file: string): Promise<void> {
    if (!this.autoplayAllowed) throw blocked();
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    const start = Date.now();
    try {
      await new Promise((r) => setTimeout(r, this.clipMs));
      if (this.failing.has(file)) throw new Error(`404 ${file}`);
      this.played.push(file);
    } finally {
      this.active--;
      this.spans.push({ file, start, end: Date.now() });
    }
  }
}

/** The clips for A015 at counter 3, the example of docs "Display and voice". */
const A015_3 = ['chime.wav', 'intro.wav', 'letter-A.wav', 'digit-0.wav', 'digit-1.wav', 'digit-5.wav', 'to-counter.wav', 'number-3.wav'];

describe('clipSequence', () => {
  it('A015 at counter 3: chime, intro, letter, digits one by one, "đến quầy số", the number', () => {
    expect(clipSequence(call('A015', 3), manifest)).toEqual(A015_3);
  });

  it('KD1000 at counter 21: two letters, four digits, "hai mươi mốt" as one clip', () => {
    expect(clipSequence(call('KD1000', 21), manifest)).toEqual([
      'chime.wav', 'intro.wav', 'letter-K.wav', 'letter-D.wav',
      'digit-1.wav', 'digit-0.wav', 'digit-0.wav', 'digit-0.wav',
      'to-counter.wav', 'number-21.wav',
    ]);
  });

  it('counter 150 has no word clip: read digit by digit', () => {
    expect(clipSequence(call('B002', 150), manifest).slice(-4)).toEqual(['to-counter.wav', 'digit-1.wav', 'digit-5.wav', 'digit-0.wav']);
  });

  it('skips characters the set has no clip for', () => {
    const partial = { ...manifest, letters: { A: 'letter-A.wav' } };
    expect(clipSequence(call('Ă-ZA7', 3), partial)).toEqual(['chime.wav', 'intro.wav', 'letter-A.wav', 'digit-7.wav', 'to-counter.wav', 'number-3.wav']);
  });
});

describe('Announcer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays calls enqueued together strictly one after another, in order, with a gap between calls', async () => {
    const player = new FakePlayer();
    const announcer = new Announcer(voices, player, { callGapMs: 700 });
    const calls = [call('A015', 3), call('B120', 12), call('KD1000', 21)];
    for (const c of calls) announcer.enqueue(c);
    expect(announcer.state).toBe('speaking');
    expect(announcer.log.map((a) => a.state)).toEqual(['playing', 'queued', 'queued']);

    await vi.runAllTimersAsync();

    expect(player.maxActive).toBe(1);
    expect(player.played).toEqual(calls.flatMap(spoken));
    for (let i = 1; i < player.spans.length; i++) {
      const gap = player.spans[i]!.start - player.spans[i - 1]!.end;
      // A new call starts with the chime: the call gap, else the clip gap.
      expect(gap).toBe(player.spans[i]!.file === 'vi/chime.wav' ? 700 : manifest.gapMs);
    }
    expect(announcer.log.map((a) => [a.callId, a.state])).toEqual(calls.map((c) => [c.id, 'done']));
    expect(announcer.state).toBe('idle');
  });

  it('a call arriving mid-announcement waits for the current one to finish', async () => {
    const player = new FakePlayer();
    const announcer = new Announcer(voices, player);
    const first = call('A015', 3);
    const second = call('C007', 5);
    announcer.enqueue(first);
    await vi.advanceTimersByTimeAsync(500);
    announcer.enqueue(second);
    await vi.runAllTimersAsync();
    expect(player.maxActive).toBe(1);
    expect(player.played).toEqual([...fromVi(A015_3), ...spoken(second)]);
  });

  it('never drops a call from a burst', async () => {
    const player = new FakePlayer(50);
    const announcer = new Announcer(voices, player);
    const burst = Array.from({ length: 25 }, (_, i) => call(`A${String(i + 1).padStart(3, '0')}`, (i % 9) + 1));
    burst.forEach((c) => announcer.enqueue(c));
    await vi.runAllTimersAsync();
    expect(player.played.filter((f) => f === 'vi/chime.wav')).toHaveLength(25);
    expect(announcer.log.map((a) => a.callId)).toEqual(burst.map((c) => c.id));
    expect(announcer.log.every((a) => a.state === 'done')).toBe(true);
  });

  it('announces a recall again, like a call', async () => {
    const player = new FakePlayer();
    const announcer = new Announcer(voices, player);
    const first = call('A015', 3);
    announcer.enqueue(first);
    announcer.enqueue(call('A015', 3, { kind: 'recall', ticketId: first.ticketId }));
    await vi.runAllTimersAsync();
    expect(player.played).toEqual(fromVi([...A015_3, ...A015_3]));
    expect(announcer.log.map((a) => a.kind)).toEqual(['call', 'recall']);
  });

  it('ignores a call id it already has, queued or done (a reconnect replays calls)', async () => {
    const player = new FakePlayer();
    const announcer = new Announcer(voices, player);
    const c = call('A015', 3);
    expect(announcer.enqueue(c)).toBe(true);
    expect(announcer.enqueue({ ...c })).toBe(false);
    await vi.runAllTimersAsync();
    expect(announcer.enqueue({ ...c })).toBe(false);
    await vi.runAllTimersAsync();
    expect(player.played).toEqual(fromVi(A015_3));
    expect(announcer.log).toHaveLength(1);
  });

  it('a clip that fails is skipped and noted; the queue goes on', async () => {
    const player = new FakePlayer();
    player.failing.add('vi/digit-1.wav');
    const announcer = new Announcer(voices, player);
    const first = call('A015', 3);
    const second = call('B002', 4);
    announcer.enqueue(first);
    announcer.enqueue(second);
    await vi.runAllTimersAsync();
    expect(player.played).toEqual([...fromVi(A015_3.filter((f) => f !== 'digit-1.wav')), ...spoken(second)]);
    expect(announcer.log.map((a) => [a.state, a.missed])).toEqual([['done', ['vi/digit-1.wav']], ['done', []]]);
  });

  it('blocked autoplay waits for the tap, keeps every queued call and replays the cut-off one from the start', async () => {
    const player = new FakePlayer();
    player.autoplayAllowed = false;
    const announcer = new Announcer(voices, player);
    const states: string[] = [];
    announcer.onChange((a) => states.push(a.state));
    const first = call('A015', 3);
    announcer.enqueue(first);
    await vi.runAllTimersAsync();
    expect(announcer.state).toBe('blocked');
    const later = [call('B001', 7), call('C002', 8)];
    later.forEach((c) => announcer.enqueue(c));
    await vi.runAllTimersAsync();
    expect(player.played).toEqual([]);
    expect(announcer.log.map((a) => a.state)).toEqual(['queued', 'queued', 'queued']);

    player.autoplayAllowed = true;
    announcer.resume();
    await vi.runAllTimersAsync();
    expect(player.played).toEqual([first, ...later].flatMap(spoken));
    expect(player.maxActive).toBe(1);
    expect(announcer.state).toBe('idle');
    expect(states).toContain('blocked');
    expect(states.at(-1)).toBe('idle');
  });

  it('keeps the log bounded without forgetting queued calls', async () => {
    const announcer = new Announcer(voices, new FakePlayer(10), { logLimit: 3 });
    const calls = Array.from({ length: 6 }, () => call('A001', 1));
    calls.forEach((c) => announcer.enqueue(c));
    expect(announcer.log).toHaveLength(6);
    await vi.runAllTimersAsync();
    expect(announcer.log.map((a) => a.callId)).toEqual(calls.slice(-3).map((c) => c.id));
  });
});

/** Enough of an HTMLAudioElement for htmlAudioPlayer: events, src, play() and pause(). */
class FakeAudio extends EventTarget {
  src = '';
  preload = '';
  onPlay: (audio: FakeAudio) => Promise<void> = async (a) => {
    setTimeout(() => a.dispatchEvent(new Event('ended')), 200);
  };
  play(): Promise<void> {
    return this.onPlay(this);
  }
  pause(): void {}
}

describe('htmlAudioPlayer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const player = (audio: FakeAudio) => htmlAudioPlayer('/voice/vi', audio as unknown as HTMLAudioElement);

  it('plays <base>/<file> and resolves on ended', async () => {
    const audio = new FakeAudio();
    const done = player(audio).play('letter-A.wav');
    expect(audio.src).toBe('/voice/vi/letter-A.wav');
    await vi.advanceTimersByTimeAsync(200);
    await expect(done).resolves.toBeUndefined();
  });

  it('keeps the slash of a clip named with its set’s folder, encoding each part', async () => {
    const audio = new FakeAudio();
    const done = htmlAudioPlayer('/voice/', audio as unknown as HTMLAudioElement).play('jra/mời anh.wav');
    expect(audio.src).toBe('/voice/jra/m%E1%BB%9Di%20anh.wav');
    await vi.advanceTimersByTimeAsync(200);
    await done;
  });

  it('rejects on a load error, so the announcer skips the clip', async () => {
    const audio = new FakeAudio();
    audio.onPlay = async (a) => {
      a.dispatchEvent(new Event('error'));
      throw new DOMException('no supported source', 'NotSupportedError');
    };
    await expect(player(audio).play('missing.wav')).rejects.toThrow('missing.wav');
  });

  it('passes autoplay refusal through as NotAllowedError', async () => {
    const audio = new FakeAudio();
    audio.onPlay = async () => {
      throw blocked();
    };
    await expect(player(audio).play('chime.wav')).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('gives up on a clip that never ends', async () => {
    const audio = new FakeAudio();
    audio.onPlay = async () => {};
    const done = player(audio).play('stalled.wav');
    const check = expect(done).rejects.toThrow('stalled.wav');
    await vi.advanceTimersByTimeAsync(10_000);
    await check;
  });
});
