import { describe, expect, it } from 'vitest';
import type { RatingSettings } from '../../../contract/queue';
import { closedReasonIn, faceOf, inEveryLanguage, nameIn, priorityLabelIn, ratingAskIn, serviceNameIn, ticketLanguage, ticketPriorityLabelIn } from '../../../main/core/citizen-language';
import { defaultRatingSettings } from '../../../main/node/db/migrations/002-ratings';

const certification = { name: 'Chứng thực', nameEn: 'Certification', hint: 'Chứng thực bản sao', hintEn: '' };

describe('which words a citizen is given', () => {
  it('a ticket is in the language chosen at the kiosk, else the site’s', () => {
    expect(ticketLanguage('en', 'vi')).toBe('en');
    expect(ticketLanguage(undefined, 'vi')).toBe('vi');
    expect(ticketLanguage(undefined, 'en')).toBe('en');
  });

  it('the service’s English name for an English ticket (issue 13: it printed "Chứng thực")', () => {
    expect(serviceNameIn('en', certification)).toBe('Certification');
    expect(serviceNameIn('vi', certification)).toBe('Chứng thực');
  });

  it('falls back to the Vietnamese name where no English one was typed (or only spaces)', () => {
    expect(nameIn('en', { vi: 'Đất đai', en: '  ' })).toBe('Đất đai');
    expect(priorityLabelIn('en', { label: 'Người khuyết tật', labelEn: '' })).toBe('Người khuyết tật');
  });

  it('a printed priority group keeps its label of the day in Vietnamese, and reads the group’s English name in English', () => {
    const group = { label: 'Người cao tuổi (từ 60 tuổi)', labelEn: 'Elderly (60+)' };
    expect(ticketPriorityLabelIn('vi', 'Người cao tuổi', group)).toBe('Người cao tuổi');
    expect(ticketPriorityLabelIn('en', 'Người cao tuổi', group)).toBe('Elderly (60+)');
    expect(ticketPriorityLabelIn('en', null, group)).toBeNull();
    expect(ticketPriorityLabelIn('en', 'Người cao tuổi', null)).toBe('Người cao tuổi');
  });

  it('a closed service keeps the hub’s Vietnamese reason, and says only "closed" in another language', () => {
    expect(closedReasonIn('vi', 'Đã hết giờ lấy số buổi sáng.')).toBe('Đã hết giờ lấy số buổi sáng.');
    expect(closedReasonIn('en', 'Đã hết giờ lấy số buổi sáng.')).toBe('Not taking numbers now');
    expect(closedReasonIn('en', null)).toBeNull();
  });

  it('gives the kiosk every language’s name at once, so switching needs no round trip', () => {
    expect(inEveryLanguage((l) => serviceNameIn(l, certification))).toEqual({ vi: 'Chứng thực', en: 'Certification' });
  });
});

describe('the rating question in the ticket’s language', () => {
  it('asks an English ticket in the admin’s English question, with the English scale', () => {
    const ask = ratingAskIn('en', defaultRatingSettings);
    expect(ask.language).toBe('en');
    expect(ask.question).toBe(defaultRatingSettings.questionEn);
    expect(ask.scale.map((s) => s.label)).toEqual(defaultRatingSettings.scale.map((s) => s.labelEn || s.label));
    expect(ratingAskIn('vi', defaultRatingSettings).question).toBe(defaultRatingSettings.question);
  });

  it('a level with no English label is said in Vietnamese', () => {
    const settings: RatingSettings = { ...defaultRatingSettings, scale: [{ code: 'good', label: 'Tốt', labelEn: '' }, { code: 'bad', label: 'Chưa tốt', labelEn: 'Not good' }] };
    expect(ratingAskIn('en', settings).scale.map((s) => s.label)).toEqual(['Tốt', 'Not good']);
  });

  it('each level has a face: the ends are the happiest and the unhappiest, an odd scale’s middle is neutral', () => {
    expect([0, 1, 2, 3, 4].map((i) => faceOf(i, 5))).toEqual(['very_happy', 'happy', 'neutral', 'unhappy', 'very_unhappy']);
    expect([0, 1, 2].map((i) => faceOf(i, 3))).toEqual(['very_happy', 'neutral', 'very_unhappy']);
    expect([0, 1, 2, 3].map((i) => faceOf(i, 4))).toEqual(['very_happy', 'happy', 'unhappy', 'very_unhappy']);
    expect([0, 1].map((i) => faceOf(i, 2))).toEqual(['very_happy', 'very_unhappy']);
  });
});
