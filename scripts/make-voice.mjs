// Generates a waiting-room display's offline clip set in resources/voice/<lang>/ with Debian's
// espeak-ng and sox: `node scripts/make-voice.mjs` (Vietnamese) or `node scripts/make-voice.mjs en`.
// Languages espeak-ng cannot speak (Jrai, Bahnar) are recorded by people: docs/VOICE-CLIPS.md.
//
// The display concatenates these clips (see renderer/src/screens/display/announcer.ts) because
// browsers have no Vietnamese speechSynthesis voice offline. The output is deterministic (sox -R
// fixes the dither seed) so regenerating gives the same bytes and a clean git diff.
// A human recording replaces the set through manifest.json: see resources/voice/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const voiceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'voice');

/** Slower than espeak's 175 wpm default: announcements are heard across a noisy hall. */
const wordsPerMinute = '145';
/** Milliseconds of silence the announcer leaves between two clips of one call. */
const gapMs = 120;
/** 16 kHz mono 16-bit keeps the ~140 clips small and is plenty for speech. */
const outputFormat = ['-r', '16000', '-c', '1', '-b', '16'];

/**
 * Letter names as Vietnamese say them when reading out a ticket code. `say` is what a human
 * voice reads (written into texts.json); `espeak` is a respelling where espeak-ng gets `say` wrong.
 */
const letters = {
  A: { say: 'a' },
  B: { say: 'bê' },
  C: { say: 'xê' },
  D: { say: 'dê' },
  E: { say: 'e' },
  F: { say: 'ép' },
  // "giê" sounds exactly like "dê" (both [ze] in the northern voice), and sites often use both D
  // and G as prefixes: read G as "gờ", as people do when spelling aloud, so the room can tell them apart.
  G: { say: 'gờ' },
  H: { say: 'hát' },
  I: { say: 'i' },
  // espeak-ng reads "gi" alone as a bare /z/ with no vowel; "di" gives /zi/, the northern "gi".
  J: { say: 'gi', espeak: 'di' },
  K: { say: 'ca' },
  // Hyphenated names are fed with a space so espeak keeps two clear syllables.
  L: { say: 'e-lờ', espeak: 'e lờ' },
  M: { say: 'em-mờ', espeak: 'em mờ' },
  N: { say: 'en-nờ', espeak: 'en nờ' },
  O: { say: 'o' },
  P: { say: 'pê' },
  Q: { say: 'quy' },
  R: { say: 'e-rờ', espeak: 'e rờ' },
  S: { say: 'ét-xì', espeak: 'ét xì' },
  T: { say: 'tê' },
  U: { say: 'u' },
  V: { say: 'vê' },
  W: { say: 'vê kép' },
  X: { say: 'ích-xì', espeak: 'ích xì' },
  Y: { say: 'i dài' },
  Z: { say: 'dét' },
};

const digitWords = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * A counter number 1–99 in Vietnamese words. The units change after a tens word: 1 is "mốt"
 * after "mươi" (21) but "một" after "mười" (11); 5 is "lăm" after either (15, 25); 4 is "tư"
 * after "mươi" (24), the usual spoken form, but "bốn" after "mười" (14); 10 is "mười", 20 is
 * "hai mươi".
 */
function numberWords(n) {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numberWords: ${n} is not 1–99`);
  if (n < 10) return digitWords[n];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${digitWords[tens]} mươi`;
  if (unit === 0) return head;
  if (unit === 1 && tens >= 2) return `${head} mốt`;
  if (unit === 4 && tens >= 2) return `${head} tư`;
  if (unit === 5) return `${head} lăm`;
  return `${head} ${digitWords[unit]}`;
}

