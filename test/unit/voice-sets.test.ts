import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../contract/queue';
import { Announcer, type ClipPlayer } from '../../renderer/src/screens/display/announcer';
import { ClipManifest } from '../../renderer/src/screens/display/clip-manifest';
import { callClips, callLanguages, loadVoiceSets, type VoiceSets } from '../../renderer/src/screens/display/voice-sets';

const viSet = ClipManifest.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/voice/vi/manifest.json'), 'utf8')));

/** A small recorded set, as a site makes one (docs/VOICE-CLIPS.md): counters 1–3 as words only. */
const recorded: ClipManifest = {
  chime: 'chime.wav', intro: 'intro.wav', toCounter: 'to-counter.wav',
  letters: { A: 'letter-A.wav', B: 'letter-B.wav' },
  digits: Object.fromEntries([...'0123456789'].map((d) => [d, `digit-${d}.wav`])),
  numbers: { '1': 'number-1.wav', '2': 'number-2.wav', '3': 'number-3.wav' },
  gapMs: 100,
};

const call = (displayCode: string, counterNumber: number, language: Call['language']): Pick<Call, 'displayCode' | 'counterNumber' | 'language'> => ({ displayCode, counterNumber, language });

describe('which languages a call is said in', () => {
  it('Vietnamese for the hall; the ticket’s language after it only where the display has its clips', () => {
    expect(callLanguages({ language: 'vi' }, { vi: viSet, en: recorded })).toEqual(['vi']);
    expect(callLanguages({ language: 'en' }, { vi: viSet, en: recorded })).toEqual(['vi', 'en']);
    expect(callLanguages({ language: 'en' }, { vi: viSet })).toEqual(['vi']);
  });

  it('an English ticket B001 at counter 2: the Vietnamese call, then the English one without a second chime', () => {
    const sets: VoiceSets = { vi: viSet, en: recorded };
    expect(callClips(call('B001', 2, 'en'), sets)).toEqual([
      'vi/chime.wav', 'vi/intro.wav', 'vi/letter-B.wav', 'vi/digit-0.wav', 'vi/digit-0.wav', 'vi/digit-1.wav', 'vi/to-counter.wav', 'vi/number-2.wav',
      'en/intro.wav', 'en/letter-B.wav', 'en/digit-0.wav', 'en/digit-0.wav', 'en/digit-1.wav', 'en/to-counter.wav', 'en/number-2.wav',
    ]);
    // The recorded set has counters 1–3 as words: counter 12 is read digit by digit in it.
    expect(callClips(call('A007', 12, 'en'), sets).slice(-3)).toEqual(['en/to-counter.wav', 'en/digit-1.wav', 'en/digit-2.wav']);
  });

  it('the announcer plays both parts of the call in order, one clip at a time', async () => {
    vi.useFakeTimers();
    const played: string[] = [];
    const player: ClipPlayer = { play: async (f) => void played.push(f) };
    const announcer = new Announcer({ vi: viSet, en: recorded }, player);
    announcer.enqueue({ id: 1, at: '2025-06-02T08:00:00+07:00', kind: 'call', ticketId: 't', displayCode: 'B001', counterId: 'c', counterNumber: 2, counterLabel: 'Quầy 2', serviceId: 's', serviceName: 'Chứng thực', language: 'en', appointmentTime: null });
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    expect(played).toEqual(callClips(call('B001', 2, 'en'), { vi: viSet, en: recorded }));
    expect(played.filter((f) => f.endsWith('chime.wav'))).toHaveLength(1);
  });
});

describe('loading the sets from the hub', () => {
  afterEach(() => vi.unstubAllGlobals());

  const hubWith = (folders: Record<string, unknown>) =>
    vi.fn(async (url: string) => {
      const lang = /\/voice\/(\w+)\/manifest\.json$/.exec(url)?.[1] ?? '';
      return lang in folders ? new Response(JSON.stringify(folders[lang]), { status: 200 }) : new Response('', { status: 404 });
    });

  it('takes every language the hub has a folder for; no folder is no voice, not an error', async () => {
    vi.stubGlobal('fetch', hubWith({ vi: viSet }));
    const report = vi.fn();
    const sets = await loadVoiceSets('/voice', report);
    expect(Object.keys(sets)).toEqual(['vi']);
    expect(report).not.toHaveBeenCalled();

    vi.stubGlobal('fetch', hubWith({ vi: viSet, en: recorded }));
    expect(Object.keys(await loadVoiceSets('/voice/', report))).toEqual(['vi', 'en']);
  });

  it('reports a broken set and speaks without it; without Vietnamese the display cannot speak', async () => {
    vi.stubGlobal('fetch', hubWith({ vi: viSet, en: { ...recorded, intro: '../intro.wav' } }));
    const report = vi.fn();
    expect(Object.keys(await loadVoiceSets('/voice/', report))).toEqual(['vi']);
    expect(report).toHaveBeenCalledWith('en', expect.anything());

    vi.stubGlobal('fetch', hubWith({}));
    await expect(loadVoiceSets('/voice/', report)).rejects.toThrow('tiếng Việt');
  });
});
