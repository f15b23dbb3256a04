import { describe, expect, it } from 'vitest';
import { languageCodes, message, messagesOf, say, type MessageKey } from '../../contract/locales';
import { vi } from '../../contract/locales/vi';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(vi) as MessageKey[];

describe('the citizen-facing texts (contract/locales)', () => {
  it('every language has every key (English by its type; a site’s own language by the Vietnamese fallback)', () => {
    for (const lang of languageCodes) {
      const texts = messagesOf(lang);
      expect(Object.keys(texts).sort()).toEqual([...keys].sort());
      for (const k of keys) expect(texts[k], `${lang} ${k}`).not.toBe('');
    }
  });

  it('every language fills the same slots as the Vietnamese, so no value is lost in translation', () => {
    for (const lang of languageCodes) for (const k of keys) expect(slots(message(lang, k)), `${lang} ${k}`).toEqual(slots(vi[k]));
  });

  it('English is really English: no key left in Vietnamese by mistake', () => {
    // Vietnamese letters outside ASCII that English never uses.
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    // The app's own name, Một Cửa, is a name in every language.
    for (const k of keys) expect(message('en', k).replaceAll('Một Cửa', ''), k).not.toMatch(vietnamese);
  });

  it('fills slots, and leaves a slot without a value visible rather than empty', () => {
    expect(say('en', 'display.callLine', { code: 'B001', counter: 2 })).toBe('Number B001, please go to counter 2');
    expect(say('vi', 'display.callLine', { code: 'B001', counter: 2 })).toBe('Số B001, mời đến quầy số 2');
    expect(say('en', 'kiosk.waiting')).toBe('Waiting: {n}');
  });
});