/** English: letter names as espeak-ng says a capital alone ("bee", "double-u"); counters 1–20 as words. */
const englishDigits = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const englishNumbers = [...englishDigits.slice(1), 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/**
 * What each language's set says. Vietnamese has counters 1–99 as words; English only 1–20 (a
 * larger counter is read digit by digit, which the display does by itself) to keep the set small.
 */
const sets = {
  vi: {
    voice: 'vi', intro: 'Mời công dân có số thứ tự', toCounter: 'đến quầy số', chimeText: '(tiếng chuông hai âm "ding-dong")',
    letters, digits: digitWords, numbers: 99, numberWords,
  },
  en: {
    voice: 'en-gb', intro: 'Number', toCounter: 'please go to counter', chimeText: '(two-tone chime "ding-dong")',
    letters: Object.fromEntries(Object.keys(letters).map((l) => [l, { say: l }])), digits: englishDigits, numbers: 20, numberWords: (n) => englishNumbers[n - 1],
  },
};

function run(command, args) {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const stderr = err.stderr ? String(err.stderr) : '';
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr || err.message}`);
  }
}

/**
 * Speaks `text` to a 16 kHz WAV with the silence espeak leaves around it trimmed, so the
 * announcer's gapMs alone sets the rhythm. The threshold is low so soft onsets (s, x, h) survive.
 */
function speak(tmp, voice, outDir, text, file) {
  const raw = join(tmp, 'raw.wav');
  run('espeak-ng', ['-v', voice, '-s', wordsPerMinute, '-w', raw, text]);
  run('sox', ['-R', raw, ...outputFormat, join(outDir, file),
    'silence', '1', '0.01', '0.05%', 'reverse', 'silence', '1', '0.01', '0.05%', 'reverse',
    'norm', '-1']);
}

/**
 * A two-tone "ding-dong" (E5 then C5, a falling major third like a door chime), each tone a sine
 * with its octave mixed in and a decaying fade for a bell-like ring. Quieter than the speech
 * so it draws attention without startling.
 */
function chime(tmp, outDir, file) {
  const tone = (name, freq, seconds, delay) => {
    const path = join(tmp, name);
    run('sox', ['-R', '-n', ...outputFormat, path,
      'synth', String(seconds), 'sine', String(freq), 'synth', String(seconds), 'sine', 'mix', String(freq * 2),
      'fade', 'l', '0.005', String(seconds), String(seconds - 0.05), 'pad', String(delay), '0']);
    return path;
  };
  const ding = tone('ding.wav', 659.25, 1.0, 0);
  const dong = tone('dong.wav', 523.25, 1.4, 0.5);
  run('sox', ['-R', '-m', ding, dong, ...outputFormat, join(outDir, file), 'norm', '-6']);
}

function main(lang) {
  const set = sets[lang];
  if (!set) throw new Error(`make-voice: no espeak-ng set for "${lang}" (known: ${Object.keys(sets).join(', ')}); record it instead, docs/VOICE-CLIPS.md`);
  const outDir = join(voiceRoot, lang);
  mkdirSync(outDir, { recursive: true });
  // Start clean so a clip dropped from this script does not linger in the set.
  for (const name of readdirSync(outDir)) if (name.endsWith('.wav')) rmSync(join(outDir, name));
  const tmp = mkdtempSync(join(tmpdir(), 'motcua-voice-'));
  /** file → what the clip says, the script a human voice reads when re-recording. */
  const texts = {};
  const say = (file, text, espeakText = text) => {
    speak(tmp, set.voice, outDir, espeakText, file);
    texts[file] = text;
    return file;
  };
  try {
    chime(tmp, outDir, 'chime.wav');
    texts['chime.wav'] = set.chimeText;
    const manifest = {
      chime: 'chime.wav',
      intro: say('intro.wav', set.intro),
      toCounter: say('to-counter.wav', set.toCounter),
      letters: {},
      digits: {},
      numbers: {},
      gapMs,
    };
    for (const [letter, { say: text, espeak }] of Object.entries(set.letters)) {
      manifest.letters[letter] = say(`letter-${letter}.wav`, text, espeak);
    }
    set.digits.forEach((word, d) => {
      manifest.digits[d] = say(`digit-${d}.wav`, word);
    });
    for (let n = 1; n <= set.numbers; n++) manifest.numbers[n] = say(`number-${n}.wav`, set.numberWords(n));
    writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(join(outDir, 'texts.json'), JSON.stringify(texts, null, 2) + '\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const files = readdirSync(outDir).filter((n) => n.endsWith('.wav'));
  console.log(`make-voice: ${files.length} clips in ${outDir}`);
}

main(process.argv[2] ?? 'vi');
